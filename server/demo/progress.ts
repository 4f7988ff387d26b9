import type { CarrierKind, CarrierStatus } from '../../core/registry/carrier-kinds.ts';
import { SCALES, type ScaleParams } from './types.ts';

/**
 * Where the demo city stands on the plan's carrier and key-major targets at the `demo` scale (60 schools): a
 * plausible late-2025 picture in which some targets are met and others behind, so the cockpit shows green,
 * amber and red. These are demo facts, not policy: the targets themselves stay in policy/zhengzhou-2023.json,
 * and the cockpit compares against those. With the targets of 2025 (amber from 80%), the demo reads:
 * 实训基地 11/10 and 联合体 2/2 and 教育集团 12/10 and 国际合作 16/15 met; 产业学院 13/15, 实践中心 26/30,
 * 市级协同创新中心 42/50, 职业体验中心 53/60, 重点专业 41/50 amber; 实体化职教集团 6/10, 省级协同创新中心 14/20 red.
 * Other scales take the same shares of their school count (rounded up, so even the tiny city has every status).
 */
export const DEMO_CARRIERS: Readonly<Record<CarrierKind, Partial<Record<CarrierStatus, number>>>> = {
  trainingBase: { certified: 11, operating: 3, building: 3, planned: 2 },
  practiceCenter: { operating: 21, certified: 5, building: 6, planned: 4, closed: 1 },
  industryCollege: { certified: 13, operating: 5, building: 4, planned: 2 },
  educationGroup: { operating: 9, certified: 3, building: 2, closed: 1 },
  consortium: { operating: 1, certified: 1, building: 1 },
  community: { operating: 2, certified: 1, building: 1 },
  innovationCenter: { certified: 56, operating: 6, building: 5, planned: 2 },
  internationalProject: { operating: 10, certified: 2, building: 2, planned: 1 },
  lubanWorkshop: { operating: 3, certified: 1, building: 1 },
  experienceCenter: { operating: 45, certified: 8, building: 6, planned: 4 },
};

/** Education groups with legal personality, out of those operating or certified (实体化职教集团). */
export const DEMO_ENTITY_GROUPS = 6;
/** Certified innovation centres at province level; the rest are city level. */
export const DEMO_PROVINCIAL_INNOVATION = 14;
/** 专业群 the bureau designated 产教融合型重点专业（群）. */
export const DEMO_KEY_MAJORS = 41;

/** A demo-scale count at another scale, in proportion to the schools (at least 1 where the demo has any). */
export function atScale(demoCount: number, scale: ScaleParams): number {
  if (demoCount <= 0) return 0;
  return Math.max(1, Math.ceil((demoCount * scale.schools) / SCALES.demo.schools - 1e-9));
}
