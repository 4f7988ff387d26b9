import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { internshipApplications, internshipPosts } from '../../db/schema/index.ts';

/**
 * What the statistics count as a placement: an application the enterprise accepted. The one definition used by
 * the 2%–3% figures, the placement rates, the violations list and the rosters, so they agree with each other.
 */
export const PLACED_STATUSES = ['accepted'] as const;

export const isPlaced = (): SQL => inArray(internshipApplications.status, [...PLACED_STATUSES]);

/** Posts that count for a year: published (or since closed) and running for at least a day of it. */
export function postInYear(span: { from: string; to: string }): SQL {
  return and(
    inArray(internshipPosts.status, ['published', 'closed']),
    lte(internshipPosts.startDate, span.to),
    gte(internshipPosts.endDate, span.from),
  )!;
}

export const isPlacementKind = (): SQL => eq(internshipPosts.kind, 'placement');
