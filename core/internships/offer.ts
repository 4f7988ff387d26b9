import { overlaps } from './dates.ts';

/**
 * Whether a published post is still offered to students. A post is offered until its last day; after it has
 * ended (已截止) nobody can apply for it and students are not shown it — an enterprise that forgot to close it
 * does not make students apply for an internship that is over.
 */
export const postOpen = (post: { endDate: string }, today: string): boolean => post.endDate >= today;

/** The live internship (accepted or under way) of a student that a post's dates would overlap, if any. */
export function clashingInternship<T extends { start: string; end: string }>(
  post: { startDate: string; endDate: string },
  live: readonly T[],
): T | null {
  return live.find((i) => overlaps(i, { start: post.startDate, end: post.endDate })) ?? null;
}
