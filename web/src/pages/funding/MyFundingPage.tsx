import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { declarationPut } from '../../../../contracts/funding.ts';
import { errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { GROUP_LABELS, KEY, STANDING_COLORS, useMine, yuan, type Declaration } from './api.ts';

const rules = fieldRules(declarationPut);

/**
 * 本校生均财政拨款 (a school): declare a year's general-budget appropriation (元) and the students it covers; the
 * per-student figure and its standing against the threshold come back from the server (core/funding/rules.ts).
 */
export default function MyFundingPage() {
  const q = useMine();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lastYear = new Date().getFullYear() - 1;
  const items = q.data?.items ?? [];
  const onFinish = async (v: { year: number; appropriationYuan: number; students: number; note?: string }) => {
    setBusy(true);
    setError(null);
    const before = items.find((d) => d.year === v.year);
    try {
      await put(`/api/funding/my-declarations/${v.year}`, {
        appropriationYuan: v.appropriationYuan,
        students: v.students,
        note: v.note || null,
        version: before?.version,
      });
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      const rest = applyServerErrors(form, e, ['year', 'appropriationYuan', 'students', 'note']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const group = q.data?.group;
  const primary: Column<Declaration> = { key: 'year', title: '年度', render: (r) => `${r.year}年度` };
  const columns: Column<Declaration>[] = [
    { key: 'total', title: '拨款总额', align: 'right', render: (r) => yuan(r.appropriationYuan) },
    { key: 'students', title: '在校生数', align: 'right', render: (r) => r.students.toLocaleString('zh-CN') },
    { key: 'per', title: '生均拨款', align: 'right', render: (r) => <strong>{yuan(r.perStudentYuan)}</strong> },
    { key: 'threshold', title: '比较标准', align: 'right', render: (r) => yuan(r.thresholdYuan) },
    { key: 'standing', title: '达标情况', render: (r) => <Tag color={STANDING_COLORS[r.standing]}>{r.standingLabel}</Tag> },
    { key: 'updated', title: '更新时间', render: (r) => r.updatedAt },
  ];
  return (
    <div data-testid="my-funding">
      <div className="cj-page-head">
        <Typography.Title level={4}>本校生均财政拨款</Typography.Title>
      </div>
      {q.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            group === 'higher'
              ? `${q.data.schoolName}为${GROUP_LABELS[group]}：生均财政拨款应不低于 ${yuan(q.data.higherFloorYuan)}（郑政办〔2023〕38号 二 (五) 14）`
              : group === 'secondary'
                ? `${q.data.schoolName}为${GROUP_LABELS[group]}：生均财政拨款应高于同年当地普通高中（市财政局录入，郑政办〔2023〕38号 二 (五) 14）`
                : `${q.data.schoolName}不计入公办高职、中职的生均拨款目标，可照常申报`
          }
        />
      )}
      <Card size="small" title="申报或更正一个年度" style={{ marginBottom: 12 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ year: lastYear }}
          onFinish={(v) => void onFinish(v)}
          data-testid="funding-form"
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Space wrap size={16} align="start">
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2015} max={lastYear + 1} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              name="appropriationYuan"
              label="一般公共预算财政拨款总额（元）"
              rules={[{ required: true, message: '请填写拨款总额（元）' }, ...(rules.appropriationYuan ?? [])]}
            >
              <InputNumber min={1} precision={0} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              name="students"
              label="折合在校生数"
              rules={[{ required: true, message: '请填写在校生数' }, ...(rules.students ?? [])]}
            >
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label="备注" rules={rules.note}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存申报
          </Button>
        </Form>
      </Card>
      <ResponsiveTable<Declaration>
        rows={items}
        rowKey={(r) => r.id}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="本校尚未申报生均财政拨款"
        pageSize={100}
        rowTestId="my-funding-row"
      />
    </div>
  );
}
