import type { RuleRef } from './rules.ts';

/** A rule of the regulation that a post, a placement or an acceptance would break. */
export interface Violation {
  rule: RuleRef;
  /** The field at fault, for forms. */
  field: string;
  message: string;
}

export function violation(rule: RuleRef, field: string, message: string): Violation {
  return { rule, field, message: `${message}（${rule.name}，${rule.article}）` };
}
