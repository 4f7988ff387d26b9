import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { declarationSave, SASAC_LEVEL_LABELS, SASAC_LEVELS, type DeclarationSave } from '../../../../contracts/certification.ts';
import { ApiError, errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { applyServerErrors, checkValue, fieldRules } from '../../forms/zod.ts';
import { useOwnOrganisations } from '../registry/kit/can.ts';
import { KEY, lastYear, useDeclarationForm, yearOptions, type Declaration } from './api.ts';
import { Standing } from './Standing.tsx';

const rules = fieldRules(declarationSave);
/** The surcharge-credit amounts are optional: left empty they are "not declared"; a value is checked by the contract. */
const optionalAmount = (field: 'vocationalInvestmentYuan' | 'educationSurchargesYuan') => [
  {
    validator: async (_rule: unknown, v: unknown) =>
      v === null || v === undefined ? undefined : checkValue(declarationSave.shape[field], v),
  },
];
const FIELDS = [
  'payrollYuan',
  'fundDrawnYuan',
  'fundSpentYuan',
  'frontlineSharePct',
  'peopleTrained',
  'stateOwned',
  'sasacLevel',
  'vocationalInvestmentYuan',
  'educationSurchargesYuan',
] as const;

/**
 * 年度申报 of an enterprise above designated size (二 (二) 5, 任务清单 7): one form a year with the facts it owns;
 * the internship places it offered are the register's and shown, not asked; after saving it sees where it
 * stands against the plan's 1.5%–2.5% and 60%.
 */
export default function DeclarationPage() {
  const own = useOwnOrganisations('enterprise');
  const enterprise = own[0];
  const [year, setYear] = useState(lastYear());
  const form = useDeclarationForm(enterprise?.id, year);
  const [f] = Form.useForm<DeclarationSave>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const stateOwned = Form.useWatch('stateOwned', f);
  const current = form.data?.declaration ?? null;

  // Refilled when another declaration (or another version of it) is loaded, not on every refetch of the same one.
  const loaded = `${year}:${current?.id ?? 'new'}:${current?.version ?? 0}:${form.isSuccess}`;
  useEffect(() => {
    f.resetFields();
    if (current) f.setFieldsValue({ ...current, sasacLevel: current.sasacLevel });
    else f.setFieldsValue({ stateOwned: false, sasacLevel: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded]);

  const save = useMutation({
    mutationFn: (v: DeclarationSave) =>
      put<Declaration>(`/api/certification/enterprises/${enterprise!.id}/declarations/${year}`, {
        ...v,
        sasacLevel: v.stateOwned ? v.sasacLevel : null,
        vocationalInvestmentYuan: v.vocationalInvestmentYuan ?? null,
        educationSurchargesYuan: v.educationSurchargesYuan ?? null,
        ...(current && { version: current.version }),
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(current ? '申报已更正' : '申报已提交');
    },
    onError: (e) => {
      applyServerErrors(f, e, FIELDS);
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        void qc.invalidateQueries({ queryKey: [KEY] });
        void message.error('申报刚被修改过，已重新载入，请核对后再提交');
      } else void message.error(errorMessage(e));
    },
  });

  if (!enterprise) return <Alert type="info" message="本页供企业管理员填报本企业的年度申报" />;
  return (
    <div data-testid="declaration-page">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>年度申报</Typography.Title>
        <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 140 }} data-testid="declaration-year" />
      </div>
      {form.error ? (
        <QueryError error={form.error} onRetry={() => void form.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={`${enterprise.name} · ${year}年度`} loading={form.isLoading}>
              {form.data && !form.data.aboveDesignatedSize && (
                <Alert
                  style={{ marginBottom: 12 }}
                  type="info"
                  message="登记信息显示本企业不是规模以上企业：申报不计入全市培训经费指标，但仍可填报。"
                />
              )}
              <Form form={f} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
                <Form.Item name="payrollYuan" label="职工工资总额（元）" rules={rules.payrollYuan}>
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="payroll" />
                </Form.Item>
                <Form.Item name="fundDrawnYuan" label="当年提取的职工教育培训经费（元）" rules={rules.fundDrawnYuan}>
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="drawn" />
                </Form.Item>
                <Form.Item
                  name="fundSpentYuan"
                  label="当年使用的职工教育培训经费（元）"
                  rules={rules.fundSpentYuan}
                  extra="不超过当年提取额"
                >
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="spent" />
                </Form.Item>
                <Form.Item name="frontlineSharePct" label="用于一线职工的比例（%）" rules={rules.frontlineSharePct}>
                  <InputNumber style={{ width: '100%' }} min={0} max={100} precision={2} data-testid="frontline" />
                </Form.Item>
                <Form.Item name="peopleTrained" label="培训职工人次" rules={rules.peopleTrained}>
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="trained" />
                </Form.Item>
                <Form.Item name="stateOwned" label="国有企业" valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" data-testid="state-owned" />
                </Form.Item>
                {stateOwned && (
                  <Form.Item
                    name="sasacLevel"
                    label="履行出资人职责的国资监管机构"
                    rules={[{ required: true, message: '请选择国资监管机构层级' }]}
                  >
                    <Select options={SASAC_LEVELS.map((l) => ({ value: l, label: SASAC_LEVEL_LABELS[l] }))} data-testid="sasac-level" />
                  </Form.Item>
                )}
                <Typography.Text strong>产教融合型企业填报（用于教育费附加、地方教育附加抵免；其他企业可不填）</Typography.Text>
                <Form.Item
                  name="vocationalInvestmentYuan"
                  label="当年兴办职业教育的投资（元）"
                  rules={optionalAmount('vocationalInvestmentYuan')}
                  extra="认定年度按投资额的30%抵免当年应缴附加，不足抵免的结转以后年度（财税〔2019〕46号）"
                  style={{ marginTop: 8 }}
                >
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="investment" />
                </Form.Item>
                <Form.Item
                  name="educationSurchargesYuan"
                  label="当年应缴教育费附加和地方教育附加（元）"
                  rules={optionalAmount('educationSurchargesYuan')}
                >
                  <InputNumber style={{ width: '100%' }} min={0} precision={0} data-testid="surcharges" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="declaration-submit">
                  {current ? '更正申报' : '提交申报'}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Card size="small" title="登记数据（无需填报）">
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="职工总数">{form.data?.staffCount ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={`${year}年实习岗位名额`}>{form.data?.internshipPlaces ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title="对照《实施方案》（二 (二) 5）">
                {form.data && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    按职工工资总额的{form.data.rules.drawnMinPct}%—{form.data.rules.drawnMaxPct}%提取教育培训经费，
                    {form.data.rules.frontlineMinPct}
                    %以上用于一线职工。
                  </Typography.Paragraph>
                )}
                {current ? <Standing d={current} /> : <Typography.Text type="secondary">提交申报后显示本企业的达标情况</Typography.Text>}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}
