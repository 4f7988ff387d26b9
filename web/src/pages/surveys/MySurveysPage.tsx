import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, post, ApiError } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, useMine, type Invitation } from './api.ts';

/**
 * 我的问卷 (a student, a graduate, an enterprise's administrator): the questionnaires sent to the caller — satisfaction
 * rounds and, after an internship, the rating of its unit — answered one question under another, phone first.
 * The answer is anonymous: the server keeps it apart from the fact that the caller answered.
 */
export default function MySurveysPage() {
  const q = useMine();
  const [openId, setOpenId] = useState<string | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data?.items ?? [];
  const current = items.find((i) => i.id === openId);
  return (
    <div data-testid="my-surveys">
      <div className="cj-page-head">
        <Typography.Title level={4}>我的问卷</Typography.Title>
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="问卷匿名：答卷不记录作答人，学校和单位只能看到多人汇总的结果。每份问卷只能填写一次。"
      />
      {current && q.data ? (
        <AnswerForm invitation={current} scale={q.data.scale} maxLength={q.data.freeTextMaxLength} onDone={() => setOpenId(null)} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {!q.isLoading && !items.length && <Empty description="暂时没有需要填写的问卷" />}
          {items.map((i) => (
            <Card key={i.id} size="small" data-testid="survey-invitation">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{i.title}</Typography.Text>
                {i.aboutName && <Typography.Text type="secondary">评价对象：{i.aboutName}</Typography.Text>}
                <Space wrap>
                  {i.answered ? <Tag color="green">已填写</Tag> : i.open ? <Tag color="blue">待填写</Tag> : <Tag>已截止</Tag>}
                  <Typography.Text type="secondary">截止 {i.closesOn}</Typography.Text>
                </Space>
                {!i.answered && i.open && (
                  <Button type="primary" block onClick={() => setOpenId(i.id)}>
                    填写问卷
                  </Button>
                )}
              </Space>
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}

function AnswerForm({
  invitation,
  scale,
  maxLength,
  onDone,
}: {
  invitation: Invitation;
  scale: string[];
  maxLength: number;
  onDone: () => void;
}) {
  const qc = useQueryClient();
  const [values, setValues] = useState<Record<string, number>>({});
  const [freeText, setFreeText] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const missing = Object.fromEntries(invitation.questions.filter((x) => !values[x.code]).map((x) => [`values.${x.code}`, '请回答此题']));
    setProblems(missing);
    if (Object.keys(missing).length) return setError('还有题目没有回答');
    setBusy(true);
    setError(null);
    try {
      await post(`/api/surveys/mine/${invitation.id}/answer`, { values, freeText: freeText.trim() || null });
      await qc.invalidateQueries({ queryKey: [KEY] });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.fields) setProblems(e.fields);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={invitation.title} data-testid="survey-form">
      {invitation.aboutName && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          评价对象：{invitation.aboutName}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {invitation.questions.map((x, n) => (
          <div key={x.code} data-testid="survey-question">
            <Typography.Text strong>
              {n + 1}. {x.text}
            </Typography.Text>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6, marginTop: 8 }}
              value={values[x.code]}
              onChange={(e) => setValues({ ...values, [x.code]: e.target.value as number })}
            >
              {scale
                .map((label, i) => ({ label, value: i + 1 }))
                .reverse()
                .map((o) => (
                  <Radio key={o.value} value={o.value}>
                    {o.label}
                  </Radio>
                ))}
            </Radio.Group>
            {problems[`values.${x.code}`] && <Typography.Text type="danger">{problems[`values.${x.code}`]}</Typography.Text>}
          </div>
        ))}
        <div>
          <Typography.Text strong>{invitation.freeTextPrompt}</Typography.Text>
          <Input.TextArea
            rows={3}
            maxLength={maxLength}
            showCount
            value={freeText}
            onChange={(e) => setFreeText(e.target.value)}
            style={{ marginTop: 8 }}
          />
          {problems.freeText && <Typography.Text type="danger">{problems.freeText}</Typography.Text>}
        </div>
        <Space style={{ width: '100%' }} direction="vertical">
          <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="survey-submit">
            匿名提交
          </Button>
          <Button block onClick={onDone}>
            返回
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
