import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, STATUS_COLORS, useMyCampus, useStandard } from './api.ts';
import { StandardCard } from './StandardCard.tsx';

type Answers = Record<string, { met: boolean; note?: string }>;

/**
 * 本校智慧校园 (a school): assess the school item by item against the standard in force (each met item with what
 * shows it), submit it to the bureau, and once accepted as meeting the standard apply to be a 智慧职教示范校.
 */
export default function MyCampusPage() {
  const qc = useQueryClient();
  const standard = useStandard();
  const mine = useMyCampus();
  const [form] = Form.useForm<{ answers: Answers }>();
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (standard.error || mine.error)
    return <QueryError error={standard.error ?? mine.error} onRetry={() => void (standard.refetch(), mine.refetch())} />;
  if (!standard.data || !mine.data) return null;
  const published = standard.data.published;
  const a = mine.data.assessment;
  const app = mine.data.application;
  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (v: { answers: Answers }) =>
    run(() =>
      put('/api/digital/smart-campus/mine', {
        items: published!.items.map((i) => ({ code: i.code, met: !!v.answers?.[i.code]?.met, note: v.answers?.[i.code]?.note || null })),
        version: a?.version,
      }),
    );
  const initial: Answers = Object.fromEntries((a?.items ?? []).map((i) => [i.code, { met: i.met, note: i.note ?? undefined }]));
  const locked = a?.status === 'accepted';
  return (
    <div data-testid="my-campus">
      <div className="cj-page-head">
        <Typography.Title level={4}>{mine.data.schoolName} · 智慧校园</Typography.Title>
      </div>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <StandardCard standard={standard.data} canPublish={false} />
      {!published ? (
        <Alert type="info" showIcon message="市教育局尚未发布智慧校园建设标准，发布后即可自评" />
      ) : (
        <Card
          size="small"
          style={{ marginBottom: 12 }}
          title="本校自评"
          extra={
            a && (
              <Tag
                color={STATUS_COLORS[a.status]}
              >{`${a.statusLabel}：达到 ${a.metItems}/${a.totalItems} 条，${a.meets ? '达标' : '未达标'}`}</Tag>
            )
          }
        >
          {a?.reviewNote && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`市教育局意见：${a.reviewNote}`} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ answers: initial }}
            onFinish={(v) => void submit(v)}
            disabled={locked}
            data-testid="assessment-form"
          >
            {published.items.map((i) => (
              <Space key={i.code} align="start" wrap style={{ width: '100%', marginBottom: 4 }}>
                <Form.Item name={['answers', i.code, 'met']} valuePropName="checked" label={`${i.name}${i.required ? '（必备）' : ''}`}>
                  <Switch checkedChildren="达到" unCheckedChildren="未达到" />
                </Form.Item>
                <Form.Item name={['answers', i.code, 'note']} label="依据（系统、数据或链接）" style={{ minWidth: 260 }}>
                  <Input maxLength={500} />
                </Form.Item>
              </Space>
            ))}
            {!locked && (
              <Button type="primary" htmlType="submit" loading={busy}>
                {a ? '更正并重新提交' : '提交自评'}
              </Button>
            )}
          </Form>
        </Card>
      )}
      <Card size="small" title="智慧职教示范校申报" data-testid="demo-apply">
        {app && (
          <Typography.Paragraph>
            <Tag color={STATUS_COLORS[app.status]}>{app.statusLabel}</Tag> {app.appliedAt} 申报
            {app.decisionNote && `；市教育局意见：${app.decisionNote}`}
          </Typography.Paragraph>
        )}
        {mine.data.applyProblem ? (
          <Alert type="info" showIcon message={mine.data.applyProblem} />
        ) : (
          (!app || app.status === 'rejected') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
                placeholder="申报说明（不少于10个字）"
              />
              <Button
                type="primary"
                loading={busy}
                disabled={statement.trim().length < 10}
                onClick={() =>
                  void run(() => put('/api/digital/demo-schools/mine', { statement: statement.trim(), version: app?.version }))
                }
              >
                申报智慧职教示范校
              </Button>
            </Space>
          )
        )}
      </Card>
    </div>
  );
}
