/**
 * The plan in force. Each plan is one versioned JSON file beside this one; switching plans (or cities)
 * is a change of this import, not of the code that reads `currentPlan`.
 * Parsing at import time makes a malformed policy file fail at start-up, not on the first request.
 */
import { parsePlanPolicy } from '../core/plan/plan.ts';
import type { PlanPolicy } from '../core/plan/plan.ts';
import { parseMatchingPolicy, type MatchingPolicy } from '../core/matching/policy.ts';
import { parseExpertReviewPolicy, type ExpertReviewPolicy } from '../core/expert-review/policy.ts';
import { parseCallsPolicy, type CallsPolicy } from '../core/calls/policy.ts';
import plan from './zhengzhou-2023.json' with { type: 'json' };

export const currentPlan: PlanPolicy = parsePlanPolicy(plan);

/** The matching weights (section `matching` of the same file): see core/matching/policy.ts. */
export const matchingPolicy: MatchingPolicy = parseMatchingPolicy((plan as { matching?: unknown }).matching);

/** How experts are assigned and their scores aggregated (section `expertReview`): see core/expert-review/policy.ts. */
export const expertReviewPolicy: ExpertReviewPolicy = parseExpertReviewPolicy((plan as { expertReview?: unknown }).expertReview);

/** The kinds of project call (section `calls`): see core/calls/policy.ts. */
export const callsPolicy: CallsPolicy = parseCallsPolicy(
  (plan as { calls?: unknown }).calls,
  currentPlan.targets.map((t) => t.code),
);
