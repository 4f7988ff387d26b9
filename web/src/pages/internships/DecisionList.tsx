import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { rejectRequest } from '../../../../contracts/internships.ts';
import { post as send } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate } from '../../components/format.ts';
import { fieldRules } from '../../forms/zod.ts';
import { KEY, useApplications, type Application } from './api.ts';
import { APPLICATION_STATUS } from './labels.ts';
import { RuleViolations } from './RuleViolations.tsx';

const PAGE_SIZE = 20;
const rejectRules = fieldRules(rejectRequest);

/**
 * Applications waiting on one party: the school approves its students' applications, the enterprise accepts
 * the approved ones for its posts. Either may refuse with a reason. A refusal of the server (places gone, a
 * cap reached) is shown with the rule it names.
 */
export function DecisionList({ side }: { side: 'school' | 'enterprise' }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const waiting = side === 'school' ? 'applied' : 'school_approved';
  const [status, setStatus] = useState<string>(waiting);
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Application | null>(null);
  const apps = useApplications({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE });
  const done = (text: string) => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: [KEY] });
  };
  const decide = useMutation({
    mutationFn: (a: Application) =>
      send<Application>(`/api/internship-applications/${a.id}/${side === 'school' ? 'approve' : 'accept'}`, {}),
    onSuccess: (a) => done(side === 'school' ? `已同意 ${a.studentName} 的申请` : `已接收 ${a.studentName}`),
  });
  const reject = useMutation({
    mutationFn: (v: { reason: string }) => send<Application>(`/api/internship-applications/${rejecting!.id}/reject`, v),
    onSuccess: (a) => {
      setRejecting(null);
      done(`已拒绝 ${a.studentName} 的申请`);
    },
  });
  const tabs = [
    { value: waiting, label: side === 'school' ? '待审核' : '待接收' },
    ...(side === 'school' ? [{ value: 'school_approved', label: '已同意' }] : []),
    { value: 'accepted', label: side === 'school' ? '企业已接收' : '已接收' },
    { value: 'rejected', label: '已拒绝' },
    { value: 'all', label: '全部' },
  ];
  return (
    <>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          options={tabs}
          value={status}
          onChange={(v) => {
            setStatus(String(v));
            setPage(1);
            decide.reset();
          }}
        />
      </div>
      <RuleViolations error={decide.error} title={side === 'enterprise' ? '不能接收' : '不能审核'} />
      {apps.error ? (
        <QueryError error={apps.error} onRetry={() => void apps.refetch()} />
      ) : (
        <List
          loading={apps.isLoading}
          dataSource={apps.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无申请" /> }}
          grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3, xxl: 4 }}
          renderItem={(a) => (
            <List.Item>
              <Card
                size="small"
                data-testid="decision-card"
                title={a.studentName}
                extra={<Tag color={APPLICATION_STATUS[a.status]?.color}>{APPLICATION_STATUS[a.status]?.label}</Tag>}
              >
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text>{a.postTitle}</Typography.Text>
                  <Typography.Text type="secondary">{side === 'school' ? a.enterpriseName : a.schoolName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    申请于 {formatDate(a.createdAt)}
                    {a.source === 'allocation' ? ' · 统筹推荐' : ''}
                  </Typography.Text>
                  {a.reason && <Typography.Text type="secondary">理由：{a.reason}</Typography.Text>}
                  {a.status === waiting && (
                    <Space style={{ marginTop: 8 }}>
                      <Button
                        type="primary"
                        size="small"
                        loading={decide.isPending && decide.variables?.id === a.id}
                        onClick={() => decide.mutate(a)}
                        data-testid="decide"
                      >
                        {side === 'school' ? '同意' : '接收'}
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          reject.reset();
                          setRejecting(a);
                        }}
                      >
                        拒绝
                      </Button>
                    </Space>
                  )}
                  {side === 'school' && a.status === 'school_approved' && (
                    <Button
                      size="small"
                      danger
                      style={{ marginTop: 8, alignSelf: 'flex-start' }}
                      onClick={() => {
                        reject.reset();
                        setRejecting(a);
                      }}
                    >
                      撤销同意并拒绝
                    </Button>
                  )}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <Pagination simple current={page} pageSize={PAGE_SIZE} total={apps.data?.total ?? 0} onChange={setPage} hideOnSinglePage />
      <Modal
        open={rejecting !== null}
        title={`拒绝 ${rejecting?.studentName ?? ''} 的申请`}
        footer={null}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={(v: { reason: string }) => reject.mutate(v)}>
          <RuleViolations error={reject.error} />
          <Form.Item name="reason" label="理由（学生可见）" rules={rejectRules.reason}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={reject.isPending} block>
            确认拒绝
          </Button>
        </Form>
      </Modal>
    </>
  );
}
