import type { AgreementState } from './agreement.ts';
import type { RuleRef } from './rules.ts';
import type { InternshipRules } from './rules.ts';
import { violation, type Violation } from './violations.ts';

export interface InsuranceFacts {
  coverageStart: string;
  coverageEnd: string;
  payer: string;
}

const PARTY_NAMES: Record<string, string> = { school: '学校', enterprise: '实习单位', student: '学生', guardian: '监护人' };
const datesRule: RuleRef = { code: 'dates', name: '实习日期', article: '' };

/** The insurance the regulation asks for: paid by the school or the enterprise, never by the student. */
export function checkInsurance(ins: InsuranceFacts, r: InternshipRules): Violation[] {
  if (r.insurancePayers.has(ins.payer)) return [];
  return [violation(r.ref('intern_insurance'), 'payer', '实习责任保险须由学校或实习单位投保，不得由学生承担保险费')];
}

/** Why an internship may not start on `startDate`: no full agreement, no insurance that day, a date out of range. */
export function checkStart(
  p: {
    startDate: string;
    today: string;
    plannedEnd: string;
    agreement: AgreementState | null;
    insurance: InsuranceFacts | null;
  },
  r: InternshipRules,
): Violation[] {
  const v: Violation[] = [];
  if (p.startDate < p.today) v.push({ rule: datesRule, field: 'startDate', message: '开始日期不能早于今天' });
  if (p.startDate > p.plannedEnd)
    v.push({ rule: datesRule, field: 'startDate', message: `开始日期不能晚于实习结束日期（${p.plannedEnd}）` });
  if (!p.agreement) {
    v.push(violation(r.ref('intern_agreement'), 'agreement', '尚未生成三方协议，未签订实习协议的不得安排实习'));
  } else if (!p.agreement.complete) {
    v.push(
      violation(
        r.ref('intern_agreement'),
        'agreement',
        `三方协议尚缺${p.agreement.missing.map((x) => PARTY_NAMES[x]).join('、')}签字，未签订实习协议的不得安排实习`,
      ),
    );
  }
  if (!p.insurance) {
    v.push(violation(r.ref('intern_insurance'), 'insurance', '尚未登记实习责任保险'));
  } else if (p.insurance.coverageStart > p.startDate || p.insurance.coverageEnd < p.startDate) {
    v.push(
      violation(
        r.ref('intern_insurance'),
        'insurance',
        `实习责任保险（${p.insurance.coverageStart} 至 ${p.insurance.coverageEnd}）未覆盖开始日期 ${p.startDate}`,
      ),
    );
  } else {
    v.push(...checkInsurance(p.insurance, r));
  }
  return v;
}
