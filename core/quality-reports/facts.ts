/**
 * The facts an annual quality report's tables are made of, by the kind of report, with where each comes from.
 * A table row names one of these (policy `qualityReports.tables`); the report never asks a school to type a figure.
 * `null` source: the platform does not collect the fact yet — its row always reads 暂无数据 until it does.
 */
export const REPORT_KINDS = ['school', 'enterprise', 'city'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = { school: '学校', enterprise: '企业', city: '全市中职' };

export const SCHOOL_FACT_SOURCES = {
  students: '学籍登记',
  employment_rate: '毕业去向',
  retention_rate: '毕业去向',
  progression_rate: '毕业去向',
  internship_placement: '实习管理',
  certificates_per_100: '学分银行',
  outcomes_per_100: '学分银行',
  student_satisfaction: '满意度调查',
  student_satisfaction_response_rate: '满意度调查',
  graduate_satisfaction: '满意度调查',
  graduate_satisfaction_response_rate: '满意度调查',
  internship_quality: '满意度调查',
  employer_satisfaction: '满意度调查',
  dual_qualified_share: '教师登记',
  teacher_practice_share: '教师企业实践',
  cluster_aligned_programs: '专业与专业群',
  carriers: '载体登记',
  exchange_outbound_people: '国际交流与合作',
  exchange_inbound_people: '国际交流与合作',
  international_recognitions: '国际交流与合作',
  international_competitions: '国际交流与合作',
  luban_workshops: '国际交流与合作',
  international_students: null,
  overseas_training: null,
  international_standards: null,
  enterprise_partners: '实习与载体',
  training_courses: '培训课程',
  training_delivered: '学分银行',
  funding_per_student: '生均拨款申报',
} as const satisfies Record<string, string | null>;

export const ENTERPRISE_FACT_SOURCES = {
  partner_schools: '实习与载体',
  carriers: '载体登记',
  graduates_employed: '毕业去向',
  posts_offered: '实习岗位',
  places_offered: '实习岗位',
  interns_hosted: '实习管理',
  fund_drawn_yuan: '企业年度申报',
  fund_spent_yuan: '企业年度申报',
  people_trained: '企业年度申报',
} as const satisfies Record<string, string | null>;

export type SchoolFactKey = keyof typeof SCHOOL_FACT_SOURCES;
export type EnterpriseFactKey = keyof typeof ENTERPRISE_FACT_SOURCES;

/** A fact's value for one report: null is 暂无数据 (nothing to count from), never read as 0. */
export type ReportFacts = Record<string, number | null>;

export const FACT_SOURCES: Record<ReportKind, Record<string, string | null>> = {
  school: SCHOOL_FACT_SOURCES,
  enterprise: ENTERPRISE_FACT_SOURCES,
  // The city's tables are the school tables summed or averaged over the published 中职 reports.
  city: SCHOOL_FACT_SOURCES,
};

/** The facts of a kind the platform does not collect: listed as missing on the report. */
export function uncollectedFacts(kind: ReportKind): string[] {
  return Object.entries(FACT_SOURCES[kind])
    .filter(([, source]) => source === null)
    .map(([key]) => key);
}
