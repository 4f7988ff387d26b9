/**
 * The plan in force. Each plan is one versioned JSON file beside this one; switching plans (or cities)
 * is a change of this import, not of the code that reads `currentPlan`.
 * Parsing at import time makes a malformed policy file fail at start-up, not on the first request.
 */
import { parsePlanPolicy } from '../core/plan/plan.ts';
import type { PlanPolicy } from '../core/plan/plan.ts';
import { parseMatchingPolicy, type MatchingPolicy } from '../core/matching/policy.ts';
import { parseForecastPolicy, type ForecastPolicy } from '../core/forecast/policy.ts';
import { parseCertificationPolicy, type CertificationPolicy } from '../core/certification/policy.ts';
import { parseGraduatesPolicy, type GraduatesPolicy } from '../core/graduates/policy.ts';
import { parseExpertReviewPolicy, type ExpertReviewPolicy } from '../core/expert-review/policy.ts';
import { parseFundingPolicy, type FundingPolicy } from '../core/funding/policy.ts';
import { parseCallsPolicy, type CallsPolicy } from '../core/calls/policy.ts';
import { parseQualityPolicy, type QualityPolicy } from '../core/quality/policy.ts';
import { parseSurveysPolicy, type SurveysPolicy } from '../core/surveys/policy.ts';
import { parseDigitalPolicy, type DigitalPolicy } from '../core/digital/policy.ts';
import { parseQualityReportsPolicy, type QualityReportsPolicy } from '../core/quality-reports/policy.ts';
import { parseInternationalPolicy, type InternationalPolicy } from '../core/international/policy.ts';
import { parsePracticalCoursesPolicy, type PracticalCoursesPolicy } from '../core/practical-courses/rules.ts';
import { parseEmploymentReportPolicy, type EmploymentReportPolicy } from '../core/employment-report/policy.ts';
import plan from './zhengzhou-2023.json' with { type: 'json' };

export const currentPlan: PlanPolicy = parsePlanPolicy(plan);

/** The matching weights (section `matching` of the same file): see core/matching/policy.ts. */
export const matchingPolicy: MatchingPolicy = parseMatchingPolicy((plan as { matching?: unknown }).matching);

/** The talent-demand forecast (section `forecast`): see core/forecast/policy.ts. */
export const forecastPolicy: ForecastPolicy = parseForecastPolicy((plan as { forecast?: unknown }).forecast);
/** The 产教融合型企业 section (`certification`): criteria, lifecycle deadlines, revocation: see core/certification/policy.ts. */
export const certificationPolicy: CertificationPolicy = parseCertificationPolicy((plan as { certification?: unknown }).certification);
/** Graduates' destinations and the definitions of 留郑率 and 中职升学率 (section `graduates`): see core/graduates/policy.ts. */
export const graduatesPolicy: GraduatesPolicy = parseGraduatesPolicy((plan as { graduates?: unknown }).graduates);
/** How experts are assigned and their scores aggregated (section `expertReview`): see core/expert-review/policy.ts. */
export const expertReviewPolicy: ExpertReviewPolicy = parseExpertReviewPolicy((plan as { expertReview?: unknown }).expertReview);

/** The kinds of project call (section `calls`): see core/calls/policy.ts. */
export const callsPolicy: CallsPolicy = parseCallsPolicy(
  (plan as { calls?: unknown }).calls,
  currentPlan.targets.map((t) => t.code),
);

/** 生均财政拨款 declarations and the 普高 figure (section `funding`): see core/funding/policy.ts. */
export const fundingPolicy: FundingPolicy = parseFundingPolicy((plan as { funding?: unknown }).funding);

/** The annual quality reports' parts, length limits and generated tables (section `qualityReports`, 三 18): see core/quality-reports/policy.ts. */
export const qualityReportsPolicy: QualityReportsPolicy = parseQualityReportsPolicy((plan as { qualityReports?: unknown }).qualityReports);
/** The multi-party quality evaluation's indicator systems by year (section `quality`): see core/quality/policy.ts. */
export const qualityPolicy: QualityPolicy = parseQualityPolicy((plan as { quality?: unknown }).quality);
/** The multi-party evaluation's questionnaires, scale and minimum sample (section `surveys`): see core/surveys/policy.ts. */
export const surveysPolicy: SurveysPolicy = parseSurveysPolicy((plan as { surveys?: unknown }).surveys);
/** Digital vocational education: online courses, the smart-campus standard, 智慧职教示范校 (section `digital`): see core/digital/policy.ts. */
export const digitalPolicy: DigitalPolicy = parseDigitalPolicy((plan as { digital?: unknown }).digital);
/** 国际交流与合作 records (section `international`): see core/international/policy.ts. */
export const internationalPolicy: InternationalPolicy = parseInternationalPolicy(
  (plan as { international?: unknown }).international,
  currentPlan.targets.map((t) => t.code),
);

/** 劳动技术与职业体验课程 (section `practicalCourses`): see core/practical-courses/rules.ts. */
export const practicalCoursesPolicy: PracticalCoursesPolicy = parsePracticalCoursesPolicy(
  (plan as { practicalCourses?: unknown }).practicalCourses,
  currentPlan.targets.map((t) => t.code),
);
/** The annual report on talent supply–demand and employment (section `employmentReport`): see core/employment-report/policy.ts. */
export const employmentReportPolicy: EmploymentReportPolicy = parseEmploymentReportPolicy(
  (plan as { employmentReport?: unknown }).employmentReport,
);
