/**
 * Which responsible units (责任单位, the policy file's unit codes) an organisation stands for. The bureau
 * is `edu`; a department's organisation code is its unit code (server/catalogues/divisions.ts creates
 * departments from the policy's units); a district stands for 各区县（市）人民政府 (`districts`) or, when it
 * is a development zone, for 各开发区管委会 (`dev_zones`). Pure.
 */
export interface UnitOrganisation {
  kind: 'bureau' | 'department' | 'district' | 'school' | 'enterprise';
  code: string;
}

export const BUREAU_UNIT = 'edu';
export const DISTRICTS_UNIT = 'districts';
export const DEV_ZONES_UNIT = 'dev_zones';

/**
 * Development zones: the 71–79 block of the national statistical division codes (410171 郑州经济技术开发区 …)
 * and the local codes given to functional zones without a statistical code (ZZ-ZDXQ 郑东新区).
 */
export function isDevelopmentZone(divisionCode: string): boolean {
  return /^\d{4}7\d$/.test(divisionCode) || divisionCode.startsWith('ZZ-');
}

export function unitOf(org: UnitOrganisation): string | null {
  switch (org.kind) {
    case 'bureau':
      return BUREAU_UNIT;
    case 'department':
      return org.code;
    case 'district':
      return isDevelopmentZone(org.code) ? DEV_ZONES_UNIT : DISTRICTS_UNIT;
    default:
      return null;
  }
}

export interface TaskUnits {
  leadUnit: string;
  coUnits: readonly string[];
}

export const unitsOfTask = (t: TaskUnits): string[] => [t.leadUnit, ...t.coUnits];

/** 'lead', 'co' or null: the part a unit plays in a task. */
export function roleInTask(t: TaskUnits, unit: string | null): 'lead' | 'co' | null {
  if (!unit) return null;
  if (t.leadUnit === unit) return 'lead';
  return t.coUnits.includes(unit) ? 'co' : null;
}
