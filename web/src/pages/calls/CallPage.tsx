import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { APPLICATION_STATUS_LABELS, CALL_STATUS_LABELS } from '../../../../contracts/calls.ts';
import { ApiError, errorMessage, post, patch } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { STATUS_COLORS, yuan } from './CallsPage.tsx';
import { ManageObjections, RaiseObjection } from './Objections.tsx';
import {
  KEY,
  useApplication,
  useCall,
  useKinds,
  useMyApplications,
  usePrefill,
  useRanking,
  useRound,
  type Application,
  type Call,
  type Ranking,
} from './api.ts';

function useAct() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return <T,>(fn: (v: T) => Promise<unknown>, done: string) => ({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(done);
    },
    onError: (e: unknown) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      const failed = e instanceof ApiError && Array.isArray(e.body.failed) ? (e.body.failed as { message: string }[]) : null;
      void message.error(
        e instanceof ApiError && e.code === 'VERSION_CONFLICT'
          ? '其他人刚刚修改了这条记录，已刷新，请重试'
          : failed
            ? failed.map((f) => f.message).join('；')
            : errorMessage(e),
      );
    },
  });
}

/** The bureau's steps: open, review, assign experts, decide within the budget, publish; the ranking with outliers. */
function Manage({ call }: { call: Call }) {
  const act = useAct();
  const step = useMutation(act((url: string) => post(url, { version: call.version }), '已完成'));
  const ranking = useRanking(call.id, call.reviewRoundId !== null);
  const round = useRound(call.reviewRoundId);
  const assign = useMutation(
    act(() => post(`/api/review-rounds/${call.reviewRoundId}/assignment`, { version: round.data!.version }), '专家已分配'),
  );
  // The amounts already decided, overlaid with the clerk's edits.
  const [edits, setAwards] = useState<Record<string, number>>({});
  const saved = Object.fromEntries(
    (ranking.data?.items ?? []).filter((i) => i.decision === 'funded').map((i) => [i.applicationId, i.awardYuan ?? 0]),
  );
  const awards: Record<string, number> = { ...saved, ...edits };
  const decide = useMutation(
    act(
      (r: Ranking) =>
        post(`/api/calls/${call.id}/decisions`, {
          version: r.version,
          awards: Object.entries(awards)
            .filter(([, v]) => v > 0)
            .map(([applicationId, amountYuan]) => ({ applicationId, amountYuan })),
        }),
      '立项决定已保存',
    ),
  );
  const total = Object.values(awards).reduce((s, v) => s + (v || 0), 0);
  const r = ranking.data;
  const loads = round.data?.loads.map((l) => l.assigned) ?? [];
  return (
    <Card size="small" title="组织评审与立项" style={{ marginTop: 12 }} data-testid="call-manage">
      <Space wrap style={{ marginBottom: 12 }}>
        {call.status === 'draft' && (
          <Button type="primary" onClick={() => step.mutate(`/api/calls/${call.id}/open`)} loading={step.isPending} data-testid="call-open">
            发布申报指南
          </Button>
        )}
        {call.status === 'open' && (
          <Button
            type="primary"
            onClick={() => step.mutate(`/api/calls/${call.id}/review`)}
            loading={step.isPending}
            data-testid="call-review"
          >
            截止后进入评审
          </Button>
        )}
        {call.status === 'reviewing' && round.data && (
          <Popconfirm
            title="按回避规则和工作量均衡分配专家？已有专家评分后不能整体重新分配。"
            okText="分配"
            cancelText="取消"
            onConfirm={() => assign.mutate(undefined)}
          >
            <Button loading={assign.isPending} data-testid="call-assign">
              {round.data.status === 'assigned' ? '重新分配专家' : '分配评审专家'}
            </Button>
          </Popconfirm>
        )}
        {call.status === 'decided' && (
          <Button
            type="primary"
            onClick={() => step.mutate(`/api/calls/${call.id}/publish`)}
            loading={step.isPending}
            data-testid="call-publish"
          >
            公示立项结果
          </Button>
        )}
        {call.reviewRoundId && (
          <>
            <Button href={`/api/calls/${call.id}/export/applications`}>导出申报书</Button>
            <Button href={`/api/calls/${call.id}/export/scores`}>导出专家评分</Button>
            <Button href={`/api/calls/${call.id}/export/decisions`}>导出立项结果</Button>
          </>
        )}
        {(call.status === 'decided' || call.status === 'published') && (
          <Button href={`/api/calls/${call.id}/decision-list`} target="_blank" data-testid="call-decision-list">
            立项名单（PDF）
          </Button>
        )}
      </Space>
      {round.data && round.data.status !== 'open' && (
        <Typography.Paragraph type="secondary">
          每份申报 {round.data.expertsPerSubject} 名专家（{round.data.blind ? '盲评' : '实名评审'}），{loads.length} 名专家参与，每人{' '}
          {Math.min(...loads)}–{Math.max(...loads)} 份；偏离中位数超过 {round.data.outlierMadFactor} 倍绝对中位差的评分标为“偏离”。
        </Typography.Paragraph>
      )}
      {r && (
        <>
          <ResponsiveTable<Ranking['items'][number]>
            rows={r.items}
            rowKey={(i) => i.applicationId}
            pageSize={50}
            rowTestId="ranking-row"
            empty="没有进入评审的申报"
            primary={{
              key: 'title',
              title: '项目',
              render: (i) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{i.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.applicantName}
                  </Typography.Text>
                </Space>
              ),
            }}
            columns={[
              { key: 'rank', title: '名次', align: 'right', render: (i) => i.rank ?? '—' },
              { key: 'score', title: '汇总分', align: 'right', render: (i) => i.score ?? '—' },
              { key: 'sheets', title: '已评', align: 'right', render: (i) => i.submittedSheets },
              { key: 'outliers', title: '偏离', render: (i) => (i.outliers ? <Tag color="orange">{i.outliers} 个</Tag> : '—') },
              { key: 'requested', title: '申请', align: 'right', render: (i) => yuan(i.requestedYuan) },
              {
                key: 'award',
                title: '立项金额（元）',
                render: (i) =>
                  call.status === 'reviewing' || call.status === 'decided' ? (
                    <InputNumber
                      min={0}
                      max={i.requestedYuan}
                      step={10000}
                      value={awards[i.applicationId] ?? null}
                      onChange={(v) => setAwards((a) => ({ ...a, [i.applicationId]: Number(v ?? 0) }))}
                      data-testid="award-input"
                    />
                  ) : i.decision === 'funded' ? (
                    yuan(i.awardYuan ?? 0)
                  ) : (
                    '未立项'
                  ),
              },
            ]}
          />
          {(call.status === 'reviewing' || call.status === 'decided') && (
            <Space wrap style={{ marginTop: 12 }}>
              <Typography.Text type={total > r.budgetYuan ? 'danger' : undefined}>
                合计 {yuan(total)} / 预算 {yuan(r.budgetYuan)}
              </Typography.Text>
              <Button
                type="primary"
                onClick={() => decide.mutate(r)}
                loading={decide.isPending}
                disabled={total > r.budgetYuan}
                data-testid="call-decide"
              >
                保存立项决定
              </Button>
            </Space>
          )}
        </>
      )}
    </Card>
  );
}

