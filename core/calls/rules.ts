/**
 * What a call checks of an application, from the register's facts (never the applicant's word): who may apply,
 * the kind's eligibility rules, the required sections; the dates a call takes applications; and the budget of
 * its decisions. Each failure names its rule.
 */
import { isoDateOf } from '../calendar.ts';
import type { CallKind, CallRule } from './policy.ts';

export interface ApplicantFacts {
  organisationKind: string;
  schoolLevel: string | null;
  schoolOwnership: 'public' | 'private' | null;
  integrationStatus: string | null;
  /** Co-applicants that have confirmed their part, with their kind. */
  confirmedPartners: { organisationKind: string }[];
  /** The team's members: teachers of the applicant's school in the register. */
  teamMembers: { dualQualified: boolean }[];
  /** Section code → text. */
  sections: Readonly<Record<string, string>>;
}

export interface FailedRule {
  rule: string;
  message: string;
}

const LEVEL_LABELS: Record<string, string> = {
  secondary: '中职',
  higher: '高职专科',
  vocUndergrad: '职业本科',
  appliedUndergrad: '应用型本科',
  university: '普通高校',
};
const KIND_LABELS: Record<string, string> = { school: '学校', enterprise: '企业', any: '单位' };

/** The smallest section an application may submit (characters). */
export const MIN_SECTION_LENGTH = 20;

function failsRule(rule: CallRule, f: ApplicantFacts): string | null {
  switch (rule.code) {
    case 'school_level':
      if (f.organisationKind !== 'school') return null;
      return f.schoolLevel && (rule.levels as string[]).includes(f.schoolLevel)
        ? null
        : `限${rule.levels.map((l) => LEVEL_LABELS[l]).join('、')}学校申报（学校库登记为${LEVEL_LABELS[f.schoolLevel ?? ''] ?? '未登记'}）`;
    case 'school_ownership':
      if (f.organisationKind !== 'school') return '限学校申报';
      return f.schoolOwnership === rule.ownership
        ? null
        : `限${rule.ownership === 'private' ? '民办' : '公办'}学校申报（学校库登记为${f.schoolOwnership === 'private' ? '民办' : '公办'}）`;
    case 'enterprise_integration':
      if (f.organisationKind !== 'enterprise') return null;
      return f.integrationStatus && (rule.statuses as string[]).includes(f.integrationStatus)
        ? null
        : '企业须已入选产教融合型企业培育储备库或已获认定';
    case 'min_partners': {
      const n = f.confirmedPartners.filter((p) => rule.kind === 'any' || p.organisationKind === rule.kind).length;
      return n >= rule.count ? null : `须有至少 ${rule.count} 家合作${KIND_LABELS[rule.kind]}确认参与（已确认 ${n} 家）`;
    }
    case 'min_team_members':
      return f.teamMembers.length >= rule.count ? null : `团队须有至少 ${rule.count} 名本校在册教师（现有 ${f.teamMembers.length} 名）`;
    case 'min_dual_qualified_members': {
      const n = f.teamMembers.filter((m) => m.dualQualified).length;
      return n >= rule.count ? null : `团队中“双师型”教师须至少 ${rule.count} 名（教师库登记 ${n} 名）`;
    }
  }
}

/** Every rule of the kind the applicant fails (empty: eligible). */
export function checkEligibility(kind: CallKind, f: ApplicantFacts): FailedRule[] {
  const failed: FailedRule[] = [];
  if (!(kind.applicants as string[]).includes(f.organisationKind))
    failed.push({ rule: 'applicant_kind', message: `本类项目限${kind.applicants.map((a) => KIND_LABELS[a]).join('或')}申报` });
  for (const rule of kind.rules) {
    const message = failsRule(rule, f);
    if (message) failed.push({ rule: rule.code, message });
  }
  for (const ev of kind.evidence) {
    const text = (f.sections[ev.code] ?? '').trim();
    if (text.length < MIN_SECTION_LENGTH)
      failed.push({ rule: `evidence.${ev.code}`, message: `“${ev.label}”须填写（至少 ${MIN_SECTION_LENGTH} 字）` });
  }
  return failed;
}

/** Whether a call takes applications on `today` (YYYY-MM-DD, Zhengzhou): from its opening to its deadline, both included. */
export const takesApplications = (call: { status: string; opensOn: string; closesOn: string }, today: string) =>
  call.status === 'open' && today >= call.opensOn && today <= call.closesOn;

export interface Award {
  applicationId: string;
  amountYuan: number;
  requestedYuan: number;
}

/** What is wrong with a set of awards: each over its request, and the whole over the call's budget. */
export function checkAwards(budgetYuan: number, awards: readonly Award[]): { total: number; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let total = 0;
  awards.forEach((a, i) => {
    total += a.amountYuan;
    if (a.amountYuan > a.requestedYuan) errors[`awards.${i}.amountYuan`] = `立项金额 ${a.amountYuan} 元超过申请金额 ${a.requestedYuan} 元`;
  });
  if (total > budgetYuan) errors.awards = `立项金额合计 ${total} 元超过本批预算 ${budgetYuan} 元`;
  return { total, errors };
}

/** The last day of objections to a published result: publication day plus the policy's days. */
export function objectionEndsOn(publishedOn: string, days: number): string {
  return isoDateOf(Date.parse(`${publishedOn}T00:00:00Z`) + days * 86_400_000);
}
