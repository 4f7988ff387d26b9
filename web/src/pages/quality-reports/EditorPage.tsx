import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { charCount } from '../../../../core/quality-reports/narrative.ts';
import { ApiError, errorMessage, post, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, lastYear, useMyReport, yearOptions, type QualityReport } from './api.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { ReportTables } from './ReportTables.tsx';

/**
 * 撰写质量年度报告: a school's seven parts (an enterprise's or the city's own), each with its character counter
 * against the policy's limit and the bureau's comment when it was returned; the tables generated from data beside
 * them; save, then submit (the tables freeze). A submitted report is read-only here.
 */
export default function EditorPage() {
  const [year, setYear] = useState(lastYear());
  const q = useMyReport(year);
  // Kept here: a save remounts the form (new version), and its outcome should stay on screen.
  const [message, setMessage] = useState<Message | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const report = q.data;
  return (
    <div data-testid="quality-report-editor">
      <div className="cj-page-head">
        <Typography.Title level={4}>{report?.kind === 'city' ? '全市中职质量年度报告' : '本单位质量年度报告'}</Typography.Title>
        <Space wrap>
          <Select value={year} options={yearOptions()} onChange={setYear} style={{ width: 130 }} aria-label="报告年度" />
          <Link to="/quality-reports">全部报告</Link>
        </Space>
      </div>
      {/* A new year or a saved version starts the form from what the server holds. */}
      {report && (
        <Editor key={`${year}-${report.version}-${report.status}`} report={report} year={year} message={message} setMessage={setMessage} />
      )}
    </div>
  );
}

type Message = { type: 'success' | 'error'; text: string };

function Editor(props: { report: QualityReport; year: number; message: Message | null; setMessage: (m: Message | null) => void }) {
  const { report, year, message, setMessage } = props;
  const qc = useQueryClient();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.parts.map((p) => [p.code, p.text])));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const run = async (what: 'save' | 'submit') => {
    setBusy(true);
    setFields({});
    setMessage(null);
    try {
      let current: QualityReport = report;
      const dirty = report.parts.some((p) => (texts[p.code] ?? '') !== p.text);
      if (dirty || !report.id)
        current = await put<QualityReport>(`/api/quality-reports/mine/${year}`, {
          parts: texts,
          ...(report.id ? { version: report.version } : {}),
        });
      if (what === 'submit') current = await post<QualityReport>(`/api/quality-reports/mine/${year}/submit`, { version: current.version });
      await qc.invalidateQueries({ queryKey: [KEY] });
      setMessage({ type: 'success', text: what === 'submit' ? `已提交（${current.statusLabel}）` : '已保存' });
    } catch (e) {
      if (e instanceof ApiError && e.fields) setFields(e.fields);
      setMessage({ type: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const editable = report.canEdit;
  return (
    <>
      <ReportHeader report={report} />
      {message && <Alert type={message.type} showIcon message={message.text} style={{ marginBottom: 12 }} data-testid="editor-message" />}
      {fields.partners && <Alert type="warning" showIcon message={fields.partners} style={{ marginBottom: 12 }} />}
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`报告${report.statusLabel}，不能修改${report.status === 'submitted' ? '；市教育局退回后可再编辑' : ''}`}
        />
      )}
      <Tabs
        items={[
          {
            key: 'parts',
            label: '正文',
            children: report.parts.map((p, i) => {
              const count = charCount(texts[p.code] ?? '');
              const over = count > p.maxChars;
              return (
                <Card
                  key={p.code}
                  size="small"
                  title={`${'一二三四五六七八九'[i]}、${p.title}`}
                  style={{ marginBottom: 12 }}
                  data-testid={`part-${p.code}`}
                >
                  {p.comment && <Alert type="warning" showIcon message={`审核意见：${p.comment}`} style={{ marginBottom: 8 }} />}
                  <Input.TextArea
                    rows={6}
                    value={texts[p.code] ?? ''}
                    disabled={!editable}
                    status={over || fields[`parts.${p.code}`] ? 'error' : undefined}
                    onChange={(e) => setTexts((t) => ({ ...t, [p.code]: e.target.value }))}
                    aria-label={p.title}
                  />
                  <Space style={{ justifyContent: 'space-between', width: '100%', marginTop: 4 }} wrap>
                    <Typography.Text type="danger">{fields[`parts.${p.code}`] ?? ''}</Typography.Text>
                    <Typography.Text type={over ? 'danger' : 'secondary'} data-testid={`counter-${p.code}`}>
                      {count} / {p.maxChars} 字
                    </Typography.Text>
                  </Space>
                </Card>
              );
            }),
          },
          { key: 'tables', label: '附表（平台生成）', children: <ReportTables report={report} /> },
        ]}
      />
      {editable && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button onClick={() => void run('save')} loading={busy} data-testid="save-report">
            保存
          </Button>
          <Button type="primary" onClick={() => void run('submit')} loading={busy} data-testid="submit-report">
            {report.kind === 'city' ? '提交并公开' : '提交审核'}
          </Button>
        </Space>
      )}
    </>
  );
}
