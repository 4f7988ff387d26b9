import { notFound } from '../../../core/errors.ts';
import { systemFor, type QualitySystem } from '../../../core/quality/index.ts';
import { qualityPolicy as policy } from '../../../policy/index.ts';

/** The indicator system of a year, or 404 when none applies (before the first one's `fromYear`). */
export function systemOrNotFound(year: number): QualitySystem {
  const s = systemFor(policy, year);
  if (!s) throw notFound(`${year} 年度的质量评价指标体系`);
  return s;
}
