import { ROLE_LABELS, type Role } from '../../core/authz/roles.ts';

/** Chinese labels of codes the API returns. Unknown codes are shown as they are. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** Audit-log actions (server `audit.record({ action })`). */
export const AUDIT_ACTIONS: Record<string, string> = {
  sign_in: '登录',
  sign_out: '退出登录',
  change_password: '修改密码',
  create: '新增',
  update: '修改',
  revise: '修订',
  delete: '删除',
  archive: '归档',
  restore: '恢复',
  submit: '提交',
  review: '审核',
  approve: '批准',
  reject: '驳回',
  decide: '决定',
  publish: '发布',
  'indicator.publish': '发布指标',
  'indicator.unpublish': '撤回指标',
  register: '注册',
  activate: '启用',
  disable: '停用账号',
  enable: '启用账号',
  request: '申请',
  apply: '申请',
  accept: '接受',
  agree: '同意',
  open: '开放',
  openForStudents: '向学生开放',
  issue: '签发',
  revoke: '撤销',
  rotate: '轮换',
  rate: '评价',
  retry: '重试',
  compensate: '补偿',
  'evidence.add': '添加佐证',
  'import.create': '创建导入',
  'import.upload': '上传导入文件',
  'import.update': '导入更新',
  'catalogue.load': '载入目录',
  'organisations.load': '载入组织',
  'demo.load': '载入演示数据',
};

/** Audit-log entity types (server `audit.record({ entityType })`). */
export const AUDIT_ENTITY_TYPES: Record<string, string> = {
  user: '用户',
  school: '学校',
  enterprise: '企业',
  enterpriseRegistration: '企业注册',
  program: '开设专业',
  major: '专业',
  student: '学生',
  carrier: '载体',
  clusterIndustry: '产业集群·行业',
  clusterMajor: '产业集群·专业',
  industry_clusters: '产业集群',
  internshipPost: '实习岗位',
  internshipApplication: '实习申请',
  creditAccount: '学分银行账户',
  creditLedger: '学分记录',
  creditTransfer: '学分转换',
  creditTransferItem: '学分转换明细',
  learningOutcome: '学习成果',
  recognitionRule: '认定规则',
  credential: '证书',
  credentialKey: '证书签名密钥',
  indicator: '指标',
  indicator_report: '指标填报',
  task_report: '任务进展报告',
  job: '后台任务',
  import: '数据导入',
  catalogue_edition: '目录版本',
  demo_dataset: '演示数据集',
};

export const labelOr = (table: Record<string, string>, code: string) => table[code] ?? code;
