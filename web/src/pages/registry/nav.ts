import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BuildOutlined,
  ClusterOutlined,
  IdcardOutlined,
  ReadOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { grantsFor, type Permission, type Role } from '../../../../core/authz/index.ts';
import type { NavItem } from '../../navigation.ts';

/** The roles the policy lets do something (minus those for whom a register page would be pointless). */
const rolesFor = (permission: Permission, except: readonly Role[] = []) =>
  (Object.keys(grantsFor(permission)) as Role[]).filter((r) => !except.includes(r));

const group = '登记管理';

/**
 * The register's pages in the menu. Each page is shown to exactly the roles the policy lets read it, so
 * the menu cannot drift from what the server allows. A student reads only their own record, which the
 * student's own pages show; the list would be a list of one.
 */
export const REGISTRY_NAV: readonly NavItem[] = [
  { path: '/registry/schools', label: '学校', icon: BankOutlined, roles: rolesFor({ resource: 'school', action: 'read' }), group },
  { path: '/registry/programs', label: '开设专业', icon: ReadOutlined, roles: rolesFor({ resource: 'program', action: 'read' }), group },
  {
    path: '/registry/major-groups',
    label: '专业群',
    icon: ApartmentOutlined,
    roles: rolesFor({ resource: 'majorGroup', action: 'read' }),
    group,
  },
  {
    path: '/registry/training-courses',
    label: '培训课程',
    icon: ScheduleOutlined,
    roles: rolesFor({ resource: 'trainingCourse', action: 'read' }),
    group,
  },
  { path: '/registry/teachers', label: '教师', icon: SolutionOutlined, roles: rolesFor({ resource: 'teacher', action: 'read' }), group },
  {
    path: '/registry/students',
    label: '学生',
    icon: IdcardOutlined,
    roles: rolesFor({ resource: 'student', action: 'read' }, ['student']),
    group,
  },
  { path: '/registry/enterprises', label: '企业', icon: ShopOutlined, roles: rolesFor({ resource: 'enterprise', action: 'read' }), group },
  {
    path: '/registry/carriers',
    label: '产教融合载体',
    icon: BuildOutlined,
    roles: rolesFor({ resource: 'carrier', action: 'read' }),
    group,
  },
  // The mapping is public; it matters to those who plan programs and enterprises, not to students.
  {
    path: '/registry/clusters',
    label: '产业集群对应',
    icon: ClusterOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin'],
    group,
  },
  // Public reference data, of use to everyone who keeps records (not to students).
  {
    path: '/registry/catalogues',
    label: '参考目录',
    icon: BookOutlined,
    roles: ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin'],
    group,
  },
  {
    path: '/registry/registrations',
    label: '企业注册审核',
    icon: AuditOutlined,
    roles: rolesFor({ resource: 'enterpriseRegistration', action: 'review' }),
    group,
  },
  // An enterprise's own staff; the bureau and schools keep theirs elsewhere (bulk accounts, the school's registers).
  { path: '/registry/staff', label: '员工账号', icon: TeamOutlined, roles: ['enterprise_admin'], group },
  {
    path: '/registry/accounts',
    label: '批量开通账号',
    icon: UserAddOutlined,
    roles: rolesFor({ resource: 'account', action: 'bulkCreate' }),
    group,
  },
];
