import { sql, type SQL } from 'drizzle-orm';
import type { SurveyKind } from '../../../core/surveys/index.ts';

/**
 * How many respondents a round's invitations (alias-free, one round) stand for: one invitation is one respondent,
 * except in an employer round, where an enterprise's administrators share one answer (a distinct count, which at city
 * scale is the costly one, only where it is needed).
 */
export const respondents = (kind: SurveyKind): SQL => (kind === 'employer_satisfaction' ? sql`count(distinct respondent)` : sql`count(*)`);
