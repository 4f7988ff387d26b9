/** Chinese labels of the register's codes that contracts/ does not label itself (those it does are re-exported: one map per enum). */
export { MAJOR_LEVEL_LABELS } from '../../../../contracts/programs.ts';
export { OWNERSHIP_LABELS } from '../../../../contracts/registry.ts';
export const STUDENT_STATUS_LABELS: Record<string, string> = { enrolled: '在读', graduated: '毕业', withdrawn: '退学' };
export const SEX_LABELS: Record<string, string> = { male: '男', female: '女' };
export const RECORD_STATUS_LABELS: Record<string, string> = { active: '正常', pending: '待审核', archived: '已归档' };
export const REGISTRATION_STATUS_LABELS: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

export const label = (table: Record<string, string>, code: string | null | undefined) => (code ? (table[code] ?? code) : '—');

/** A share (0.55) as the plan writes it (55%). */
export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;
