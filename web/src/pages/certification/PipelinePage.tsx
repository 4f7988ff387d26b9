import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useCan } from '../registry/kit/can.ts';
import { KEY, useCase, useCases, type Case } from './api.ts';
import { CaseCard } from './CaseCard.tsx';
import { ExpertReviewPanel } from './ExpertReviewPanel.tsx';
import { MissingReports } from './MissingReports.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { LEVEL_LABELS, PIPELINE, REASON_LABELS, STAGE_COLORS, STAGE_LABELS } from './labels.ts';

type Body = Record<string, unknown>;

/** The step due on a case for the caller: the district's pre-review, or the bureau's decision of its stage. */
function Decide({ c, onDone }: { c: Case; onDone: () => void }) {
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const bureau = can({ resource: 'certificationCase', action: 'decide' });
  const district = can({ resource: 'certificationCase', action: 'districtReview' }, { districtId: c.districtId });
  const run = useMutation({
    mutationFn: ({ url, body }: { url: string; body: Body }) => post<Case>(url, { ...body, version: c.version }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(`已办理：${STAGE_LABELS[saved.stage]}`);
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const decision = (body: Body) => run.mutate({ url: `/api/certification/cases/${c.id}/decisions`, body });
  const both = (approve: (ok: boolean) => Body, url?: string) => (
    <Space wrap>
      <Button
        type="primary"
        loading={run.isPending}
        onClick={() => (url ? run.mutate({ url, body: approve(true) }) : decision(approve(true)))}
      >
        通过
      </Button>
      <Button danger loading={run.isPending} onClick={() => (url ? run.mutate({ url, body: approve(false) }) : decision(approve(false)))}>
        不通过
      </Button>
    </Space>
  );
  const comment = () => (form.getFieldValue('comment') as string | undefined) || undefined;
  const blocks: React.ReactNode[] = [];
  if (c.stage === 'applied' && district)
    blocks.push(both((ok) => ({ approve: ok, comment: comment() }), `/api/certification/cases/${c.id}/district-review`));
  if (bureau && c.stage === 'districtReviewed')
    blocks.push(both((ok) => ({ transition: 'eligibilityCheck', approve: ok, comment: comment() })));
  if (bureau && c.stage === 'expertReviewed')
    blocks.push(
      <Button key="reserve" type="primary" onClick={() => decision({ transition: 'enterReserve', comment: comment() })}>
        纳入培育储备库
      </Button>,
    );
  if (bureau && c.stage === 'cultivating')
    blocks.push(
      <Space key="certify" wrap>
        <Form.Item name="level" initialValue="city" style={{ marginBottom: 0 }}>
          <Select style={{ width: 100 }} options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="documentNo" style={{ marginBottom: 0 }}>
          <Input placeholder="认定文件文号" style={{ width: 180 }} />
        </Form.Item>
        <Button
          type="primary"
          onClick={() =>
            decision({
              transition: 'certify',
              level: form.getFieldValue('level'),
              documentNo: form.getFieldValue('documentNo') ?? '',
              comment: comment(),
            })
          }
        >
          认定并公示
        </Button>
      </Space>,
    );
  if (bureau && c.stage === 'publicNotice')
    blocks.push(
      <Space key="notice" wrap>
        <Button type="primary" onClick={() => decision({ transition: 'closeNotice', objectionUpheld: false, comment: comment() })}>
          公示期满无异议，确认认定
        </Button>
        <Button danger onClick={() => decision({ transition: 'closeNotice', objectionUpheld: true, comment: comment() })}>
          异议成立
        </Button>
      </Space>,
    );
  if (bureau && ['reserve', 'cultivating', 'publicNotice', 'certified'].includes(c.stage))
    blocks.push(
      <Space key="revoke" wrap>
        <Form.Item name="reason" style={{ marginBottom: 0 }}>
          <Select
            placeholder="取消认定事由"
            style={{ width: 240 }}
            options={Object.entries(REASON_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Button danger onClick={() => decision({ transition: 'revoke', reason: form.getFieldValue('reason'), comment: comment() ?? '' })}>
          取消认定
        </Button>
      </Space>,
    );
  if (!blocks.length) return null;
  return (
    <Form form={form} layout="vertical">
      <Form.Item name="comment" label="意见">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space direction="vertical">{blocks}</Space>
    </Form>
  );
}

/** 产教融合型企业 pipeline: the district's queue, the bureau's board by stage with its decisions, the departments' view. */
export default function PipelinePage() {
  const [stage, setStage] = useState<Case['stage'] | 'all'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const list = useCases({ stage: stage === 'all' ? undefined : stage, page, pageSize: 20 });
  const detail = useCase(open);
  const canDecide = useCan()({ resource: 'certificationCase', action: 'decide' });
  return (
    <div data-testid="certification-pipeline">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>产教融合型企业培育认定</Typography.Title>
        <ExportButton path="/api/exports/certification-cases" query={{ stage: stage === 'all' ? undefined : stage }} />
      </div>
      <MissingReports />
      <Card size="small" style={{ marginBottom: 12, overflowX: 'auto' }}>
        <Segmented
          value={stage}
          onChange={(v) => (setStage(v as Case['stage'] | 'all'), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            ...[...PIPELINE, 'rejected' as const, 'revoked' as const, 'expired' as const].map((s) => ({
              value: s,
              label: STAGE_LABELS[s],
            })),
          ]}
        />
      </Card>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Case>
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          loading={list.isFetching}
          pageSize={20}
          total={list.data?.total ?? 0}
          page={page}
          onPage={setPage}
          empty="暂无申报"
          rowTestId="case-row"
          onRowClick={(c) => setOpen(c.id)}
          primary={{ key: 'name', title: '企业', render: (c) => c.enterpriseName }}
          columns={[
            { key: 'district', title: '区域', render: (c) => c.districtName ?? '—' },
            { key: 'stage', title: '阶段', render: (c) => <Tag color={STAGE_COLORS[c.stage]}>{STAGE_LABELS[c.stage]}</Tag> },
            { key: 'applied', title: '申报日期', render: (c) => c.appliedOn },
            {
              key: 'deadline',
              title: '期限',
              render: (c) =>
                c.deadlines.planOverdue ? (
                  <Tag color="red">规划逾期</Tag>
                ) : c.deadlines.reportsOverdue.length ? (
                  <Tag color="red">年报逾期</Tag>
                ) : c.stage === 'reserve' ? (
                  `规划${c.planDueOn}前`
                ) : c.validUntil ? (
                  `有效期至${c.validUntil}`
                ) : (
                  '—'
                ),
            },
            {
              key: 'open',
              title: '',
              render: (c) => (
                <Button size="small" type="link" onClick={() => setOpen(c.id)}>
                  查看办理
                </Button>
              ),
            },
          ]}
        />
      )}
      <Drawer
        open={!!open}
        width={Math.min(720, window.innerWidth)}
        title={detail.data?.enterpriseName}
        onClose={() => setOpen(undefined)}
        destroyOnHidden
      >
        {detail.data && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <CaseCard c={detail.data} />
            <Typography.Paragraph type="secondary">申报说明：{detail.data.statement}</Typography.Paragraph>
            {canDecide && <ExpertReviewPanel c={detail.data} onDone={() => void detail.refetch()} />}
            <Decide c={detail.data} onDone={() => void detail.refetch()} />
          </Space>
        )}
      </Drawer>
    </div>
  );
}
