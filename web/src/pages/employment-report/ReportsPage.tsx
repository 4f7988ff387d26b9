import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REPORT_STATUS_LABELS, reportEditBody } from '../../../../contracts/employment-report.ts';
import { errorMessage, post, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { useCan } from '../registry/kit/can.ts';
import { Downloads } from './Downloads.tsx';
import { KEY, useReport, useReports, type ReportDetail } from './api.ts';

const rules = fieldRules(reportEditBody);
const EDIT = { resource: 'employmentReport', action: 'edit' } as const;

/**
 * 人才供需与就业状况年度报告 (the bureau; departments read): draft a year from the platform's data, read what it says,
 * edit the foreword and conclusion, redraw the figures while a draft, publish to /statistics; PDF and .xlsx of each.
 */
export default function ReportsPage() {
  const list = useReports();
  const can = useCan();
  const mayEdit = can(EDIT);
  const [open, setOpen] = useState<number | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const d = list.data;
  const shown = open ?? d?.items[0]?.year ?? null;
  const draft = async () => {
    const y = year ?? d?.suggestedYear;
    if (!y) return;
    setBusy(true);
    setError(null);
    try {
      await post('/api/employment-reports', { year: y });
      await qc.invalidateQueries({ queryKey: [KEY] });
      setOpen(y);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div data-testid="employment-reports">
      <div className="cj-page-head">
        <Typography.Title level={4}>人才供需与就业状况年度报告</Typography.Title>
      </div>
      {d && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`依据方案 ${d.article}`} description={d.note} />}
      {mayEdit && (
        <Card size="small" title="起草年度报告" style={{ marginBottom: 12 }}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Space wrap>
            <span>毕业届别</span>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              value={year ?? d?.suggestedYear ?? undefined}
              onChange={(v) => setYear(v)}
              style={{ width: 120 }}
              data-testid="report-year"
            />
            <Button type="primary" loading={busy} onClick={() => void draft()} data-testid="report-draft">
              按平台数据起草
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            起草时读取当日的需求序列、在校生和毕业生去向数据并预测未来12个月，约需数秒。
          </Typography.Paragraph>
        </Card>
      )}
      <List
        bordered
        loading={list.isLoading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: '尚未起草年度报告' }}
        style={{ marginBottom: 12, background: '#fff' }}
        renderItem={(r) => (
          <List.Item
            data-testid="report-row"
            actions={[
              <Button key="open" type="link" onClick={() => setOpen(r.year)}>
                查看
              </Button>,
              <Downloads key="dl" year={r.year} />,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {r.title}
                  <Tag color={r.status === 'published' ? 'green' : 'gold'}>{REPORT_STATUS_LABELS[r.status]}</Tag>
                </Space>
              }
              description={`数据日期 ${r.dataDate}${r.publishedAt ? ` · 发布于 ${r.publishedAt}` : ` · 起草于 ${r.draftedAt}`}`}
            />
          </List.Item>
        )}
      />
      {shown !== null && <Report year={shown} mayEdit={mayEdit} />}
    </div>
  );
}

function Report({ year, mayEdit }: { year: number; mayEdit: boolean }) {
  const q = useReport(year);
  const r = q.data;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!r) return <Card loading size="small" />;
  return (
    <Card
      size="small"
      title={r.title}
      extra={<Tag color={r.status === 'published' ? 'green' : 'gold'}>{REPORT_STATUS_LABELS[r.status]}</Tag>}
    >
      {mayEdit && r.status === 'draft' ? <EditTexts report={r} /> : <Texts report={r} />}
      {r.content.sections.map((s) => (
        <section key={s.heading} data-testid="report-section">
          <Typography.Title level={5}>{s.heading}</Typography.Title>
          {s.paragraphs.map((p) => (
            <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
          ))}
          <Typography.Paragraph type="secondary">
            {[...s.charts.map((c) => c.caption), ...s.tables.map((t) => `${t.caption}（${t.rows.length}行）`)].join('；')}
          </Typography.Paragraph>
        </section>
      ))}
    </Card>
  );
}

function Texts({ report }: { report: ReportDetail }) {
  return (
    <>
      <Typography.Title level={5}>前言</Typography.Title>
      <Typography.Paragraph>{report.foreword}</Typography.Paragraph>
      <Typography.Title level={5}>结论与建议</Typography.Title>
      <Typography.Paragraph>{report.conclusion}</Typography.Paragraph>
    </>
  );
}

/** The bureau's edit of a draft: the two texts, a redraw of the figures, publication. */
function EditTexts({ report }: { report: ReportDetail }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => form.setFieldsValue({ foreword: report.foreword, conclusion: report.conclusion }), [form, report]);
  const act = async (what: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(done);
    } catch (e) {
      const rest = applyServerErrors(form, e, ['foreword', 'conclusion']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const path = `/api/employment-reports/${report.year}`;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { foreword: string; conclusion: string }) =>
        void act('save', () => put(path, { ...v, version: report.version }), '已保存')
      }
      data-testid="report-form"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="foreword" label="前言" rules={rules.foreword}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Form.Item name="conclusion" label="结论与建议" rules={rules.conclusion}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy === 'save'}>
          保存文字
        </Button>
        <Button
          loading={busy === 'redraft'}
          onClick={() => void act('redraft', () => post(`${path}/redraft`, { version: report.version }), '已按当前数据重新生成')}
        >
          按当前数据重新生成
        </Button>
        <Popconfirm
          title="发布后内容不能再修改，并在公开统计页提供下载。确认发布？"
          onConfirm={() => void act('publish', () => post(`${path}/publish`, { version: report.version }), '已发布')}
        >
          <Button danger loading={busy === 'publish'} data-testid="report-publish">
            发布
          </Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
