import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { AGREEMENT_PARTY_LABELS, type AgreementParty } from '../../../../contracts/internship-lifecycle.ts';
import { post as send } from '../../api/client.ts';
import { KEY } from './api.ts';
import type { InternshipDetail, Side } from './lifecycle-api.ts';
import { RuleViolations } from './RuleViolations.tsx';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * The tripartite agreement: its text, who has signed and when, and the signature of the side the user acts for.
 * The school also records the guardian's consent (for students under 18) with the guardian's name and relation.
 */
export function AgreementCard({ internship, side }: { internship: InternshipDetail; side: Side }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const a = internship.agreement;
  const done = (text: string) => {
    message.success(text);
    void qc.invalidateQueries({ queryKey: [KEY] });
  };
  const draft = useMutation({
    mutationFn: () => send(`/api/internships/${internship.id}/agreement`, {}),
    onSuccess: () => done('已按示范文本生成三方协议'),
  });
  const sign = useMutation({
    mutationFn: (body: { party: AgreementParty; guardianName?: string; guardianRelation?: string }) =>
      send(`/api/internships/${internship.id}/agreement/signatures`, body),
    onSuccess: () => done('已签署'),
  });
  const missing = new Set(a?.missingParties ?? []);
  return (
    <Card
      size="small"
      title="三方实习协议"
      data-testid="agreement"
      extra={
        a && (
          <Button size="small" icon={<PrinterOutlined />} href={`/api/internships/${internship.id}/agreement.pdf`} target="_blank">
            打印
          </Button>
        )
      }
    >
      <RuleViolations error={draft.error ?? sign.error} title="不能签署" />
      {!a ? (
        <Space direction="vertical">
          <Typography.Text type="secondary">协议尚未生成。按规定，三方协议签齐前不得开始实习。</Typography.Text>
          {side !== 'student' && (
            <Button type="primary" loading={draft.isPending} onClick={() => draft.mutate()}>
              按示范文本生成协议
            </Button>
          )}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {a.requiredParties.map((p) => {
              const s = a.signatures.find((x) => x.party === p);
              return (
                <Tag key={p} className="cj-tag-wrap" color={s ? 'green' : 'default'}>
                  {AGREEMENT_PARTY_LABELS[p]}：{s ? `${s.signerName} ${when(s.signedAt)}` : '未签'}
                </Tag>
              );
            })}
          </Space>
          <Collapse
            size="small"
            items={[
              {
                key: 't',
                label: `协议全文（${a.templateVersion}）`,
                children: <div style={{ whiteSpace: 'pre-wrap', maxHeight: 360, overflow: 'auto' }}>{a.text}</div>,
              },
            ]}
          />
          {missing.has(side) && (
            <Button type="primary" block loading={sign.isPending} onClick={() => sign.mutate({ party: side })} data-testid="sign">
              以{AGREEMENT_PARTY_LABELS[side]}身份签署
            </Button>
          )}
          {side === 'school' && missing.has('guardian') && (
            <Form
              layout="inline"
              onFinish={(v: { guardianName: string; guardianRelation: string }) => sign.mutate({ party: 'guardian', ...v })}
              style={{ rowGap: 8 }}
            >
              <Form.Item name="guardianName" rules={[{ required: true, message: '请填写监护人姓名' }]}>
                <Input placeholder="监护人姓名" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="guardianRelation" rules={[{ required: true, message: '请选择关系' }]}>
                <Select
                  placeholder="关系"
                  style={{ width: 120 }}
                  options={[
                    { value: 'father', label: '父亲' },
                    { value: 'mother', label: '母亲' },
                    { value: 'other_guardian', label: '其他监护人' },
                  ]}
                />
              </Form.Item>
              <Button htmlType="submit" loading={sign.isPending}>
                登记监护人签字
              </Button>
            </Form>
          )}
          {a.complete && <Typography.Text type="success">协议已签齐</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
