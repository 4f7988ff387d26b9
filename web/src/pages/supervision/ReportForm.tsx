import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { TaskReport, taskDetail } from '../../../../contracts/supervision.ts';
import { ApiError, errorMessage, get, post } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { EVIDENCE_ACCEPT, EVIDENCE_HINT, uploadEvidence } from './evidence.ts';

const KINDS = [
  { value: 'count', label: '数量' },
  { value: 'share', label: '比例(%)' },
  { value: 'amount', label: '金额(元)' },
  { value: 'duration', label: '时长' },
];

interface Values {
  period: string;
  text: string;
  figures?: Array<{ label: string; kind: 'count' | 'share' | 'amount' | 'duration'; value: number; unit?: string }>;
}

/** A unit's progress report on one task: text, figures, then evidence files (up once the report exists). */
export function ReportForm({
  taskNo,
  periods,
  onClose,
}: {
  taskNo: number | null;
  periods: Array<{ key: string; label: string }>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<TaskReport | null>(null);
  // One report per unit, task and period: the periods this unit has reported on are shown as such, not offered
  // again, and the form opens on the latest one still owed.
  const me = useMe();
  const detail = useQuery({
    queryKey: ['tasks', 'detail', taskNo],
    enabled: taskNo !== null,
    queryFn: () => get<z.infer<typeof taskDetail>>(`/api/tasks/${taskNo}`),
  });
  const myOrganisations = new Set(me.roles.map((r) => r.organisation.id));
  const reported = new Set(detail.data?.reports.filter((r) => myOrganisations.has(r.organisationId)).map((r) => r.period));
  const owed = periods.filter((p) => !reported.has(p.key));
  const submit = useMutation({
    mutationFn: (v: Values) => post<TaskReport>(`/api/tasks/${taskNo}/reports`, { ...v, figures: v.figures ?? [] }),
    onSuccess: (r) => {
      setSaved(r);
      message.success('进展报告已报送，可继续上传佐证材料');
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) {
        form.setFields(
          Object.entries(e.fields).map(([k, v]) => ({ name: k.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), errors: [v] })),
        );
      }
    },
  });
  const close = () => {
    setSaved(null);
    form.resetFields();
    submit.reset();
    onClose();
  };
  return (
    <Modal open={taskNo !== null} title={`报送任务${taskNo}进展`} onCancel={close} footer={null} width={720} destroyOnHidden>
      {submit.error && <Alert type="error" showIcon message={errorMessage(submit.error)} style={{ marginBottom: 12 }} />}
      {!saved && detail.isLoading ? (
        <Spin />
      ) : !saved ? (
        <Form form={form} layout="vertical" onFinish={(v: Values) => submit.mutate(v)} initialValues={{ period: owed.at(-1)?.key }}>
          <Form.Item name="period" label="报送期次" rules={[{ required: true, message: '请选择期次' }]}>
            <Select
              options={periods.map((p) => ({
                value: p.key,
                label: reported.has(p.key) ? `${p.label}（已报送）` : p.label,
                disabled: reported.has(p.key),
              }))}
            />
          </Form.Item>
          <Form.Item name="text" label="工作进展" rules={[{ required: true, message: '请填写工作进展' }]}>
            <Input.TextArea rows={5} maxLength={10000} showCount placeholder="本期完成的工作、取得的成效、存在的问题和下一步安排" />
          </Form.Item>
          <Typography.Text strong>数据项</Typography.Text>
          <Form.List name="figures">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '名称' }]}>
                      <Input placeholder="如：新增实训基地" style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} initialValue="count">
                      <Select options={KINDS} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: '数值' }]}>
                      <InputNumber placeholder="数值" style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']}>
                      <Input placeholder="单位" style={{ width: 70 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除数据项" />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ kind: 'count' })} icon={<PlusOutlined />} style={{ margin: '8px 0 16px' }}>
                  添加数据项
                </Button>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={submit.isPending} block>
            报送
          </Button>
        </Form>
      ) : (
        <EvidenceUploader path={`/api/reports/${saved.id}/evidence`} onDone={close} />
      )}
    </Modal>
  );
}

export function EvidenceUploader({ path, onDone }: { path: string; onDone?: () => void }) {
  const { message } = App.useApp();
  return (
    <div>
      <Typography.Paragraph type="secondary">{EVIDENCE_HINT}</Typography.Paragraph>
      <Upload
        accept={EVIDENCE_ACCEPT}
        multiple
        customRequest={({ file, onSuccess, onError }) => {
          uploadEvidence(path, file as File)
            .then(() => {
              onSuccess?.({});
              message.success(`${(file as File).name} 已上传`);
            })
            .catch((e) => {
              onError?.(e as Error);
              message.error(errorMessage(e));
            });
        }}
      >
        <Button icon={<UploadOutlined />}>选择文件上传</Button>
      </Upload>
      {onDone && (
        <Button type="primary" onClick={onDone} style={{ marginTop: 16 }}>
          完成
        </Button>
      )}
    </div>
  );
}
