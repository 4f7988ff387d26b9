import type { ComponentType } from 'react';
import { AuditOutlined, BankOutlined, DashboardOutlined, FileDoneOutlined, FundOutlined, HomeOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { Role } from '../../core/authz/roles.ts';

/**
 * The app's menu as data: which pages each role sees. Later features add their entries here; the side menu,
 * the phone drawer and the route guards all read this list, so a page is shown to exactly the roles that
 * the server lets read it.
 */
export interface NavItem {
  /** The path of the page (also the menu key). */
  path: string;
  label: string;
  icon: ComponentType;
  /** Who sees the entry: every signed-in user, or holders of one of these roles. */
  roles: 'all' | readonly Role[];
  /** Optional group heading in the menu. */
  group?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '首页', icon: HomeOutlined, roles: 'all' },
  { path: '/credit-bank', label: '学分银行', icon: BankOutlined, roles: ['student'] },
  { path: '/cockpit', label: '规划驾驶舱', icon: DashboardOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/tasks', label: '任务督导', icon: ScheduleOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/reports', label: '进展报告与排名', icon: FileDoneOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/indicators', label: '指标与公开统计', icon: FundOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/audit', label: '审计日志', icon: AuditOutlined, roles: ['city_admin'], group: '系统管理' },
];

const allows = (item: NavItem, roles: readonly Role[]) => item.roles === 'all' || item.roles.some((r) => roles.includes(r));

/** The menu entries a user with these roles sees, in order. */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => allows(item, roles));
}

/** The menu entry a path belongs to (the longest matching prefix), for highlighting and guards. */
export function navItemOf(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_ITEMS) {
    const match = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (match && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

/** Whether a user with these roles may open the page at `pathname` (pages outside the menu are open to all). */
export function mayVisit(pathname: string, roles: readonly Role[]): boolean {
  const item = navItemOf(pathname);
  return !item || allows(item, roles);
}
