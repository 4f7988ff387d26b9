import { CheckCircleTwoTone, CloseCircleTwoTone, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { annualReportCreate, caseApply, planPublish } from '../../../../contracts/certification.ts';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { useOwnOrganisations } from '../registry/kit/can.ts';
import { KEY, lastYear, useCase, useCases, useEligibility, type Case, type Eligibility } from './api.ts';
import { CaseCard } from './CaseCard.tsx';
import { CreditLedger } from './CreditLedger.tsx';

const applyRules = fieldRules(caseApply);
const planRules = fieldRules(planPublish);
const reportRules = fieldRules(annualReportCreate);

function Criteria({ e }: { e: Eligibility }) {
  const icon = (s: string) =>
    s === 'met' ? (
      <CheckCircleTwoTone twoToneColor="#2fbf71" />
    ) : s === 'missing' ? (
      <CloseCircleTwoTone twoToneColor="#e5484d" />
    ) : (
      <PaperClipOutlined />
    );
  const group = (g: 'basic' | 'oneOf', title: string) => (
    <List
      size="small"
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={e.criteria.filter((c) => c.group === g)}
      renderItem={(c) => (
        <List.Item data-testid={`criterion-${c.code}`}>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap>
              {icon(c.status)}
              <Typography.Text>{c.name}</Typography.Text>
              <Tag color={c.status === 'met' ? 'green' : c.status === 'missing' ? 'red' : 'default'}>
                {c.status === 'met' ? '平台数据核验：满足' : c.status === 'missing' ? '平台数据核验：不满足' : '需上传佐证材料'}
              </Tag>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[c.found, c.status === 'evidence' ? c.evidence : null, `${c.source.document} ${c.source.article}`]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
  return (
    <>
      {group('basic', '基本条件（须全部满足）')}
      {group('oneOf', '择一条件（至少满足一项）')}
    </>
  );
}

function Actions({ c }: { c: Case }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [plan] = Form.useForm();
  const [report] = Form.useForm();
  const done = (text: string) => () => {
    void qc.invalidateQueries({ queryKey: [KEY] });
    void message.success(text);
  };
  const publish = useMutation({
    mutationFn: (v: { title: string; url: string }) => post(`/api/certification/cases/${c.id}/plan`, { ...v, version: c.version }),
    onSuccess: done('建设规划已公开'),
    onError: (e) => (applyServerErrors(plan, e, ['title', 'url']), void message.error(errorMessage(e))),
  });
  const annual = useMutation({
    mutationFn: (v: { year: number; narrative: string }) => post(`/api/certification/cases/${c.id}/annual-reports`, v),
    onSuccess: done('年度报告已报送'),
    onError: (e) => (applyServerErrors(report, e, ['year', 'narrative']), void message.error(errorMessage(e))),
  });
  if (c.stage === 'reserve')
    return (
      <Card size="small" title={`公开三年建设规划（${c.planDueOn}前）`}>
        <Form form={plan} layout="vertical" onFinish={(v) => publish.mutate(v)}>
          <Form.Item name="title" label="规划名称" rules={planRules.title}>
            <Input />
          </Form.Item>
          <Form.Item name="url" label="公开网址" rules={planRules.url}>
            <Input placeholder="https://" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={publish.isPending}>
            公开规划
          </Button>
        </Form>
      </Card>
    );
  if (c.stage === 'certified')
    return (
      <Card size="small" title="报送年度产教融合报告（次年1月底前；数据由年度申报预填）">
        <Form
          form={report}
          layout="vertical"
          initialValues={{ year: c.deadlines.reportsOverdue[0] ?? c.deadlines.reportDue?.year ?? lastYear() }}
          onFinish={(v) => annual.mutate(v)}
        >
          <Form.Item name="year" label="年度" rules={reportRules.year}>
            <InputNumber precision={0} />
          </Form.Item>
          <Form.Item name="narrative" label="年度工作情况" rules={reportRules.narrative}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={annual.isPending}>
            报送
          </Button>
        </Form>
      </Card>
    );
  return null;
}

/** 产教融合型企业 for an enterprise: the self-check against the city's criteria, the application, and its case. */
export default function EnterpriseCertificationPage() {
  const own = useOwnOrganisations('enterprise');
  const enterprise = own[0];
  const elig = useEligibility(enterprise?.id);
  const cases = useCases({ enterpriseId: enterprise?.id, pageSize: 5 });
  const latest = cases.data?.items[0];
  const detail = useCase(latest?.id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f] = Form.useForm();
  const apply = useMutation({
    mutationFn: (v: { statement: string }) => post<Case>('/api/certification/cases', { enterpriseId: enterprise!.id, ...v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success('申报已提交，等待区县初审');
    },
    onError: (e) => (applyServerErrors(f, e, ['statement']), void message.error(errorMessage(e))),
  });
  if (!enterprise) return <Alert type="info" message="本页供企业管理员使用" />;
  const open = latest && !['rejected', 'revoked', 'expired'].includes(latest.stage);
  return (
    <div data-testid="enterprise-certification">
      <div className="cj-page-head">
        <Typography.Title level={4}>产教融合型企业</Typography.Title>
      </div>
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {cases.error && <QueryError error={cases.error} onRetry={() => void cases.refetch()} />}
        {detail.data && (
          <Card size="small" title="本企业的申报">
            <CaseCard c={detail.data} />
          </Card>
        )}
        {detail.data && <Actions c={detail.data} />}
        <CreditLedger enterpriseId={enterprise.id} />
        <Card size="small" title="条件自查" loading={elig.isLoading}>
          {elig.error && <QueryError error={elig.error} onRetry={() => void elig.refetch()} />}
          {elig.data && (
            <>
              <Alert
                style={{ marginBottom: 12 }}
                type={elig.data.mayApply && !elig.data.blocked ? 'success' : 'warning'}
                data-testid="eligibility-summary"
                message={
                  elig.data.blocked ??
                  (elig.data.mayApply
                    ? '平台数据可核验的条件均已满足，其余条件请在申报时上传佐证材料'
                    : `尚有${elig.data.missing.length}项基本条件不满足`)
                }
              />
              <Criteria e={elig.data} />
            </>
          )}
        </Card>
        {!open && elig.data?.mayApply && !elig.data.blocked && (
          <Card size="small" title="申报（企业规模、职工、工资总额、培训经费、实习、牵头载体等由平台预填）">
            <Form form={f} layout="vertical" onFinish={(v) => apply.mutate(v)}>
              <Form.Item name="statement" label="校企合作情况及佐证材料说明" rules={applyRules.statement}>
                <Input.TextArea rows={4} data-testid="apply-statement" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="apply-submit">
                提交申报
              </Button>
            </Form>
          </Card>
        )}
      </Space>
    </div>
  );
}
