import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { loginRequest, type LoginRequest, type Me } from '../../../contracts/auth.ts';
import { ApiError, errorMessage, post } from '../api/client.ts';
import { changePasswordPath, ME_KEY, safeNext } from '../auth/session.tsx';
import { clearSessionLoss, sessionLoss } from '../auth/session-loss.ts';
import { applyServerErrors, fieldRules } from '../forms/zod.ts';
import { PLATFORM_NAME } from '../layout/AppLayout.tsx';

const rules = fieldRules(loginRequest);
const PLAN = '郑政办〔2023〕38号';

/** Sign-in: username and password; afterwards back to the page the user came from (`?next=`). */
export function LoginPage() {
  const [form] = Form.useForm<LoginRequest>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [expired] = useState(() => sessionLoss() === 'SESSION_EXPIRED');

  useEffect(() => {
    // Whatever the previous session loaded (its user, its pages) is forgotten here, after the signed-in
    // pages have unmounted (clearing earlier would make them fetch again).
    queryClient.clear();
  }, [queryClient]);

  const login = useMutation({
    mutationFn: (body: LoginRequest) => post<Me>('/api/auth/login', loginRequest.parse(body)),
    onSuccess: async (me) => {
      clearSessionLoss();
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
      await navigate(me.user.mustChangePassword ? changePasswordPath(next) : next, { replace: true });
    },
    onError: (error) => {
      applyServerErrors(form, error, ['username', 'password']);
      if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') form.setFieldValue('password', '');
    },
  });

  const error = login.error;
  const throttled = error instanceof ApiError && error.code === 'TOO_MANY_ATTEMPTS';
  const retryMinutes = throttled && typeof error.body.retryAfterSeconds === 'number' ? Math.ceil(error.body.retryAfterSeconds / 60) : null;

  return (
    <div className="cj-login">
      <section className="cj-login-intro">
        <div>
          <span className="cj-logo" style={{ width: 48, height: 48, fontSize: 18, background: '#fff', color: '#0f4c81' }}>
            产教
          </span>
        </div>
        <h1>{PLATFORM_NAME}</h1>
        <p style={{ fontSize: 18, fontWeight: 500 }}>产教 Chanjiao · 市级产教融合、校企合作信息服务大数据平台</p>
        <p>
          依据《郑州市人民政府办公厅关于印发深化产教融合推进职业教育高质量发展实施方案的通知》（{PLAN}）建设，
          服务市教育局、市直部门、区县（市）与开发区、职业院校、企业和学生：汇聚校企供需、实习就业、学分银行与产教融合载体信息，
          对照实施方案目标和任务清单跟踪落实。
        </p>
      </section>
      <main className="cj-login-panel">
        <div style={{ width: '100%', maxWidth: 400 }}>
          <div className="cj-login-mobile-head">
            <span className="cj-logo" style={{ width: 44, height: 44, fontSize: 16, background: '#fff', color: '#0f4c81' }}>
              产教
            </span>
            <h1>{PLATFORM_NAME}</h1>
            <p>产教 Chanjiao · 依据{PLAN}建设</p>
          </div>
          <Card className="cj-login-card">
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              登录
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
              请使用单位分配的账号登录。
            </Typography.Paragraph>
            {expired && !error && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title="登录已超时，请重新登录"
                description={next !== '/' ? '登录后将返回您刚才所在的页面。' : undefined}
              />
            )}
            {error && (
              <Alert
                type={throttled ? 'warning' : 'error'}
                showIcon
                style={{ marginBottom: 16 }}
                title={errorMessage(error)}
                description={
                  throttled
                    ? `为保护账号安全，已暂停该账号登录${retryMinutes ? `约 ${retryMinutes} 分钟` : ''}；如忘记密码，请联系本单位管理员重置。`
                    : undefined
                }
              />
            )}
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => login.mutate(v)}
              disabled={login.isPending}
              size="large"
            >
              <Form.Item name="username" label="用户名" rules={rules.username}>
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder="请输入用户名"
                />
              </Form.Item>
              <Form.Item name="password" label="密码" rules={rules.password}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                登录
              </Button>
            </Form>
            {/* The pages that need no account: the public directory and an enterprise's own registration. */}
            <div className="cj-login-links">
              <Link to="/directory" data-testid="login-directory">
                查看公开名录
              </Link>
              <Link to="/statistics" data-testid="login-statistics">
                公开统计
              </Link>
              <Link to="/register" data-testid="login-register">
                企业注册
              </Link>
            </div>
          </Card>
        </div>
      </main>
    </div>
  );
}
