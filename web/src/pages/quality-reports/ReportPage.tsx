import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, useReport } from './api.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { ReportTables } from './ReportTables.tsx';

/**
 * One report: its parts and frozen tables. The bureau returns it with a comment per part or approves it (published);
 * a partner school confirms an enterprise's joint report; its author goes back to the editor.
 */
export default function ReportPage() {
  const { id = '' } = useParams();
  const q = useReport(id);
  const qc = useQueryClient();
  const [comments, setComments] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const report = q.data;

  const act = async (path: string, body: unknown, done: string) => {
    setBusy(true);
    setFields({});
    setMessage(null);
    try {
      await post(`/api/quality-reports/${id}/${path}`, body);
      await qc.invalidateQueries({ queryKey: [KEY] });
      setMessage({ type: 'success', text: done });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setFields(e.fields);
      setMessage({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  if (!report) return null;
  return (
    <div data-testid="quality-report">
      <div className="cj-page-head">
        <Typography.Title level={4}>
          {report.organisationName} {report.year}年度质量年度报告
        </Typography.Title>
        <Space wrap>
          {report.canEdit && <Link to="/quality-reports/mine">编辑本单位报告</Link>}
          <Link to="/quality-reports">全部报告</Link>
        </Space>
      </div>
      <ReportHeader report={report} />
      {message && <Alert type={message.type} showIcon message={message.text} style={{ marginBottom: 12 }} data-testid="review-message" />}
      {report.canConfirm && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="该企业报告与贵校联合发布，请核对后确认"
          action={
            <Button
              type="primary"
              loading={busy}
              onClick={() => void act('confirm', undefined, '已确认联合发布')}
              data-testid="confirm-report"
            >
              确认
            </Button>
          }
        />
      )}
      {report.parts.map((p, i) => (
        <Card key={p.code} size="small" title={`${'一二三四五六七八九'[i]}、${p.title}`} style={{ marginBottom: 12 }}>
          {p.comment && <Alert type="warning" showIcon message={`审核意见：${p.comment}`} style={{ marginBottom: 8 }} />}
          {p.text ? (
            p.text.split(/\n+/).map((t, j) => <Typography.Paragraph key={j}>{t}</Typography.Paragraph>)
          ) : (
            <Typography.Text type="secondary">（尚未填写）</Typography.Text>
          )}
          {report.canReview && (
            <>
              <Input.TextArea
                rows={2}
                placeholder="审核意见（退回修改时填写）"
                value={comments[p.code] ?? ''}
                onChange={(e) => setComments((c) => ({ ...c, [p.code]: e.target.value }))}
                status={fields[`comments.${p.code}`] ? 'error' : undefined}
                aria-label={`${p.title}审核意见`}
              />
              {fields[`comments.${p.code}`] && <Typography.Text type="danger">{fields[`comments.${p.code}`]}</Typography.Text>}
            </>
          )}
        </Card>
      ))}
      {report.canReview && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            danger
            loading={busy}
            onClick={() => void act('return', { comments, version: report.version }, '已退回修改')}
            data-testid="return-report"
          >
            退回修改
          </Button>
          <Popconfirm
            title="审核通过后报告将向社会公开"
            onConfirm={() => void act('approve', { version: report.version }, '已审核通过并公开')}
          >
            <Button type="primary" loading={busy} data-testid="approve-report">
              审核通过并公开
            </Button>
          </Popconfirm>
          {fields.comments && <Typography.Text type="danger">{fields.comments}</Typography.Text>}
        </Space>
      )}
      <ReportTables report={report} />
    </div>
  );
}
