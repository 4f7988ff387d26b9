import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { outcomeIssue, type outcome } from '../../../../../contracts/credit-bank.ts';
import type { OutcomeKind } from '../../../../../core/credit-bank/kinds.ts';
import { errorMessage, post } from '../../../api/client.ts';
import { applyServerErrors, fieldRules, zodRule } from '../../../forms/zod.ts';
import { dateValue } from '../../registry/kit/forms.ts';
import { KIND_OPTIONS, newKey } from './shared.ts';

type Values = Omit<z.input<typeof outcomeIssue>, 'idempotencyKey'>;
const rules = fieldRules(outcomeIssue);
// An empty optional link is "not given", not an invalid URL.
const evidenceUrlRules = [zodRule(outcomeIssue.shape.evidenceUrl.or(z.literal('')))];
const FIELDS = Object.keys(outcomeIssue.shape);

/** One outcome to one learner's account (the number the learner gave); the kind decides which fact is asked for. */
export function IssueForm() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newKey);
  const kind = Form.useWatch('kind', form) as OutcomeKind | undefined;
  const [rest, setRest] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: (v: Values) => post<z.infer<typeof outcome>>('/api/credit-bank/outcomes', clean({ ...v, idempotencyKey: key })),
    onSuccess: (o) => {
      message.success(`已签发给 ${o.holderName}（${o.accountNo}），学习者立即可见`);
      form.resetFields();
      setKey(newKey());
      setRest(null);
      void qc.invalidateQueries({ queryKey: ['cb', 'issued'] });
    },
    onError: (e) => {
      const left = applyServerErrors(form, e, FIELDS);
      setRest(Object.keys(left).length ? Object.values(left).join('；') : errorMessage(e));
    },
  });
  const needs = (k: OutcomeKind[]) => !!kind && k.includes(kind);
  return (
    <Card size="small" title="逐项签发学习成果" data-testid="cb-issue-form">
      {rest && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={rest} />}
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)} initialValues={{ kind: 'trainingCourse' }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="accountNo" label="学习账号" required rules={rules.accountNo} extra="学习者提供的 CB 开头账号">
              <Input placeholder="CB00000000000000" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label="成果类型" required rules={rules.kind}>
              <Select options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label="成果名称" required rules={rules.title}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="code" label="成果编码" rules={rules.code}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="field" label="专业或职业代码" rules={rules.field}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="achievedOn" label="取得日期" required rules={rules.achievedOn} {...dateValue}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {needs(['schoolCourse']) && (
            <Col xs={12} md={6}>
              <Form.Item name="credits" label="学分" rules={[{ required: true, message: '学校课程需填写学分' }]}>
                <InputNumber min={0} max={60} step={0.5} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs(['trainingCourse', 'onlineCourse', 'internship']) && (
            <Col xs={12} md={6}>
              <Form.Item name="hours" label="学时" rules={[{ required: true, message: '该类成果需填写学时' }]}>
                <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs(['skillCertificate']) && (
            <Col xs={12} md={6}>
              <Form.Item name="level" label="证书等级" rules={[{ required: true, message: '证书需填写等级' }]}>
                <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {needs(['competitionAward']) && (
            <Col xs={12} md={6}>
              <Form.Item name="awardRank" label="奖项" rules={[{ required: true, message: '竞赛获奖需填写奖项' }]}>
                <Input maxLength={40} placeholder="如省赛一等奖" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item name="grade" label="成绩" rules={rules.grade}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="evidenceUrl" label="佐证链接" rules={evidenceUrlRules}>
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="evidenceNote" label="佐证说明" rules={rules.evidenceNote} extra="佐证链接与佐证说明至少填一项">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          签发
        </Button>
      </Form>
    </Card>
  );
}

/** Empty optional inputs are left out rather than sent as "" (the schema reads absent as "not given"). */
function clean<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== null && x !== undefined)) as T;
}
