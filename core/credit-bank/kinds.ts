/** The kinds of learning outcome the credit bank records (issue 6, item 1), with their Chinese labels. */
export const OUTCOME_KINDS = [
  'schoolCourse',
  'trainingCourse',
  'skillCertificate',
  'competitionAward',
  'internship',
  'onlineCourse',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  schoolCourse: '学校课程',
  trainingCourse: '企业培训课程',
  skillCertificate: '职业技能等级证书 / 1+X 证书',
  competitionAward: '技能竞赛获奖',
  internship: '岗位实习',
  onlineCourse: '在线课程',
};

/** Open Badges 3.0 achievementType of each kind (the spec's vocabulary; no "ext:" extension needed). */
export const OUTCOME_ACHIEVEMENT_TYPE: Record<OutcomeKind, string> = {
  schoolCourse: 'Course',
  trainingCourse: 'Course',
  skillCertificate: 'Certification',
  competitionAward: 'Award',
  internship: 'Apprenticeship',
  onlineCourse: 'Course',
};

/** Ledger entry kinds: an outcome deposited, credits recognised for a program, and a correction. */
export const LEDGER_KINDS = ['deposit', 'recognition', 'compensation'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The facts a learning outcome is issued with (before it is stored). */
export interface OutcomeFactsIn {
  kind: OutcomeKind;
  credits?: number;
  hours?: number;
  level?: number;
  awardRank?: string;
  evidenceUrl?: string;
  evidenceNote?: string;
}

/**
 * Each kind carries the fact it is measured by (issue 6, item 1), and every outcome its evidence. One rule for
 * the API form and the spreadsheet import: field → Chinese reason.
 */
export function outcomeFactProblems(
  o: OutcomeFactsIn,
): { field: 'credits' | 'hours' | 'level' | 'awardRank' | 'evidenceUrl'; message: string }[] {
  const out: ReturnType<typeof outcomeFactProblems> = [];
  if (o.kind === 'schoolCourse' && o.credits === undefined) out.push({ field: 'credits', message: '学校课程需填写学分' });
  if ((o.kind === 'trainingCourse' || o.kind === 'onlineCourse' || o.kind === 'internship') && o.hours === undefined)
    out.push({ field: 'hours', message: '该类成果需填写学时' });
  if (o.kind === 'skillCertificate' && o.level === undefined) out.push({ field: 'level', message: '证书需填写等级' });
  if (o.kind === 'competitionAward' && !o.awardRank) out.push({ field: 'awardRank', message: '竞赛获奖需填写奖项' });
  if (!o.evidenceUrl && !o.evidenceNote) out.push({ field: 'evidenceUrl', message: '请提供佐证材料（链接或说明）' });
  return out;
}