/** The applicant's application: pre-filled partners and teachers, sections, eligibility rule by rule, submit, withdraw. */
function Apply({ call }: { call: Call }) {
  const act = useAct();
  const kinds = useKinds();
  const kind = kinds.data?.find((k) => k.code === call.kind);
  const mine = useMyApplications(call.id);
  const me = useMe();
  const myOrgs = new Set(me.roles.map((m) => m.organisation.id));
  const own = mine.data?.items.find((a) => myOrgs.has(a.applicantOrganisationId));
  const asPartner = mine.data?.items.filter((a) => !myOrgs.has(a.applicantOrganisationId)) ?? [];
  const app = useApplication(own?.id);
  const prefill = usePrefill(call.id, call.status === 'open');
  const start = useMutation(act(() => post(`/api/calls/${call.id}/applications`, {}), '已开始申报，请填写申报书'));
  const save = useMutation(
    act((body: Record<string, unknown>) => patch(`/api/call-applications/${own!.id}`, { ...body, version: app.data!.version }), '已保存'),
  );
  const submit = useMutation(act(() => post(`/api/call-applications/${own!.id}/submit`, { version: app.data!.version }), '申报书已提交'));
  const withdraw = useMutation(
    act(() => post(`/api/call-applications/${own!.id}/withdraw`, { version: app.data!.version }), '申报书已撤回'),
  );
  const confirm = useMutation(act((id: string) => post(`/api/call-applications/${id}/confirm`, {}), '已确认参与'));
  const [form] = Form.useForm();
  const a: Application | undefined = app.data;
  useEffect(() => {
    if (a)
      form.setFieldsValue({
        title: a.title,
        requestedYuan: a.requestedYuan || null,
        sections: a.sections,
        partners: a.partners.map((p) => p.organisationId),
        part: a.partners[0]?.part ?? '',
        memberTeacherIds: a.members.map((m) => m.teacherId),
      });
  }, [a, form]);
  if (mine.error) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  return (
    <Card size="small" title="本单位申报" style={{ marginTop: 12 }} data-testid="call-apply">
      {asPartner.map((p) => (
        <Alert
          key={p.id}
          style={{ marginBottom: 8 }}
          type="info"
          message={`${p.applicantName}邀请本单位作为合作单位参与“${p.title}”`}
          action={
            p.status === 'draft' && (
              <Button size="small" onClick={() => confirm.mutate(p.id)} data-testid="partner-confirm">
                确认参与
              </Button>
            )
          }
        />
      ))}
      {!own && call.status === 'open' && (
        <Button type="primary" onClick={() => start.mutate(undefined)} loading={start.isPending} data-testid="application-start">
          开始申报
        </Button>
      )}
      {!own && call.status !== 'open' && <Typography.Text type="secondary">本批次已不接受申报。</Typography.Text>}
      {a && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag>{APPLICATION_STATUS_LABELS[a.status]}</Tag>
            {a.decision === 'funded' && <Tag color="green">立项 {yuan(a.awardYuan ?? 0)}</Tag>}
            {a.decision === 'not_funded' && <Tag>未立项</Tag>}
          </Space>
          {a.status === 'draft' && !a.eligibility.eligible && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              message="尚不符合的申报条件（平台依据登记数据核验）"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="eligibility-failed">
                  {a.eligibility.failed.map((f) => (
                    <li key={f.rule}>{f.message}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Form
            form={form}
            layout="vertical"
            disabled={a.status !== 'draft'}
            onFinish={(v: {
              title: string;
              requestedYuan: number | null;
              sections: Record<string, string>;
              partners?: string[];
              part?: string;
              memberTeacherIds?: string[];
            }) =>
              save.mutate({
                title: v.title,
                requestedYuan: v.requestedYuan ?? 0,
                sections: v.sections,
                partners: (v.partners ?? []).map((organisationId) => ({
                  organisationId,
                  part: a.partners.find((p) => p.organisationId === organisationId)?.part ?? v.part ?? '共同实施项目',
                })),
                ...(kind?.rules.some((r) => r.code === 'min_team_members') && { memberTeacherIds: v.memberTeacherIds ?? [] }),
              })
            }
          >
            <Form.Item name="title" label="项目名称" rules={[{ required: true, min: 2 }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="requestedYuan" label={`申请金额（元，本批预算 ${yuan(call.budgetYuan)}）`}>
              <InputNumber min={0} max={call.budgetYuan} step={10000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="partners" label="合作单位（来自本单位载体的合作方，对方确认后计入）">
              <Select
                mode="multiple"
                options={[
                  ...(prefill.data?.partners ?? []).map((p) => ({ value: p.organisationId, label: `${p.name}（${p.via}）` })),
                  ...a.partners
                    .filter((p) => !prefill.data?.partners.some((x) => x.organisationId === p.organisationId))
                    .map((p) => ({ value: p.organisationId, label: p.organisationName })),
                ]}
              />
            </Form.Item>
            <Form.Item name="part" label="合作单位承担的内容">
              <Input maxLength={200} placeholder="如：提供实训岗位和兼职教师" />
            </Form.Item>
            {kind?.rules.some((r) => r.code === 'min_team_members') && (
              <Form.Item name="memberTeacherIds" label="团队成员（本校在册教师）">
                <Select
                  mode="multiple"
                  options={(prefill.data?.teachers ?? []).map((t) => ({
                    value: t.teacherId,
                    label: `${t.name}${t.dualQualified ? '（双师型）' : ''}`,
                  }))}
                />
              </Form.Item>
            )}
            {kind?.evidence.map((ev) => (
              <Form.Item key={ev.code} name={['sections', ev.code]} label={ev.label}>
                <Input.TextArea rows={4} maxLength={8000} showCount />
              </Form.Item>
            ))}
          </Form>
          {a.partners.length > 0 && (
            <Typography.Paragraph type="secondary">
              合作单位确认：{a.partners.map((p) => `${p.organisationName}${p.confirmedAt ? '（已确认）' : '（待确认）'}`).join('、')}
            </Typography.Paragraph>
          )}
          <Space wrap>
            {a.status === 'draft' && (
              <>
                <Button onClick={() => form.submit()} loading={save.isPending} data-testid="application-save">
                  保存草稿
                </Button>
                <Button type="primary" onClick={() => submit.mutate(undefined)} loading={submit.isPending} data-testid="application-submit">
                  提交申报书
                </Button>
              </>
            )}
            {a.status !== 'withdrawn' && call.status === 'open' && (
              <Popconfirm
                title="撤回后本批次不能再申报，确定撤回？"
                okText="撤回"
                cancelText="取消"
                onConfirm={() => withdraw.mutate(undefined)}
              >
                <Button danger loading={withdraw.isPending}>
                  撤回
                </Button>
              </Popconfirm>
            )}
          </Space>
          <RaiseObjection call={call} application={a} />
        </>
      )}
    </Card>
  );
}

/** One call: its terms and, by role, the bureau's review and decisions or the applicant's application. */
export default function CallPage() {
  const { id = '' } = useParams();
  const call = useCall(id);
  const kinds = useKinds();
  const me = useMe();
  const roles = new Set(me.roles.map((m) => m.role));
  const manages =
    roles.has('city_admin') || (roles.has('department') && me.roles.some((m) => m.organisation.id === call.data?.organisationId));
  const applies = roles.has('school_admin') || roles.has('enterprise_admin');
  if (call.error) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  const c = call.data;
  const kind = kinds.data?.find((k) => k.code === c?.kind);
  return (
    <div data-testid="call-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>{c?.title ?? '申报指南'}</Typography.Title>
      </div>
      {c && (
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="类别">{c.kindName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[c.status]}>{CALL_STATUS_LABELS[c.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="发布单位">{c.organisationName}</Descriptions.Item>
            <Descriptions.Item label="申报时间">
              {c.opensOn} 至 {c.closesOn}
            </Descriptions.Item>
            <Descriptions.Item label="预算">{yuan(c.budgetYuan)}</Descriptions.Item>
            <Descriptions.Item label="对应目标">{kind ? `${kind.targetName}（${kind.article}）` : '—'}</Descriptions.Item>
            {kind && (
              <Descriptions.Item label="评审">{`每份 ${kind.expertsPerApplication} 名专家，${kind.blind ? '盲评' : '实名'}，${kind.aggregation === 'mean' ? '算术平均' : '去掉最高分和最低分后平均'}`}</Descriptions.Item>
            )}
            {c.publishedOn && <Descriptions.Item label="公示">{`${c.publishedOn} 起，异议期至 ${c.objectionEndsOn}`}</Descriptions.Item>}
          </Descriptions>
          {c.description && <Typography.Paragraph style={{ marginTop: 8 }}>{c.description}</Typography.Paragraph>}
          {kind && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              评分细则：{kind.rubric.map((i) => `${i.label} ${i.min}–${i.max} 分`).join('；')}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      {c && manages && <Manage call={c} />}
      {c && manages && <ManageObjections call={c} />}
      {c && applies && <Apply call={c} />}
    </div>
  );
}
