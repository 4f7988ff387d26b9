import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { changePasswordRequest, type ChangePasswordRequest } from '../../../contracts/auth.ts';
import { post } from '../api/client.ts';
import { ME_KEY, useMe } from '../auth/session.tsx';
import { showServerErrors, zodRule } from '../forms.ts';

/** Forced at the first sign-in of an account an administrator created; also the account page. */
export default function ChangePasswordPage() {
  const me = useMe();
  const [form] = Form.useForm<ChangePasswordRequest & { confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function submit({ confirm: _confirm, ...values }: ChangePasswordRequest & { confirm: string }) {
    setError(null);
    try {
      await post('/api/auth/password', values);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      setDone(true);
      if (me.user.mustChangePassword) navigate('/', { replace: true });
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  }

  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Card title="修改密码">
        {me.user.mustChangePassword && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="首次登录，请先设置新密码" />}
        {done && <Alert type="success" showIcon style={{ marginBottom: 16 }} message="密码已修改，其他设备上的登录已退出" />}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} />}
        <Typography.Paragraph type="secondary">新密码至少10个字符，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label="当前密码" rules={[zodRule(changePasswordRequest.shape.currentPassword)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '密码至少需要10个字符' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']}
            rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({
              validator: async (_, v) => { if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的密码不一致'); },
            })]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>保存新密码</Button>
        </Form>
      </Card>
    </div>
  );
}
