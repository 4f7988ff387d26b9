import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Modal, Space, message } from 'antd';
import { useState } from 'react';
import { errorMessage, post } from '../../api/client.ts';
import { KEY } from './api.ts';

/**
 * The bureau's two answers to something submitted (recognise / reject, accept / return, approve / reject): the
 * negative one asks for the reasons the submitter will read. Posts `{ decision, note, version }` to `path`.
 */
export function ReviewButtons(props: {
  path: string;
  version: number;
  yes: { value: string; label: string };
  no: { value: string; label: string };
  testId: string;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (decision: string, text: string | null) => {
    setBusy(true);
    try {
      await post(props.path, { decision, note: text, version: props.version });
      await qc.invalidateQueries({ queryKey: [KEY] });
      setOpen(false);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button
        size="small"
        type="primary"
        loading={busy}
        onClick={() => void send(props.yes.value, null)}
        data-testid={`${props.testId}-yes`}
      >
        {props.yes.label}
      </Button>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid={`${props.testId}-no`}>
        {props.no.label}
      </Button>
      <Modal
        open={open}
        title={`${props.no.label}：请说明理由`}
        okText={props.no.label}
        okButtonProps={{ danger: true, disabled: !note.trim(), loading: busy }}
        onOk={() => void send(props.no.value, note.trim())}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder="理由将告知学校" />
      </Modal>
    </Space>
  );
}
