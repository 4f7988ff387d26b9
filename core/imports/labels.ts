/**
 * The Chinese labels clerks write in a sheet for each enumerated value, and back. Several spellings may map
 * to one value (公办/公立); the first label of a value is the one templates and exports print.
 */
export const SCHOOL_LEVEL_LABELS = {
  中职: 'secondary',
  中等职业学校: 'secondary',
  高职专科: 'higher',
  高职: 'higher',
  专科: 'higher',
  职业本科: 'vocUndergrad',
  应用型本科: 'appliedUndergrad',
  普通高校: 'university',
} as const;

export const OWNERSHIP_LABELS = { 公办: 'public', 公立: 'public', 民办: 'private', 私立: 'private' } as const;

export const ENTERPRISE_SIZE_LABELS = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' } as const;

export const EMPLOYMENT_LABELS = { 专任: 'fullTime', 专职: 'fullTime', 兼职: 'partTime', 产业导师: 'industryMentor' } as const;

export const SUBJECT_LABELS = { 专业课: 'specialty', 公共基础课: 'general', 公共课: 'general' } as const;

export const STUDENT_STATUS_LABELS = {
  在籍: 'enrolled',
  在校: 'enrolled',
  毕业: 'graduated',
  已毕业: 'graduated',
  退学: 'withdrawn',
  已退学: 'withdrawn',
} as const;

export const YES_NO_LABEL = (v: boolean) => (v ? '是' : '否');

/** Value → the label templates and exports print (the first label of the value). */
export function labelOf<V extends string>(labels: Readonly<Record<string, V>>, value: V | null | undefined): string {
  if (value == null) return '';
  for (const [label, v] of Object.entries(labels)) if (v === value) return label;
  return value;
}

/** The first label of each value, for a template's drop-down. */
export function primaryLabels(labels: Readonly<Record<string, string>>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [label, value] of Object.entries(labels))
    if (!seen.has(value)) {
      seen.add(value);
      out.push(label);
    }
  return out;
}

export const YES_NO_CHOICES = ['是', '否'] as const;

/** 调查时点 of a graduate's destination (issue 16). */
export const SURVEY_POINT_LABELS = {
  毕业时: 'graduation',
  毕业当年: 'graduation',
  毕业6个月: 'sixMonths',
  毕业半年: 'sixMonths',
  毕业1年: 'oneYear',
  毕业一年: 'oneYear',
} as const;
