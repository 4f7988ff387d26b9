/** Project calls (项目申报): the kinds of the policy file, eligibility, dates and budgets. */
export * from './policy.ts';
export * from './rules.ts';
