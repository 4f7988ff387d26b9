import type { FieldErrors } from '../errors.ts';

/**
 * A figure that contradicts its own definition is refused, naming the field: a share above 100% or below 0,
 * a negative count or amount, a fractional count. Pure; shares are in percent (60 = 60%).
 */
export type FigureKind = 'count' | 'share' | 'amount' | 'duration';

export function figureProblem(kind: FigureKind, value: number): string | null {
  if (!Number.isFinite(value)) return '应为数字';
  if (value < 0) return kind === 'share' ? '比例不能小于0%' : kind === 'count' ? '个数不能为负数' : '不能为负数';
  if (kind === 'share' && value > 100) return '比例不能超过100%';
  if (kind === 'count' && !Number.isInteger(value)) return '个数应为整数';
  return null;
}

/** The figure kind a policy target's value has (a range of percentages is a share). */
export function figureKindOfTarget(t: { kind: string; unit: string }): FigureKind {
  if (t.kind === 'count') return 'count';
  if (t.kind === 'amount') return 'amount';
  if (t.kind === 'duration') return 'duration';
  return t.unit === '%' ? 'share' : 'amount';
}

/** Problems of a list of figures, keyed by their path in the request body (figures.2.value). */
export function figuresProblems(figures: ReadonlyArray<{ kind: FigureKind; value: number }>, path = 'figures'): FieldErrors {
  const problems: FieldErrors = {};
  figures.forEach((f, i) => {
    const p = figureProblem(f.kind, f.value);
    if (p) problems[`${path}.${i}.value`] = p;
  });
  return problems;
}
