import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { EvidenceUploader } from '../supervision/ReportForm.tsx';
import { KEY, STATUS_COLORS, useRecord } from './api.ts';
import { RecordForm } from './RecordForm.tsx';

/**
 * One record: its facts and evidence files; its owner uploads evidence and corrects it until verified; the bureau
 * verifies it (the server refuses without evidence) or returns it with a reason.
 */
export function RecordDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useRecord(id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const r = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: [KEY] });
  const review = async (decision: 'verify' | 'return') => {
    if (!r) return;
    setBusy(true);
    try {
      await post(`/api/international/records/${r.id}/review`, { decision, version: r.version, ...(decision === 'return' && { reason }) });
      message.success(decision === 'verify' ? '已核验，计入国际合作项目' : '已退回');
      setReason('');
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open title={r?.title ?? '国际交流合作记录'} width={phone ? '100%' : 560} onClose={onClose} data-testid="international-drawer">
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {r && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Tag>{r.kindLabel}</Tag>
            <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
          </Space>
          {r.status === 'returned' && (
            <Alert type="warning" showIcon message={`退回原因：${r.returnReason}`} style={{ marginBottom: 12 }} />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="登记单位">{r.organisationName}</Descriptions.Item>
            <Descriptions.Item label="合作国家（地区）">{r.country}</Descriptions.Item>
            <Descriptions.Item label="境外合作机构">{r.partner}</Descriptions.Item>
            <Descriptions.Item label="时间">{`${r.startedOn}${r.endedOn ? ` 至 ${r.endedOn}` : ''}`}</Descriptions.Item>
            <Descriptions.Item label="内容">{r.detail}</Descriptions.Item>
            {r.verifiedAt && <Descriptions.Item label="核验时间">{r.verifiedAt}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            佐证材料
          </Typography.Title>
          {r.evidence.length ? (
            <ul data-testid="international-evidence">
              {r.evidence.map((f) => (
                <li key={f.id}>
                  <a href={`/api/international/records/${r.id}/evidence/${f.id}`}>{f.fileName}</a>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">尚未上传佐证材料（核验须有佐证材料）</Typography.Paragraph>
          )}
          {r.canEdit && (
            <>
              <EvidenceUploader path={`/api/international/records/${r.id}/evidence`} />
              <Button style={{ marginTop: 12 }} onClick={() => (void refresh(), setEditing(true))}>
                更正记录
              </Button>
            </>
          )}
          {r.canReview && (
            <div style={{ marginTop: 16 }}>
              <Typography.Title level={5}>核验</Typography.Title>
              <Input.TextArea
                rows={2}
                maxLength={500}
                placeholder="退回时请写明原因"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <Space style={{ marginTop: 8 }} wrap>
                <Button type="primary" loading={busy} onClick={() => void review('verify')} data-testid="international-verify">
                  核验通过
                </Button>
                <Button danger loading={busy} disabled={!reason.trim()} onClick={() => void review('return')}>
                  退回
                </Button>
              </Space>
            </div>
          )}
          {editing && <RecordForm record={r} onClose={() => setEditing(false)} />}
        </>
      )}
    </Drawer>
  );
}
