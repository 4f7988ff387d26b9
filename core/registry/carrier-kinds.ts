/**
 * The plan's carriers (载体) by their glossary identifiers (DESIGN.md), with the Chinese labels screens show
 * and the plan target each kind is counted against (policy/zhengzhou-2023.json target codes).
 */
export const CARRIER_KINDS = [
  'trainingBase',
  'practiceCenter',
  'industryCollege',
  'educationGroup',
  'consortium',
  'community',
  'innovationCenter',
  'internationalProject',
  'lubanWorkshop',
  'experienceCenter',
] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];

export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  trainingBase: '产教融合实训基地',
  practiceCenter: '产教融合实践中心',
  industryCollege: '产业学院',
  educationGroup: '职教集团（联盟）',
  consortium: '市域产教联合体',
  community: '产教融合共同体',
  innovationCenter: '协同创新中心',
  internationalProject: '国际合作项目',
  lubanWorkshop: '鲁班工坊',
  experienceCenter: '职业体验中心',
};

export const CARRIER_LEVELS = ['city', 'province', 'national'] as const;
export type CarrierLevel = (typeof CARRIER_LEVELS)[number];
export const CARRIER_LEVEL_LABELS: Record<CarrierLevel, string> = { city: '市级', province: '省级', national: '国家级' };

export const CARRIER_STATUSES = ['planned', 'building', 'operating', 'certified', 'closed'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];
export const CARRIER_STATUS_LABELS: Record<CarrierStatus, string> = {
  planned: '规划中',
  building: '建设中',
  operating: '运行中',
  certified: '已认定',
  closed: '已关闭',
};

/** Statuses the public directory shows: a carrier that works or has been certified. */
export const PUBLIC_CARRIER_STATUSES = ['operating', 'certified'] as const satisfies readonly CarrierStatus[];
