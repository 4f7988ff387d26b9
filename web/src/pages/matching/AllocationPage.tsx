import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, post } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { KEY, useJob, useProposals, useRuns, type Proposal } from './api.ts';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';

const STATUS: Record<Proposal['status'], { label: string; color: string }> = {
  proposed: { label: '待确认', color: 'blue' },
  confirmed: { label: '已确认', color: 'green' },
  rejected: { label: '已拒绝', color: 'red' },
  superseded: { label: '已被取代', color: 'default' },
};
const decisionTag = (d: Proposal['schoolDecision']) =>
  d === 'confirmed' ? <Tag color="green">已确认</Tag> : d === 'rejected' ? <Tag color="red">已拒绝</Tag> : <Tag>待处理</Tag>;

/** Run progress: the job's message and share done, until it ends. */
function RunProgress({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const job = useJob(jobId);
  const j = job.data;
  const finished = j?.status === 'succeeded' || j?.status === 'failed';
  // Once, when the job ends (onDone is a new function on every render of the page).
  useEffect(() => {
    if (finished) onDone();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finished]);
  if (!j) return null;
  const pct = j.progress.total ? Math.round((j.progress.done / j.progress.total) * 100) : 0;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="allocation-progress">
      <Typography.Text>{j.status === 'failed' ? `分配失败：${j.error?.message ?? ''}` : j.progress.message}</Typography.Text>
      <Progress
        percent={j.status === 'succeeded' ? 100 : pct}
        status={j.status === 'failed' ? 'exception' : j.status === 'succeeded' ? 'success' : 'active'}
      />
    </Card>
  );
}

/**
 * The city-wide (bureau) or one school's internship allocation: start a run and follow it, then the proposals —
 * each pair with its score breakdown — which the school and the enterprise confirm or reject.
 */
export default function AllocationPage() {
  const me = useMe();
  const roles = rolesOf(me);
  const mayRun = roles.includes('city_admin') || roles.includes('school_admin');
  const mayDecide = roles.includes('school_admin') || roles.includes('enterprise_admin');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState<Proposal['status'] | undefined>('proposed');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const [reason, setReason] = useState('');
  const runs = useRuns(mayRun);
  const proposals = useProposals({ status, page, pageSize: 20 });
  const refresh = () => void qc.invalidateQueries({ queryKey: [KEY] });
  const start = useMutation({
    mutationFn: () =>
      post<{ jobId: string; runId: string }>('/api/matching/allocation-runs', { scope: roles.includes('city_admin') ? 'city' : 'school' }),
    onSuccess: (r) => {
      setJobId(r.jobId);
      setRunning(true);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const decide = useMutation({
    mutationFn: (v: { p: Proposal; decision: 'confirm' | 'reject'; reason?: string }) =>
      post(`/api/matching/proposals/${v.p.id}/decision`, { decision: v.decision, reason: v.reason, version: v.p.version }),
    onSuccess: (_r, v) => {
      refresh();
      setRejecting(null);
      setReason('');
      void message.success(v.decision === 'confirm' ? '已确认' : '已拒绝');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const myOrgs = new Set(me.roles.map((r) => r.organisation.id));
  const myDecision = (p: Proposal) => (myOrgs.has(p.schoolId) ? p.schoolDecision : p.enterpriseDecision);
  const last = runs.data?.items[0];

  const student: Column<Proposal> = {
    title: '学生',
    key: 'student',
    render: (p) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{p.studentName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.schoolName}
        </Typography.Text>
      </Space>
    ),
  };
  const columns: Column<Proposal>[] = [
    {
      title: '岗位',
      key: 'post',
      render: (p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{p.postTitle}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.enterpriseName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '匹配分与构成', key: 'score', render: (p) => <ScoreBreakdown score={p.score} parts={p.parts} /> },
    {
      title: '学校 / 企业',
      key: 'sides',
      render: (p) => (
        <Space size={4} wrap>
          {decisionTag(p.schoolDecision)}
          {decisionTag(p.enterpriseDecision)}
        </Space>
      ),
    },
    { title: '状态', key: 'status', render: (p) => <Tag color={STATUS[p.status].color}>{STATUS[p.status].label}</Tag> },
    ...(mayDecide
      ? [
          {
            title: '',
            key: 'act',
            render: (p: Proposal) =>
              p.status === 'proposed' && myDecision(p) === null ? (
                <Space wrap>
                  <Button
                    size="small"
                    type="primary"
                    loading={decide.isPending}
                    onClick={() => decide.mutate({ p, decision: 'confirm' })}
                    data-testid="proposal-confirm"
                  >
                    确认
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(p)}>
                    拒绝
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="matching-allocation">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>实习智能分配</Typography.Title>
        {mayRun && (
          <Button type="primary" loading={start.isPending} disabled={running} onClick={() => start.mutate()} data-testid="allocation-start">
            {roles.includes('city_admin') ? '发起全市分配' : '为本校学生分配'}
          </Button>
        )}
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="在每人至多一个岗位、岗位名额、企业实习生不超过在岗职工10%、同类岗位不超过20%、年龄与专业要求等条件下，求总匹配分最高的分配；结果为建议，须学校和企业双方确认后才成为实习申请。被拒绝的配对不会再被推荐。"
      />
      {jobId && (
        <RunProgress
          jobId={jobId}
          onDone={() => {
            setRunning(false);
            refresh();
          }}
        />
      )}
      {mayRun && last && (
        <Card size="small" style={{ marginBottom: 12 }} title="最近一次分配">
          <Space wrap size={16}>
            <span>学生 {last.students}</span>
            <span>岗位 {last.posts}</span>
            <span>候选配对 {last.candidateArcs}</span>
            <span>建议 {last.proposed}</span>
            <span>总匹配分 {last.totalScore ?? '—'}</span>
            {last.status === 'succeeded' && last.pricingRounds > 0 && (
              <span data-testid="allocation-exact">
                定价 {last.pricingRounds} 轮，补入配对 {last.pricedArcs}（仅保留前若干候选时：建议 {last.prunedProposed}，总分{' '}
                {last.prunedTotalScore ?? '—'}）；未纳入的合格配对均不能再提高总分，结果为全部合格配对上的最优
              </span>
            )}
            <Tag color={last.status === 'succeeded' ? 'green' : last.status === 'failed' ? 'red' : 'blue'}>
              {last.status === 'succeeded' ? '完成' : last.status === 'failed' ? '失败' : '进行中'}
            </Tag>
          </Space>
        </Card>
      )}
      <Select
        style={{ width: 160, marginBottom: 12 }}
        allowClear
        placeholder="全部状态"
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={(['proposed', 'confirmed', 'rejected'] as const).map((s) => ({ value: s, label: STATUS[s].label }))}
      />
      {proposals.error ? (
        <QueryError error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : (
        <ResponsiveTable
          rows={proposals.data?.items ?? []}
          rowKey={(p) => p.id}
          primary={student}
          columns={columns}
          loading={proposals.isLoading}
          pageSize={20}
          total={proposals.data?.total ?? 0}
          page={page}
          onPage={setPage}
          rowTestId="proposal-row"
          empty={<Empty description="暂无分配建议" />}
        />
      )}
      <Modal
        open={!!rejecting}
        title="拒绝分配建议"
        okText="拒绝"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        confirmLoading={decide.isPending}
        onCancel={() => setRejecting(null)}
        onOk={() => rejecting && decide.mutate({ p: rejecting, decision: 'reject', reason })}
      >
        <Typography.Paragraph>拒绝后，该学生与该岗位不会再被配对。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} placeholder="请填写理由" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}
