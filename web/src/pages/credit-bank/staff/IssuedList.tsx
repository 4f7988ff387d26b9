import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { outcome, outcomePage } from '../../../../../contracts/credit-bank.ts';
import { OUTCOME_KIND_LABELS, type OutcomeKind } from '../../../../../core/credit-bank/kinds.ts';
import { errorMessage, get, post } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIsPhone } from '../../../hooks/useMediaQuery.ts';
import { KIND_OPTIONS } from './shared.ts';

type Outcome = z.infer<typeof outcome>;

/** What this organisation has issued, newest first, with revocation (the ledger gets a compensating entry). */
export function IssuedList({ issuerId }: { issuerId: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const phone = useIsPhone();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<OutcomeKind | undefined>();
  const [revoking, setRevoking] = useState<Outcome | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['cb', 'issued', issuerId, page, kind],
    queryFn: () => get<z.infer<typeof outcomePage>>('/api/credit-bank/outcomes', { issuerId, kind, page, pageSize: 20 }),
  });
  const revoke = useMutation({
    mutationFn: () => post(`/api/credit-bank/outcomes/${revoking!.id}/revoke`, { reason }),
    onSuccess: () => {
      message.success('已撤销，相关学分已冲正');
      setRevoking(null);
      setReason('');
      void qc.invalidateQueries({ queryKey: ['cb', 'issued'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card
      size="small"
      title="已签发的学习成果"
      data-testid="cb-issued"
      extra={
        <Select
          allowClear
          placeholder="全部类型"
          options={KIND_OPTIONS}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPage(1);
          }}
          style={{ width: phone ? 130 : 220 }}
        />
      }
    >
      <Table<Outcome>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 项`,
        }}
        columns={[
          {
            title: '学习者',
            render: (_, o) => (
              <>
                {o.holderName}
                <div className="cj-mono" style={{ fontSize: 12, color: '#888' }}>
                  {o.accountNo}
                </div>
              </>
            ),
          },
          { title: '成果', dataIndex: 'title' },
          ...(phone
            ? []
            : [
                { title: '类型', render: (_: unknown, o: Outcome) => OUTCOME_KIND_LABELS[o.kind] },
                {
                  title: '学分/学时',
                  render: (_: unknown, o: Outcome) =>
                    [o.credits !== null && `${o.credits} 学分`, o.hours !== null && `${o.hours} 学时`, o.level !== null && `${o.level} 级`]
                      .filter(Boolean)
                      .join(' · ') || '—',
                },
                { title: '取得日期', dataIndex: 'achievedOn' },
              ]),
          { title: '状态', render: (_, o) => (o.status === 'active' ? <Tag color="green">有效</Tag> : <Tag color="red">已撤销</Tag>) },
          {
            title: '',
            render: (_, o) => (
              <Button size="small" danger disabled={o.status !== 'active'} onClick={() => setRevoking(o)}>
                撤销
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!revoking}
        title={`撤销“${revoking?.title ?? ''}”`}
        okText="撤销"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: revoke.isPending }}
        onOk={() => revoke.mutate()}
        onCancel={() => setRevoking(null)}
      >
        <Input.TextArea
          rows={3}
          placeholder="撤销原因（学习者和验证页都会看到）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}
