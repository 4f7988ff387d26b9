import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import type { accountOpened } from '../../../../../contracts/credit-bank.ts';
import { accountFields } from '../../../../../contracts/accounts.ts';
import { errorMessage, post } from '../../../api/client.ts';
import { applyServerErrors, zodRule } from '../../../forms/zod.ts';

type Opened = z.infer<typeof accountOpened>;
type Values = { holderName: string; idNumber: string; username?: string };

/**
 * A learning account for a learner who is not a student (an employee in training), with the learner's sign-in of
 * role 学习者 (username chosen here or generated): the one-time password is shown here once, and the learner must
 * change it at first sign-in.
 */
export function LearnerAccountForm() {
  const [form] = Form.useForm<Values>();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [rest, setRest] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: (v: Values) =>
      post<Opened>('/api/credit-bank/accounts', {
        holderName: v.holderName,
        idNumber: v.idNumber,
        ...(v.username ? { username: v.username } : {}),
      }),
    onSuccess: (a) => {
      setOpened(a);
      setRest(null);
      form.resetFields();
    },
    onError: (e) => {
      const left = applyServerErrors(form, e, ['holderName', 'idNumber', 'username']);
      setRest(Object.keys(left).length ? Object.values(left).join('；') : errorMessage(e));
    },
  });
  return (
    <Card size="small" title="为学习者开设学习账户" data-testid="cb-learner-account">
      <Typography.Paragraph type="secondary">
        适用于本单位职工等非在校学习者；在校学生的账户由学校开设或首次使用时自动开设。一人一户（按身份证号码）。
      </Typography.Paragraph>
      {rest && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={rest} />}
      {opened && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已开户：${opened.holderName}`}
          description={
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="学习账号">
                <Typography.Text copyable className="cj-mono" data-testid="cb-opened-account-no">
                  {opened.accountNo}
                </Typography.Text>
              </Descriptions.Item>
              {opened.signIn && <Descriptions.Item label="登录用户名">{opened.signIn.username}</Descriptions.Item>}
              {opened.signIn && (
                <Descriptions.Item label="初始密码（仅显示一次）">
                  <Typography.Text copyable className="cj-mono" data-testid="cb-initial-password">
                    {opened.signIn.initialPassword}
                  </Typography.Text>
                </Descriptions.Item>
              )}
            </Descriptions>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => open.mutate(v)}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="holderName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="idNumber" label="身份证号码" rules={[{ required: true, len: 18, message: '身份证号码应为 18 位' }]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="username"
              label="登录用户名（选填）"
              rules={[zodRule(accountFields.shape.username.optional().or(z.literal('')))]}
              extra="留空则自动生成（l+本单位代码-序号）"
            >
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={open.isPending}>
          开户
        </Button>
      </Form>
    </Card>
  );
}
