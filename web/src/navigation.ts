import type { ComponentType } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  HomeOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import {
  AreaChartOutlined,
  ContainerOutlined,
  IdcardOutlined,
  ProfileOutlined,
  ReadOutlined,
  SearchOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { CloudUploadOutlined } from '@ant-design/icons';
import { ApartmentOutlined, BulbOutlined, GlobalOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { grantsFor } from '../../core/authz/grants.ts';
import { ROLES, type Role } from '../../core/authz/roles.ts';
import { IMPORT_ENTITIES } from '../../core/imports/spec.ts';
import { REGISTRY_NAV } from './pages/registry/nav.ts';

/** Roles holding any import.<register> grant of the policy: they see 数据导入. */
const IMPORT_ROLES = ROLES.filter((r) => IMPORT_ENTITIES.some((e) => grantsFor({ resource: 'import', action: e })[r]));

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
  { path: '/credit-bank', label: '学分银行', icon: BankOutlined, roles: ['student', 'learner'] },
  {
    path: '/credit-bank/issue',
    label: '成果签发',
    icon: BankOutlined,
    roles: ['enterprise_admin', 'school_admin', 'teacher'],
    group: '学分银行',
  },
  { path: '/credit-bank/registrar', label: '学分认定', icon: BankOutlined, roles: ['school_admin'], group: '学分银行' },
  {
    path: '/credit-bank/stats',
    label: '学分转换统计',
    icon: BankOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '学分银行',
  },
  { path: '/cockpit', label: '规划驾驶舱', icon: DashboardOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/tasks', label: '任务督导', icon: ScheduleOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/reports', label: '进展报告与排名', icon: FileDoneOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  { path: '/indicators', label: '指标与公开统计', icon: FundOutlined, roles: ['city_admin', 'department', 'district'], group: '规划督导' },
  ...REGISTRY_NAV,
  { path: '/internships', label: '找实习', icon: SearchOutlined, roles: ['student'], group: '实习' },
  { path: '/internships/applications', label: '我的申请', icon: ProfileOutlined, roles: ['student'], group: '实习' },
  { path: '/internships/my', label: '我的实习', icon: ReadOutlined, roles: ['student'], group: '实习' },
  { path: '/internships/review', label: '实习申请审核', icon: SolutionOutlined, roles: ['school_admin', 'teacher'], group: '实习管理' },
  { path: '/internships/posts', label: '实习岗位', icon: ContainerOutlined, roles: ['enterprise_admin'], group: '实习管理' },
  { path: '/internships/applicants', label: '申请与接收', icon: IdcardOutlined, roles: ['enterprise_admin'], group: '实习管理' },
  {
    path: '/internships/interns',
    label: '实习学生',
    icon: TeamOutlined,
    roles: ['school_admin', 'teacher', 'enterprise_admin'],
    group: '实习管理',
  },
  {
    path: '/internships/stats',
    label: '实习统计与监管',
    icon: AreaChartOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '实习管理',
  },
  {
    path: '/calls',
    label: '项目申报',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin'],
    group: '项目与评审',
  },
  {
    path: '/reviews',
    label: '专家评审',
    icon: SolutionOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin'],
    group: '项目与评审',
  },
  { path: '/experts', label: '评审专家库', icon: TeamOutlined, roles: ['city_admin', 'department'], group: '项目与评审' },
  { path: '/matching/for-me', label: '为我推荐', icon: BulbOutlined, roles: ['student'], group: '实习' },
  { path: '/matching/enterprise', label: '需求与推荐', icon: BulbOutlined, roles: ['enterprise_admin'], group: '精准对接' },
  { path: '/matching/demands', label: '需求管理', icon: ProfileOutlined, roles: ['city_admin', 'enterprise_admin'], group: '精准对接' },
  { path: '/matching/school', label: '校企对接推荐', icon: BulbOutlined, roles: ['school_admin', 'teacher'], group: '精准对接' },
  {
    path: '/matching/supply-demand',
    label: '人才供需总览',
    icon: ApartmentOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '精准对接',
  },
  {
    path: '/forecast',
    label: '人才需求预测',
    icon: AreaChartOutlined,
    roles: ['city_admin', 'department'],
    group: '精准对接',
  },
  {
    path: '/employment-reports',
    label: '供需与就业年度报告',
    icon: ReadOutlined,
    roles: ['city_admin', 'department'],
    group: '精准对接',
  },
  {
    path: '/matching/allocation',
    label: '实习智能分配',
    icon: NodeIndexOutlined,
    roles: ['city_admin', 'school_admin', 'enterprise_admin'],
    group: '精准对接',
  },
  { path: '/certification/mine', label: '产教融合型企业', icon: FileDoneOutlined, roles: ['enterprise_admin'], group: '产教融合型企业' },
  {
    path: '/certification/pipeline',
    label: '培育认定',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '产教融合型企业',
  },
  { path: '/certification/declaration', label: '年度申报', icon: FileDoneOutlined, roles: ['enterprise_admin'], group: '产教融合型企业' },
  {
    path: '/certification/declarations',
    label: '企业年度申报',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'district'],
    group: '产教融合型企业',
  },
  {
    path: '/certification/surcharge-credits',
    label: '附加抵免',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department'],
    group: '产教融合型企业',
  },
  {
    path: '/certification/state-owned',
    label: '国有企业职业教育情况',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department'],
    group: '产教融合型企业',
  },
  {
    path: '/graduates',
    label: '毕业生去向',
    icon: SolutionOutlined,
    roles: ['school_admin', 'teacher', 'city_admin', 'department', 'district'],
    group: '毕业去向',
  },
  { path: '/graduates/confirmations', label: '毕业生就业确认', icon: SolutionOutlined, roles: ['enterprise_admin'], group: '毕业去向' },
  { path: '/graduates/mine', label: '我的毕业去向', icon: SolutionOutlined, roles: ['student'], group: '毕业去向' },
  {
    path: '/graduates/figures',
    label: '留郑率与升学率',
    icon: AreaChartOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '毕业去向',
  },
  {
    path: '/funding',
    label: '生均财政拨款',
    icon: BankOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '经费保障',
  },
  { path: '/funding/mine', label: '本校生均拨款', icon: BankOutlined, roles: ['school_admin'], group: '经费保障' },
  {
    path: '/funding/high-school',
    label: '普高生均拨款',
    icon: BankOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '经费保障',
  },
  {
    path: '/quality',
    label: '质量评价',
    icon: AreaChartOutlined,
    roles: ['city_admin', 'department', 'district', 'evaluator'],
    group: '质量评价',
  },
  { path: '/quality/mine', label: '本校质量评价', icon: AreaChartOutlined, roles: ['school_admin'], group: '质量评价' },
  { path: '/quality/commissions', label: '第三方评价', icon: SolutionOutlined, roles: ['city_admin', 'evaluator'], group: '质量评价' },
  {
    path: '/quality-reports',
    label: '质量年度报告',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'enterprise_admin'],
    group: '质量年度报告',
  },
  {
    path: '/quality-reports/mine',
    label: '撰写质量报告',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'school_admin', 'enterprise_admin'],
    group: '质量年度报告',
  },
  { path: '/surveys/mine', label: '我的问卷', icon: FileDoneOutlined, roles: ['student', 'enterprise_admin'], group: '质量评价' },
  {
    path: '/surveys',
    label: '满意度调查',
    icon: FileDoneOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin'],
    group: '质量评价',
  },
  { path: '/surveys/ratings', label: '实习生评价', icon: FileDoneOutlined, roles: ['enterprise_admin'], group: '质量评价' },
  {
    path: '/digital/courses',
    label: '精品在线课程',
    icon: ReadOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin'],
    group: '数字职教',
  },
  {
    path: '/digital/smart-campus',
    label: '智慧校园自评审核',
    icon: ReadOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '数字职教',
  },
  { path: '/digital/my-campus', label: '本校智慧校园', icon: ReadOutlined, roles: ['school_admin'], group: '数字职教' },
  {
    path: '/digital/demo-schools',
    label: '智慧职教示范校',
    icon: ReadOutlined,
    roles: ['city_admin', 'department', 'district'],
    group: '数字职教',
  },
  {
    path: '/international',
    label: '国际交流与合作',
    icon: GlobalOutlined,
    roles: ROLES.filter((r) => grantsFor({ resource: 'internationalRecord', action: 'read' })[r]),
    group: '国际合作',
  },
  {
    path: '/practical-courses',
    label: '劳动与职业体验课程',
    icon: ReadOutlined,
    roles: ROLES.filter((r) => grantsFor({ resource: 'practicalCourse', action: 'read' })[r]),
    group: '中小学职业启蒙',
  },
  { path: '/imports', label: '数据导入', icon: CloudUploadOutlined, roles: IMPORT_ROLES, group: '系统管理' },
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
