import type { SurveyQuestion } from './policy.ts';

/**
 * Scoring and checking of an anonymous answer (三 18): each Likert item 1…points maps linearly to 0–100, an answer's
 * score is the mean of its items, a unit's score the mean of its answers' scores. A unit with fewer answers than the
 * policy's minimum shows no figures at all (样本不足), so a handful of respondents cannot be singled out. Pure.
 */

/** One Likert value 1…points as 0–100. */
export function itemScore(value: number, points: number): number {
  return ((value - 1) / (points - 1)) * 100;
}

/** An answer's 0–100 score: the mean of its items' scores, to one decimal. */
export function answerScore(values: Record<string, number>, questions: readonly SurveyQuestion[], points: number): number {
  const sum = questions.reduce((s, q) => s + itemScore(values[q.code]!, points), 0);
  return round1(sum / questions.length);
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Field → 中文 problem for an answer to a round's questions; empty when it can be saved. */
export function answerProblems(
  input: { values: Record<string, unknown>; freeText?: string | null | undefined },
  questions: readonly SurveyQuestion[],
  rule: { points: number; freeTextMaxLength: number },
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const q of questions) {
    const v = input.values[q.code];
    if (v === undefined || v === null) fields[`values.${q.code}`] = '请回答此题';
    else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > rule.points)
      fields[`values.${q.code}`] = `请选择 1～${rule.points} 之间的一项`;
  }
  for (const code of Object.keys(input.values)) if (!questions.some((q) => q.code === code)) fields[`values.${code}`] = '本问卷没有这道题';
  if (input.freeText && [...input.freeText].length > rule.freeTextMaxLength)
    fields.freeText = `意见和建议不能超过${rule.freeTextMaxLength}字`;
  return fields;
}

/** A unit's results are shown only from this many answers on. */
export function enoughAnswers(responses: number, minResponses: number): boolean {
  return responses >= minResponses;
}

/** The share answered of those invited, in per cent to one decimal; null when nobody was invited. */
export function responseRate(answered: number, invited: number): number | null {
  return invited > 0 ? round1((answered / invited) * 100) : null;
}
