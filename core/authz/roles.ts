/** The roles of DESIGN.md. A user holds roles in organisations (memberships). */
export const ROLES = [
  'city_admin',
  'department',
  'district',
  'school_admin',
  'teacher',
  'enterprise_admin',
  'student',
  'learner',
  'evaluator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city_admin: '市教育局',
  department: '市直部门',
  district: '区县(市)/开发区',
  school_admin: '学校管理员',
  teacher: '教师',
  enterprise_admin: '企业管理员',
  student: '学生',
  /** 学习者: a learner who is not a student here (an enterprise employee in training); only their credit-bank account. */
  learner: '学习者',
  /** 第三方评价机构: commissioned by the bureau to evaluate some schools' quality for a year (三 18); sees only those. */
  evaluator: '第三方评价机构',
};

/** How far a grant reaches: the whole city, the member organisation's district, the organisation itself, or the user's own records. */
export type Scope = 'city' | 'district' | 'organisation' | 'self';

export interface Membership {
  organisationId: string;
  organisationKind: 'bureau' | 'department' | 'district' | 'school' | 'enterprise' | 'evaluator';
  /** The district of the member organisation (a district organisation is its own district). */
  districtId: string | null;
  role: Role;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  memberships: Membership[];
}
