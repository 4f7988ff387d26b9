import { todayOf } from '../../../../core/calendar.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { qualityCommissionCreate } from '../../../../contracts/quality.ts';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, useCommissions, useRanking, type QualityCommissionList } from './api.ts';

const rules = fieldRules(qualityCommissionCreate);
type Commission = QualityCommissionList['items'][number];

/**
 * 第三方评价: the bureau commissions an evaluation organisation for a year and a set of schools; the organisation
 * (its workspace) sees its commissions and opens each school's results and evidence to enter its findings.
 */
export default function CommissionsPage() {
  const q = useCommissions();
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const isBureau = (q.data?.evaluators.length ?? 0) > 0;
  const primary: Column<Commission> = { key: 'year', title: '年度', render: (c) => `${c.year}年度` };
  const columns: Column<Commission>[] = [
    { key: 'evaluator', title: '评价机构', render: (c) => c.evaluatorName },
    {
      key: 'schools',
      title: '受委托评价的学校',
      render: (c) => (
        <Space wrap size={[8, 4]}>
          {c.schools.map((s) => (
            <Link key={s.id} to={`/quality/schools/${c.year}/${s.id}`}>
              {s.name}
            </Link>
          ))}
        </Space>
      ),
    },
    { key: 'note', title: '说明', render: (c) => c.note ?? '—' },
    { key: 'created', title: '委托时间', render: (c) => c.createdAt },
  ];
  return (
    <div data-testid="quality-commissions">
      <div className="cj-page-head">
        <Typography.Title level={4}>第三方评价</Typography.Title>
      </div>
      {isBureau && <CommissionForm evaluators={q.data!.evaluators} />}
      <ResponsiveTable<Commission>
        rows={q.data?.items ?? []}
        rowKey={(c) => c.id}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="暂无评价委托"
        pageSize={20}
        rowTestId="quality-commission-row"
      />
    </div>
  );
}

function CommissionForm({ evaluators }: { evaluators: QualityCommissionList['evaluators'] }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const ranking = useRanking();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { year: number; evaluatorId: string; schoolIds: string[]; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/quality/commissions', { ...v, note: v.note || null });
      form.resetFields(['schoolIds', 'note']);
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      const rest = applyServerErrors(form, e, ['year', 'evaluatorId', 'schoolIds', 'note']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="委托第三方评价机构" style={{ marginBottom: 12 }} data-testid="quality-commission-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: ranking.data?.year ?? Number(todayOf(new Date()).slice(0, 4)) - 1 }}
        onFinish={(v) => void onFinish(v)}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Space wrap size={16} align="start">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2023} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="evaluatorId" label="评价机构" rules={[{ required: true, message: '请选择评价机构' }]}>
            <Select style={{ width: 260 }} options={evaluators.map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="schoolIds" label="学校" rules={[{ required: true, message: '请至少选择一所学校' }, ...(rules.schoolIds ?? [])]}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(ranking.data?.items ?? []).map((s) => ({ value: s.schoolId, label: s.schoolName }))}
          />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={rules.note}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          委托
        </Button>
      </Form>
    </Card>
  );
}
