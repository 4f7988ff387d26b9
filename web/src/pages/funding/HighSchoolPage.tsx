import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { applyServerErrors } from '../../forms/zod.ts';
import { KEY, useHighSchool, yuan, type HighSchoolFigures } from './api.ts';

type Figure = HighSchoolFigures['items'][number];

/**
 * 当地普通高中生均财政拨款: the 市财政局 enters the figure of each year (公办中职 schools must be above it); the
 * bureau and the districts read it. Another department's account is refused by the server.
 */
export default function HighSchoolPage() {
  const q = useHighSchool();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lastYear = new Date().getFullYear() - 1;
  const items = q.data?.items ?? [];
  const onFinish = async (v: { year: number; perStudentYuan: number }) => {
    setBusy(true);
    setError(null);
    try {
      await put(`/api/funding/high-school/${v.year}`, {
        perStudentYuan: v.perStudentYuan,
        version: items.find((h) => h.year === v.year)?.version,
      });
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      const rest = applyServerErrors(form, e, ['year', 'perStudentYuan']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const primary: Column<Figure> = { key: 'year', title: '年度', render: (h) => `${h.year}年度` };
  const columns: Column<Figure>[] = [
    { key: 'value', title: '普通高中生均财政拨款', align: 'right', render: (h) => <strong>{yuan(h.perStudentYuan)}</strong> },
    { key: 'by', title: '录入单位', render: (h) => h.enteredByName },
    { key: 'updated', title: '更新时间', render: (h) => h.updatedAt },
  ];
  return (
    <div data-testid="high-school-funding">
      <div className="cj-page-head">
        <Typography.Title level={4}>当地普通高中生均财政拨款</Typography.Title>
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="公办中等职业学校生均财政拨款应高于当地普通高中（郑政办〔2023〕38号 二 (五) 14、任务清单 20），由市财政局逐年录入。"
      />
      {q.data?.canEnter && (
        <Card size="small" title={`录入或更正一个年度（${q.data.enteredBy}）`} style={{ marginBottom: 12 }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ year: lastYear }}
            onFinish={(v) => void onFinish(v)}
            data-testid="high-school-form"
          >
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Space wrap size={16} align="start">
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                <InputNumber min={2015} max={lastYear + 1} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="perStudentYuan" label="生均财政拨款（元）" rules={[{ required: true, message: '请填写生均财政拨款（元）' }]}>
                <InputNumber min={1} precision={0} style={{ width: 200 }} />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              保存
            </Button>
          </Form>
        </Card>
      )}
      <ResponsiveTable<Figure>
        rows={items}
        rowKey={(h) => String(h.year)}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="市财政局尚未录入普通高中生均财政拨款"
        pageSize={100}
        rowTestId="high-school-row"
      />
    </div>
  );
}
