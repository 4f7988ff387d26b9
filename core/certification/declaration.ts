import type { FieldErrors } from '../errors.ts';

/**
 * The yearly declaration of an enterprise above designated size (二 (二) 5, 任务清单 7): its rules and its
 * standing against the plan's training-fund rules (1.5%–2.5% of payroll drawn, ≥ 60% of it for front-line
 * staff — the numbers come in from the policy file). Pure.
 */
export interface DeclarationFigures {
  payrollYuan: number;
  fundDrawnYuan: number;
  fundSpentYuan: number;
  /** Percent, 0–100, of the fund spent. */
  frontlineSharePct: number;
  peopleTrained: number;
}

/** The fund rules of the plan, as fractions (policy `rules.training_fund_share` and `rules.training_fund_frontline_share`). */
export interface FundRules {
  drawnMin: number;
  drawnMax: number;
  frontlineMin: number;
}

export const DECLARATION_FIELD_LABELS: Record<keyof DeclarationFigures, string> = {
  payrollYuan: '职工工资总额',
  fundDrawnYuan: '提取的职工教育培训经费',
  fundSpentYuan: '使用的职工教育培训经费',
  frontlineSharePct: '用于一线职工的比例',
  peopleTrained: '培训职工人次',
};

/** What is wrong with a declaration's figures taken together (each figure's own range is the contract's). */
export function declarationProblems(d: DeclarationFigures): FieldErrors {
  const out: FieldErrors = {};
  if (d.fundSpentYuan > d.fundDrawnYuan) out.fundSpentYuan = '使用的培训经费不能超过当年提取的培训经费';
  if (d.frontlineSharePct > 100) out.frontlineSharePct = '用于一线职工的比例不能超过100%';
  if (d.frontlineSharePct < 0) out.frontlineSharePct = '用于一线职工的比例不能为负数';
  if (d.fundDrawnYuan > d.payrollYuan) out.fundDrawnYuan = '提取的培训经费不能超过职工工资总额';
  return out;
}

export type DrawnStanding = 'below' | 'within' | 'above';

export interface DeclarationStanding {
  /** Fund drawn over payroll, percent with two decimals; null without payroll. */
  drawnSharePct: number | null;
  drawn: DrawnStanding | null;
  /** Front-line share meets the floor. */
  frontlineMeets: boolean;
  rules: { drawnMinPct: number; drawnMaxPct: number; frontlineMinPct: number };
}

const pct = (fraction: number) => Math.round(fraction * 10_000) / 100;

export function declarationStanding(d: DeclarationFigures, rules: FundRules): DeclarationStanding {
  const share = d.payrollYuan > 0 ? d.fundDrawnYuan / d.payrollYuan : null;
  // Compared on the exact ratio (a float tolerance, not the rounded figure shown): 1.5% of a round payroll is within, 2.5001% is above.
  const EPS = 1e-12;
  const drawn: DrawnStanding | null =
    share === null ? null : share < rules.drawnMin - EPS ? 'below' : share > rules.drawnMax + EPS ? 'above' : 'within';
  const shown = share === null ? null : pct(share);
  return {
    drawnSharePct: shown,
    drawn,
    frontlineMeets: d.frontlineSharePct >= pct(rules.frontlineMin),
    rules: { drawnMinPct: pct(rules.drawnMin), drawnMaxPct: pct(rules.drawnMax), frontlineMinPct: pct(rules.frontlineMin) },
  };
}

/** The fund rules from the plan's rules section (fractions), failing loudly when the policy file lacks them. */
export function fundRulesOf(rules: Record<string, { kind: string; min?: number; max?: number; value?: number }>): FundRules {
  const drawn = rules.training_fund_share;
  const frontline = rules.training_fund_frontline_share;
  if (drawn?.min === undefined || drawn.max === undefined || frontline?.value === undefined)
    throw new Error('policy: rules.training_fund_share / training_fund_frontline_share missing');
  return { drawnMin: drawn.min, drawnMax: drawn.max, frontlineMin: frontline.value };
}
