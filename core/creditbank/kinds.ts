/** The kinds of learning outcome the credit bank records (issue 6, item 1), with their Chinese labels. */
export const OUTCOME_KINDS = ['schoolCourse', 'trainingCourse', 'skillCertificate', 'competitionAward', 'internship', 'onlineCourse'] as const;
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
