import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { KEY, useTasks, type ReviewTask } from './api.ts';

/** What is being reviewed: a project application of a call, or an enterprise's 产教融合型企业 application. */
const SUBJECT_KIND_LABELS: Record<string, string> = { call_application: '项目申报', certificationCase: '产教融合型企业认定' };

/** The score form of one task: every rubric item within its range, and a comment. */
function ScoreForm({ task, onDone }: { task: ReviewTask; onDone: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = useMutation({
    mutationFn: (v: { scores: Record<string, number>; comment: string }) =>
      put<ReviewTask>(`/api/reviews/${task.id}`, { ...v, version: task.version }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success('评分已提交');
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields)
        form.setFields(
          Object.entries(e.fields).map(([k, v]) => ({ name: k.startsWith('scores.') ? ['scores', k.slice(7)] : k, errors: [v] })),
        );
      void message.error(errorMessage(e));
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!task.open}
      initialValues={{ scores: task.scores ?? {}, comment: task.comment ?? '' }}
      onFinish={(v) => submit.mutate(v)}
    >
      {task.rubric.map((i) => (
        <Form.Item
          key={i.code}
          name={['scores', i.code]}
          label={`${i.label}（${i.min}–${i.max} 分）`}
          rules={[{ required: true, message: '请评分' }]}
        >
          <InputNumber min={i.min} max={i.max} step={0.5} style={{ width: '100%' }} data-testid={`score-${i.code}`} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label="评审意见" rules={[{ required: true, min: 5, message: '请填写评审意见（至少5个字）' }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      {task.open && (
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="score-submit">
          {task.submittedAt ? '修改评分' : '提交评分'}
        </Button>
      )}
    </Form>
  );
}

/** 专家评审: the applications assigned to the signed-in expert (blind where the call says so) and the score form. */
export default function ReviewsPage() {
  const tasks = useTasks();
  const [open, setOpen] = useState<ReviewTask | null>(null);
  if (tasks.error) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  return (
    <div data-testid="reviews-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>我的评审任务</Typography.Title>
      </div>
      <Card size="small">
        <ResponsiveTable<ReviewTask>
          rows={tasks.data?.items ?? []}
          loading={tasks.isLoading}
          rowKey={(t) => t.id}
          pageSize={20}
          rowTestId="review-row"
          empty="没有分配给您的评审任务（专家库由市教育局维护）"
          onRowClick={setOpen}
          primary={{
            key: 'title',
            title: '评审对象',
            render: (t) => (
              <Space direction="vertical" size={0}>
                <Space size={4} wrap>
                  <Tag color={t.subjectKind === 'certificationCase' ? 'purple' : 'geekblue'}>
                    {SUBJECT_KIND_LABELS[t.subjectKind] ?? '评审'}
                  </Tag>
                  <Typography.Link>{t.title}</Typography.Link>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.roundTitle}
                </Typography.Text>
              </Space>
            ),
          }}
          columns={[
            { key: 'applicant', title: '申报单位', render: (t) => t.applicantNames ?? <Tag>盲评</Tag> },
            {
              key: 'state',
              title: '状态',
              render: (t) =>
                t.submittedAt ? <Tag color="green">已评 {t.total} 分</Tag> : t.open ? <Tag color="blue">待评</Tag> : <Tag>已结束</Tag>,
            },
          ]}
        />
      </Card>
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.title} width={Math.min(720, window.innerWidth)} destroyOnHidden>
        {open && (
          <>
            <Typography.Paragraph type="secondary">
              {open.applicantNames ? `申报单位：${open.applicantNames}` : '盲评：不显示申报单位和合作单位名称'}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{open.summary}</Typography.Paragraph>
            <ScoreForm task={open} onDone={() => setOpen(null)} />
          </>
        )}
      </Drawer>
    </div>
  );
}
