import { CopyOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { accountFields, type account } from '../../../../../contracts/accounts.ts';
import { ApiError, errorMessage, get, patch, post } from '../../../api/client.ts';
import { useMe } from '../../../auth/session.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useIsPhone } from '../../../hooks/useMediaQuery.ts';
import { roleLabel } from '../../../labels.ts';
import { useOwnOrganisations } from '../kit/can.ts';

type Account = z.infer<typeof account>;
type Created = { id: string; username: string; initialPassword: string };

/** The roles an enterprise admin hands out (core/authz/assignment.ts): colleagues who manage, employees who learn. */
const STAFF_ROLES = [
  { value: 'enterprise_admin', label: '企业管理员（可管理本企业信息和账号）' },
  { value: 'learner', label: '学习者（员工，使用学分银行）' },
] as const;

/**
 * 员工账号: an enterprise admin's staff accounts — list, create (the one-time password is shown once, in the
 * server's answer only), disable and re-enable. The server decides who may (account.create / account.disable).
 */
export default function StaffAccountsPage() {
  const me = useMe();
  const own = useOwnOrganisations('enterprise');
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>(own[0]?.id);
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['/api/accounts', enterpriseId, q];
  const accounts = useQuery({
    queryKey: key,
    enabled: Boolean(enterpriseId),
    queryFn: ({ signal }) =>
      get<{ items: Account[]; total: number }>(
        '/api/accounts',
        { organisationId: enterpriseId, q: q || undefined, pageSize: 200 },
        { signal },
      ),
  });
  const toggle = useMutation({
    mutationFn: (a: Account) => patch<{ disabled: boolean }>(`/api/accounts/${a.id}`, { disabled: !a.disabled }),
    onSuccess: async (r) => {
      message.success(r.disabled ? '已停用，该账号不能再登录' : '已启用');
      await queryClient.invalidateQueries({ queryKey: ['/api/accounts'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  if (!own.length) return <Alert type="info" showIcon message="您不是企业管理员，没有可管理的员工账号" />;
  const status = (a: Account) =>
    a.disabled ? <Tag color="red">已停用</Tag> : a.mustChangePassword ? <Tag color="gold">待首次登录</Tag> : <Tag color="green">正常</Tag>;
  const action = (a: Account) =>
    a.id === me.user.id ? (
      <Typography.Text type="secondary">本人</Typography.Text>
    ) : (
      <Popconfirm
        title={a.disabled ? `启用 ${a.displayName} 的账号？` : `停用 ${a.displayName} 的账号？停用后立即不能登录。`}
        onConfirm={() => toggle.mutate(a)}
      >
        <Button
          size="small"
          danger={!a.disabled}
          loading={toggle.isPending && toggle.variables?.id === a.id}
          data-testid={`toggle-${a.username}`}
        >
          {a.disabled ? '启用' : '停用'}
        </Button>
      </Popconfirm>
    );

  return (
    <div data-testid="registry-staff-accounts">
      <div className="cj-page-head cj-list-head">
        <Typography.Title level={3}>员工账号</Typography.Title>
        <Typography.Text type="secondary">本企业人员的平台账号：新建时生成一次性初始密码，首次登录须修改；离职人员请停用</Typography.Text>
        <div className="cj-head-actions">
          {own.length > 1 && (
            <Select
              value={enterpriseId}
              onChange={setEnterpriseId}
              options={own.map((o) => ({ value: o.id, label: o.name }))}
              style={{ minWidth: 200 }}
            />
          )}
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            onSearch={setQ}
            onChange={(e) => !e.target.value && setQ('')}
            style={{ maxWidth: 220 }}
          />
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
            新建账号
          </Button>
        </div>
      </div>
      {accounts.error && <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />}
      <Card>
        {isPhone ? (
          <List
            loading={accounts.isPending}
            dataSource={accounts.data?.items ?? []}
            rowKey="id"
            renderItem={(a) => (
              <List.Item actions={[action(a)]}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {a.displayName}
                      {status(a)}
                    </Space>
                  }
                  description={`${a.username} · ${roleLabel(a.role)}`}
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Account>
            rowKey="id"
            loading={accounts.isPending}
            dataSource={accounts.data?.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '姓名', dataIndex: 'displayName' },
              { title: '用户名', dataIndex: 'username' },
              { title: '角色', dataIndex: 'role', render: roleLabel },
              { title: '状态', key: 'status', render: (_, a) => status(a) },
              { title: '操作', key: 'action', render: (_, a) => action(a) },
            ]}
          />
        )}
      </Card>
      {creating && enterpriseId && (
        <CreateStaff
          enterpriseId={enterpriseId}
          onClose={() => setCreating(false)}
          onCreated={async (c) => {
            setCreating(false);
            setCreated(c);
            await queryClient.invalidateQueries({ queryKey: ['/api/accounts'] });
          }}
        />
      )}
      <Modal
        open={Boolean(created)}
        title="账号已创建"
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="我已记下"
      >
        {created && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon message="初始密码只显示这一次，请交给本人；对方首次登录时须修改密码。" />
            <Typography.Text>
              用户名：<Typography.Text strong>{created.username}</Typography.Text>
            </Typography.Text>
            <Typography.Text>
              初始密码：
              <Typography.Text
                strong
                code
                copyable={{ icon: <CopyOutlined />, text: created.initialPassword }}
                data-testid="initial-password"
              >
                {created.initialPassword}
              </Typography.Text>
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </div>
  );
}

function CreateStaff({ enterpriseId, onClose, onCreated }: { enterpriseId: string; onClose: () => void; onCreated: (c: Created) => void }) {
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { username: string; displayName: string; role: string; idNumber?: string }) =>
      post<Created>('/api/accounts', { ...v, organisationId: enterpriseId }),
    onSuccess: onCreated,
    onError: (e) => {
      const fields = e instanceof ApiError ? e.fields : undefined;
      if (fields) form.setFields(Object.entries(fields).map(([name, msg]) => ({ name, errors: [msg] })));
    },
  });
  // A learner's sign-in opens the employee's learning account too, found again by the ID number.
  const isLearner = Form.useWatch('role', form) === 'learner';
  const rule = (field: 'username' | 'displayName' | 'idNumber') => ({
    validator: async (_: unknown, v: unknown) => {
      const r = (field === 'idNumber' ? accountFields.shape.idNumber.unwrap() : accountFields.shape[field]).safeParse(v ?? '');
      if (!r.success) throw new Error(r.error.issues[0]!.message);
    },
  });
  return (
    <Modal
      open
      title="新建员工账号"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="创建"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.error && !(create.error instanceof ApiError && create.error.fields) && (
        <Alert type="error" message={errorMessage(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" initialValues={{ role: 'learner' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="displayName" label="姓名" rules={[rule('displayName')]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="username" label="用户名" rules={[rule('username')]} extra="以字母开头，3–32位字母、数字、下划线、点或短横线">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={STAFF_ROLES.map((r) => ({ ...r }))} />
        </Form.Item>
        {isLearner && (
          <Form.Item
            name="idNumber"
            label="身份证号码"
            rules={[rule('idNumber')]}
            extra="同时开设学分银行学习账户；加密保存，页面只显示脱敏号码"
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
