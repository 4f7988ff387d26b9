import { AuditOutlined, BankOutlined, BookOutlined, DashboardOutlined, HomeOutlined, LogoutOutlined, MenuOutlined, ShopOutlined, SolutionOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../core/authz/roles.ts';
import { post } from '../api/client.ts';
import { useMe } from '../auth/session.tsx';
import { navFor, type NavItem } from '../navigation.ts';

const ICONS: Record<NavItem['icon'], ReactNode> = {
  home: <HomeOutlined />, audit: <AuditOutlined />, account: <UserOutlined />, internship: <SolutionOutlined />,
  school: <BankOutlined />, enterprise: <ShopOutlined />, cockpit: <DashboardOutlined />, credit: <BookOutlined />,
};

/** Sider menu on desktops, a top bar with a drawer on phones; the user menu (password, sign-out) in the header. */
export function AppLayout() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const desktop = screens.lg ?? false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = navFor(me.roles.map((r) => r.role));
  const selected = items.filter((i) => i.path === '/' ? location.pathname === '/' : location.pathname.startsWith(i.path)).map((i) => i.path);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((i) => ({ key: i.path, icon: ICONS[i.icon], label: i.label }))}
      onClick={({ key }) => { setDrawerOpen(false); navigate(key); }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const primary = me.roles[0];

  async function signOut() {
    try { await post('/api/auth/logout'); } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {desktop && (
        <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
          <Brand />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: desktop ? '0 24px' : '0 12px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #eef0f3', height: 56, lineHeight: '56px' }}>
          {!desktop && <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />}
          {!desktop && <Typography.Text strong style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>产教融合信息服务平台</Typography.Text>}
          {desktop && <div style={{ flex: 1 }} />}
          {me.user.isDemo && <Tag color="orange">演示数据</Tag>}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', label: <span>{primary ? `${ROLE_LABELS[primary.role]} · ${primary.organisation.name}` : '未分配角色'}</span>, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <UserOutlined />, label: '修改密码', onClick: () => navigate('/account') },
                { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">退出登录</span>, onClick: signOut },
              ],
            }}
          >
            <Button type="text" data-testid="user-menu" style={{ display: 'flex', alignItems: 'center', gap: 8, maxWidth: desktop ? 360 : 150 }}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#0f4c81' }} />
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.user.displayName}</span>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: desktop ? 24 : 12 }}>
          <Outlet />
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px' }}>
          郑州市产教融合、校企合作信息服务平台 · 依据《深化产教融合推进职业教育高质量发展实施方案》（郑政办〔2023〕38号）
        </Layout.Footer>
      </Layout>
      {!desktop && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} width={260} styles={{ body: { padding: 0 } }} title={<Brand compact />}>
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}

function Brand({ compact }: { compact?: boolean }) {
  return (
    <div style={{ padding: compact ? 0 : '18px 20px', display: 'flex', alignItems: 'center', gap: 10 }}>
      <div style={{ width: 32, height: 32, borderRadius: 8, background: '#0f4c81', color: '#fff', display: 'grid', placeItems: 'center', fontWeight: 700 }}>产</div>
      <div style={{ lineHeight: 1.3 }}>
        <div style={{ fontWeight: 600, fontSize: 15 }}>产教融合平台</div>
        <div style={{ fontSize: 12, color: '#8c8c8c' }}>郑州市教育局</div>
      </div>
    </div>
  );
}
