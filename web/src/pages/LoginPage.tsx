import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { loginRequest, type LoginRequest, type Me } from '../../../contracts/auth.ts';
import { post, setCsrfToken } from '../api/client.ts';
import { ME_KEY } from '../auth/session.tsx';
import { showServerErrors, zodRule } from '../forms.ts';

export default function LoginPage() {
  const [form] = Form.useForm<LoginRequest>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const next = params.get('next');

  async function submit(values: LoginRequest) {
    setBusy(true);
    setError(null);
    try {
      const me = await post<Me>('/api/auth/login', values);
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(ME_KEY, me);
      // Only paths of this app: an absolute URL in `next` would be an open redirect.
      const target = me.user.mustChangePassword ? '/change-password' : next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
      navigate(target, { replace: true });
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: 'linear-gradient(160deg, #0f4c81 0%, #1d6fb8 45%, #f5f7fa 45%)' }}>
      <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 12px 32px rgba(15,76,129,.18)' }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <div style={{ width: 48, height: 48, margin: '0 auto 12px', borderRadius: 12, background: '#0f4c81', color: '#fff', display: 'grid', placeItems: 'center', fontSize: 22, fontWeight: 700 }}>产</div>
          <Typography.Title level={4} style={{ margin: 0 }}>郑州市产教融合信息服务平台</Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>产教 Chanjiao · 郑政办〔2023〕38号 任务清单 14</Typography.Text>
        </div>
        {next && !error && <Alert type="info" showIcon message="登录已过期，请重新登录后继续" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[zodRule(loginRequest.shape.username)]}>
            <Input id="username" prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[zodRule(loginRequest.shape.password)]}>
            <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">登录</Button>
        </Form>
      </Card>
    </div>
  );
}
