import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { createElement, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { Me } from '../../../contracts/auth.ts';
import { FullPageSpin, rolesOf, useMe } from '../auth/session.tsx';
import { useLogout } from '../auth/useLogout.ts';
import { useIsDesktop, useIsPhone } from '../hooks/useMediaQuery.ts';
import { roleLabel } from '../labels.ts';
import { navItemOf, navItemsFor, type NavItem } from '../navigation.ts';
import { HeaderSearch } from '../pages/search/HeaderSearch.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { SIDER_BG } from '../theme.ts';

const { Header, Sider, Content, Footer } = Layout;

export const PLATFORM_NAME = '郑州市产教融合信息服务平台';

/**
 * The signed-in frame: a side menu on desktops (≥ 992 px), a top bar with a drawer menu on phones and
 * tablets, and the user menu (修改密码, 退出登录) in the header on both. A user who must change their
 * password sees the frame without menu until they have.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const isDesktop = useIsDesktop();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const forced = me.user.mustChangePassword;
  const menu = forced ? null : <NavMenu me={me} onNavigate={() => setDrawerOpen(false)} />;

  return (
    <Layout className="cj-shell">
      {isDesktop && menu && (
        <Sider width={232} className="cj-sider">
          <Brand />
          {menu}
        </Sider>
      )}
      <Layout className="cj-main">
        <Header className="cj-header">
          {!isDesktop && menu && (
            <Button
              type="text"
              aria-label="打开菜单"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              className="cj-menu-button"
            />
          )}
          {(!isDesktop || !menu) && (
            <Link to="/" className="cj-header-brand" aria-label={`${PLATFORM_NAME} 首页`}>
              <span className="cj-logo" aria-hidden>
                产教
              </span>
              {isDesktop && <span className="cj-header-title">{PLATFORM_NAME}</span>}
            </Link>
          )}
          <div className="cj-header-spacer" />
          {!forced && <HeaderSearch compact={isPhone} />}
          {me.user.isDemo && (
            <Tag color="orange" className="cj-demo-tag">
              演示数据
            </Tag>
          )}
          {!forced && <NotificationBell />}
          <UserMenu me={me} compact={!isDesktop} />
        </Header>
        <Content className="cj-content">
          <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
        </Content>
        <Footer className="cj-footer">
          {PLATFORM_NAME}（产教 Chanjiao）· 依据《深化产教融合推进职业教育高质量发展实施方案》（郑政办〔2023〕38号）建设
        </Footer>
      </Layout>
      {!isDesktop && menu && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={272}
          title={<Brand dark={false} />}
          styles={{ body: { padding: 0, background: SIDER_BG } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}

function Brand({ dark = true }: { dark?: boolean }) {
  return (
    <Link to="/" className={dark ? 'cj-brand cj-brand-dark' : 'cj-brand'}>
      <span className="cj-logo" aria-hidden>
        产教
      </span>
      <span className="cj-brand-text">
        <span className="cj-brand-name">产教 Chanjiao</span>
        <span className="cj-brand-sub">{PLATFORM_NAME}</span>
      </span>
    </Link>
  );
}

function NavMenu({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const items = useMemo(() => menuItems(navItemsFor(rolesOf(me))), [me]);
  const selected = navItemOf(pathname)?.path;
  return (
    <Menu mode="inline" theme="dark" items={items} selectedKeys={selected ? [selected] : []} onClick={onNavigate} className="cj-nav" />
  );
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Entries without a group first, then one titled group per `group`, in the order of navigation.ts. */
function menuItems(nav: NavItem[]): MenuItem[] {
  const entry = (item: NavItem): MenuItem => ({
    key: item.path,
    icon: createElement(item.icon),
    label: <Link to={item.path}>{item.label}</Link>,
  });
  const out: MenuItem[] = nav.filter((i) => !i.group).map(entry);
  const groups = [...new Set(nav.filter((i) => i.group).map((i) => i.group!))];
  for (const group of groups) {
    out.push({ type: 'group', key: `group:${group}`, label: group, children: nav.filter((i) => i.group === group).map(entry) });
  }
  return out;
}

function rolesText(me: Me): string {
  return me.roles.map((r) => `${roleLabel(r.role)} · ${r.organisation.name}`).join('；');
}

function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const logout = useLogout();
  const first = me.roles[0];
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      className: 'cj-user-card',
      label: (
        <div className="cj-user-card-body">
          <Typography.Text strong>{me.user.displayName}</Typography.Text>
          <Typography.Text type="secondary" className="cj-user-card-line">
            账号：{me.user.username}
          </Typography.Text>
          {me.roles.map((r) => (
            <span key={`${r.role}:${r.organisation.id}`} className="cj-user-card-line">
              <Tag color="blue">{roleLabel(r.role)}</Tag>
              {r.organisation.name}
            </span>
          ))}
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: <Link to="/account">账号信息</Link> },
    { key: 'password', icon: <KeyOutlined />, label: <Link to="/change-password">修改密码</Link> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">退出登录</span> },
  ];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') logout.mutate();
        },
      }}
    >
      <button type="button" className="cj-user-trigger" data-testid="user-menu" aria-label="用户菜单" title={rolesText(me)}>
        <Avatar size="small" icon={<UserOutlined />} className="cj-avatar" />
        <span className="cj-user-text">
          <span className="cj-user-name">{me.user.displayName}</span>
          {!compact && first && (
            <span className="cj-user-role">
              {roleLabel(first.role)} · {first.organisation.name}
              {me.roles.length > 1 ? ` 等${me.roles.length}个身份` : ''}
            </span>
          )}
        </span>
        <DownOutlined className="cj-user-caret" />
      </button>
    </Dropdown>
  );
}
