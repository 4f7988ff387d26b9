import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { qualityFindingPut } from '../../../../contracts/quality.ts';
import { errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, useSchoolResult, type QualitySchoolResult } from './api.ts';
import { SchoolResultView } from './SchoolResultView.tsx';

const rules = fieldRules(qualityFindingPut);

/** A school's result of a year (the bureau's drill-down, a district's, a commissioned evaluator's workspace). */
export default function SchoolResultPage() {
  const { year, schoolId } = useParams();
  const q = useSchoolResult(Number(year), schoolId!);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div>
      <div className="cj-page-head">
        <Typography.Title level={4}>{q.data ? `${q.data.schoolName} · ${q.data.year}年度质量评价` : '质量评价结果'}</Typography.Title>
        <Link to="/quality">返回排名</Link>
      </div>
      {q.data && <SchoolResultView r={q.data} />}
      {q.data?.canReview && <FindingForm r={q.data} />}
    </div>
  );
}

/** A commissioned evaluator's finding on one dimension: text and an adjustment within the policy's limit. */
function FindingForm({ r }: { r: QualitySchoolResult }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const onFinish = async (v: { dimension: string; text: string; adjustment?: number }) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const before = r.findings.find((f) => f.dimension === v.dimension);
      await put(`/api/quality/findings/${r.year}/${r.schoolId}/${v.dimension}`, {
        text: v.text,
        adjustment: v.adjustment ?? 0,
        version: before?.version,
      });
      setSaved(true);
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      const rest = applyServerErrors(form, e, ['dimension', 'text', 'adjustment']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="录入第三方评价意见" data-testid="quality-finding-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ dimension: r.dimensions[0]?.code, adjustment: 0 }}
        onFinish={(v) => void onFinish(v)}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {saved && <Alert type="success" showIcon message="已保存，评分已按调整重新计算" style={{ marginBottom: 12 }} />}
        <Form.Item name="dimension" label="维度" rules={[{ required: true, message: '请选择维度' }]}>
          <Select options={r.dimensions.map((d) => ({ value: d.code, label: d.name }))} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item
          name="text"
          label="评价意见（核查的材料与结论）"
          rules={[{ required: true, message: '请填写评价意见' }, ...(rules.text ?? [])]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="adjustment" label={`评分调整（±${r.maxAdjustment} 分以内）`}>
          <InputNumber min={-r.maxAdjustment} max={r.maxAdjustment} step={0.5} precision={1} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存评价意见
        </Button>
      </Form>
    </Card>
  );
}
