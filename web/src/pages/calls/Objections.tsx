import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { todayOf } from '../../../../core/calendar.ts';
import { OBJECTION_OUTCOME_LABELS, objectionAnswer, objectionRaise } from '../../../../contracts/calls.ts';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, useMyObjection, useObjections, type Application, type Call, type Objection } from './api.ts';

const raiseRules = fieldRules(objectionRaise);
const answerRules = fieldRules(objectionAnswer);

/** Sends a form's write; the fields the server names go back onto the form, anything else above it. */
function useSend(form: ReturnType<typeof Form.useForm>[0], fields: string[], done: string) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(done);
    } catch (e) {
      const rest = applyServerErrors(form, e, fields);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send };
}

const outcomeTag = (o: Objection) =>
  o.status === 'pending' ? (
    <Tag color="gold">待答复</Tag>
  ) : (
    <Tag color={o.outcome === 'upheld' ? 'red' : 'default'}>{OBJECTION_OUTCOME_LABELS[o.outcome!]}</Tag>
  );

/** The applicant during 公示: object to its result once, with reasons; then its objection and the answer. */
export function RaiseObjection({ call, application }: { call: Call; application: Application }) {
  const mine = useMyObjection(application.id);
  const [form] = Form.useForm();
  const { busy, error, send } = useSend(form, ['reasons'], '异议已提交，请等待答复');
  if (call.status !== 'published' || application.status !== 'submitted') return null;
  if (mine.error) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} />;
  const o = mine.data;
  const today = todayOf(new Date());
  return (
    <Card size="small" type="inner" title="公示异议" style={{ marginTop: 12 }} data-testid="objection">
      {o ? (
        <>
          <Space wrap>
            {outcomeTag(o)}
            <Typography.Text type="secondary">提出于 {o.raisedAt}</Typography.Text>
          </Space>
          <Typography.Paragraph style={{ marginTop: 8 }}>理由：{o.reasons}</Typography.Paragraph>
          {o.answer && (
            <Typography.Paragraph>
              答复（{o.answeredAt}）：{o.answer}
            </Typography.Paragraph>
          )}
        </>
      ) : call.objectionEndsOn && today <= call.objectionEndsOn ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { reasons: string }) => void send(() => post(`/api/call-applications/${application.id}/objection`, v))}
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="reasons"
            label={`对评审结果有异议的，请在 ${call.objectionEndsOn} 前写明理由（每份申报一次）`}
            rules={raiseRules.reasons}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="objection-raise">
            提出异议
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">公示期已于 {call.objectionEndsOn} 结束。</Typography.Text>
      )}
    </Card>
  );
}

/** The managing unit: the objections to its published result, each answered once; whether the result is final. */
export function ManageObjections({ call }: { call: Call }) {
  const q = useObjections(call.id, call.status === 'published');
  if (call.status !== 'published') return null;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <Card size="small" title="公示异议" style={{ marginTop: 12 }} data-testid="call-objections">
      {d && (
        <Alert
          style={{ marginBottom: 12 }}
          type={d.final ? 'success' : 'info'}
          showIcon
          message={
            d.final
              ? '公示期满，异议均已答复，立项结果生效'
              : `公示期至 ${d.objectionEndsOn}${d.periodOver ? '（已结束）' : ''}，待答复异议 ${d.pending} 件；公示期满且异议均已答复后结果生效`
          }
        />
      )}
      <List
        loading={q.isLoading}
        dataSource={d?.items ?? []}
        locale={{ emptyText: '未收到异议' }}
        renderItem={(o) => (
          <List.Item data-testid="objection-row">
            <div style={{ width: '100%' }}>
              <Space wrap>
                {outcomeTag(o)}
                <Typography.Text strong>{o.applicantName}</Typography.Text>
                <Typography.Text>{o.applicationTitle}</Typography.Text>
                <Typography.Text type="secondary">{o.raisedAt}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ margin: '8px 0' }}>理由：{o.reasons}</Typography.Paragraph>
              {o.status === 'answered' ? <Typography.Paragraph>答复：{o.answer}</Typography.Paragraph> : <Answer objection={o} />}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Answer({ objection }: { objection: Objection }) {
  const [form] = Form.useForm();
  const { busy, error, send } = useSend(form, ['outcome', 'answer'], '已答复');
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { outcome: string; answer: string }) =>
        void send(() => post(`/api/call-objections/${objection.id}/answer`, { ...v, version: objection.version }))
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="outcome" label="异议是否成立" rules={[{ required: true, message: '请选择异议是否成立' }]}>
        <Radio.Group options={Object.entries(OBJECTION_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="answer" label="答复意见" rules={answerRules.answer}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="objection-answer">
        答复
      </Button>
    </Form>
  );
}
