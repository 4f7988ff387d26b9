import type { Case } from './api.ts';

export const STAGE_LABELS: Record<Case['stage'], string> = {
  applied: '待区县初审',
  districtReviewed: '待资格审查',
  eligible: '待专家评审',
  expertReviewed: '待入库',
  reserve: '培育储备库',
  cultivating: '建设培育中',
  publicNotice: '认定公示中',
  certified: '已认定',
  rejected: '未通过',
  revoked: '已取消认定',
  expired: '认定已到期',
};
export const STAGE_COLORS: Record<Case['stage'], string> = {
  applied: 'default',
  districtReviewed: 'default',
  eligible: 'processing',
  expertReviewed: 'processing',
  reserve: 'gold',
  cultivating: 'gold',
  publicNotice: 'cyan',
  certified: 'green',
  rejected: 'red',
  revoked: 'red',
  expired: 'default',
};
export const LEVEL_LABELS = { city: '市级', province: '省级', nation: '国家级' } as const;
export const REASON_LABELS = {
  fraud: '申报、报告或评价中弄虚作假',
  majorAccident: '发生重大安全、环保、质量事故',
  studentRights: '侵害学生（学徒）合法权益',
  dishonesty: '被列入失信联合惩戒对象名单',
} as const;
/** The pipeline's stages in order, for the board. */
export const PIPELINE: Array<Case['stage']> = [
  'applied',
  'districtReviewed',
  'eligible',
  'expertReviewed',
  'reserve',
  'cultivating',
  'publicNotice',
  'certified',
];
