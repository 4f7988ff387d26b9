import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { changePasswordRequest, type ChangePasswordRequest } from '../../../contracts/auth.ts';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../core/auth/password-policy.ts';
import { errorMessage, post } from '../api/client.ts';
import { ME_KEY, safeNext, useMe } from '../auth/session.tsx';
import { applyServerErrors, fieldRules } from '../forms/zod.ts';
import { useLogout } from '../auth/useLogout.ts';

interface Values extends ChangePasswordRequest {
  confirmPassword: string;
}

const rules = fieldRules(changePasswordRequest);

/** The password rules of core/auth/password-policy.ts, one line each, ticked as the user types. */
function ruleChecks(password: string, username: string) {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return [
    { key: 'length', text: `至少 ${MIN_PASSWORD_LENGTH} 个字符`, ok: password.length >= MIN_PASSWORD_LENGTH },
    { key: 'classes', text: '包含大写字母、小写字母、数字、符号中的至少三类', ok: classes >= 3 },
    { key: 'username', text: '不包含用户名', ok: password.length > 0 && !password.toLowerCase().includes(username.toLowerCase()) },
  ];
}

/**
 * Change password: forced after the first sign-in (and after an administrator reset), otherwise reached
 * from the user menu. The rules are checked here as the user types and again by the server.
 */
export function ChangePasswordPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const forced = me.user.mustChangePassword;
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [unplaced, setUnplaced] = useState<Record<string, string>>({});
  const logout = useLogout();

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      post('/api/auth/password', changePasswordRequest.parse({ currentPassword, newPassword })),
    onSuccess: async () => {
      setUnplaced({});
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      message.success('密码已修改，其他设备上的登录已退出');
      await navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => setUnplaced(applyServerErrors(form, error, ['currentPassword', 'newPassword'])),
  });

  return (
    <div className="cj-narrow">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        {forced && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="为了账号安全，首次登录须先修改初始密码"
            description="修改完成后即可使用平台的各项功能。"
          />
        )}
        {change.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorMessage(change.error)}
            description={Object.values(unplaced).join('；') || undefined}
          />
        )}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)} disabled={change.isPending}>
          <Form.Item name="currentPassword" label={forced ? '当前密码（初始密码）' : '当前密码'} rules={rules.currentPassword}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[
              ...rules.newPassword,
              {
                validator: async (_r, value: string | undefined) => {
                  if (!value) throw new Error('请输入新密码');
                  const problem = passwordProblem(value, me.user.username);
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ul className="cj-rules" aria-label="密码要求">
            {ruleChecks(newPassword, me.user.username).map((r) => (
              <li key={r.key} className={r.ok ? 'cj-rule-ok' : 'cj-rule-todo'}>
                {r.ok ? <CheckCircleFilled /> : <MinusCircleOutlined />} {r.text}
              </li>
            ))}
          </ul>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              确认修改
            </Button>
            {forced ? (
              <Button onClick={() => logout.mutate()} loading={logout.isPending}>
                退出登录
              </Button>
            ) : (
              <Button onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/'))}>返回</Button>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}
