import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { yearSpan } from '../../../core/internships/placement-rate.ts';
import { internshipApplications, internshipPosts } from '../../platform/db/schema/index.ts';

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

/**
 * Each enterprise's places on the posts that count for a year, as a subquery `offered(enterprise_id, places)`:
 * the 2%–3% statistics and the cockpit's indicator and drill-down join this one figure, so they cannot disagree.
 */
export function offeredPlaces(year: number) {
  return new QueryBuilder()
    .select({ enterpriseId: internshipPosts.enterpriseId, places: sql<number>`sum(${internshipPosts.places})::int`.as('places') })
    .from(internshipPosts)
    .where(postInYear(yearSpan(year)))
    .groupBy(internshipPosts.enterpriseId)
    .as('offered');
}

export const isPlacementKind = (): SQL => eq(internshipPosts.kind, 'placement');
