import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/session.tsx';
import { roleLabel } from '../labels.ts';

const ORG_KINDS: Record<string, string> = {
  bureau: '市教育局',
  department: '市直部门',
  district: '区县(市)/开发区',
  school: '学校',
  enterprise: '企业',
};

/** The signed-in user's account: name, username, and every role held in which organisation. */
export function AccountPage() {
  const me = useMe();
  return (
    <div className="cj-narrow" style={{ maxWidth: 720 }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          账号信息
        </Typography.Title>
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 112 } }}>
          <Descriptions.Item label="姓名">{me.user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">
            <span className="cj-mono">{me.user.username}</span>
          </Descriptions.Item>
          <Descriptions.Item label="身份">
            <Space orientation="vertical" size={4}>
              {me.roles.map((r) => (
                <span key={`${r.role}:${r.organisation.id}`}>
                  <Tag color="blue">{roleLabel(r.role)}</Tag>
                  {r.organisation.name}
                  <Typography.Text type="secondary">（{ORG_KINDS[r.organisation.kind] ?? r.organisation.kind}）</Typography.Text>
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          {me.user.isDemo && (
            <Descriptions.Item label="说明">
              <Tag color="orange">演示数据</Tag>本账号为演示账号，数据为自动生成。
            </Descriptions.Item>
          )}
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <Link to="/change-password">
            <Button>修改密码</Button>
          </Link>
        </div>
      </Card>
    </div>
  );
}
