/**
 * Progress of a target and its red / amber / green status. Pure: the clock comes in as `now`.
 *
 * Progress is how far the current value has come towards the target (1 = met). The time share is how much
 * of the plan's period, from its issue date to the target's deadline, has passed. A target whose progress
 * keeps pace with the time share is green; one that reaches `amberRatio` of the pace (policy file
 * `progressStatus`, 0.8 in the 2023 plan) is amber; below that it is red. A standing rule without a
 * deadline (≥50% practice teaching every year) must hold now, so its time share is 1.
 */

export type IndicatorStatus = 'green' | 'amber' | 'red' | 'unknown';

/** What a status is judged against: the target as the policy file states it. */
export type TargetGoal = { comparator: '>=' | '<='; value: number } | { comparator: 'between'; min: number; max: number };

const DAY_MS = 86_400_000;

/** 0–1: how far `value` has come towards the goal. Above 1 only for ≥ targets that are exceeded. */
export function progressOf(value: number | null, goal: TargetGoal): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (goal.comparator === 'between') {
    if (value < goal.min) return goal.min > 0 ? Math.max(0, value) / goal.min : 1;
    if (value > goal.max) return goal.max / value;
    return 1;
  }
  if (goal.comparator === '>=') return goal.value > 0 ? Math.max(0, value) / goal.value : 1;
  // A ceiling: at or below it the rule holds; above it progress falls the further it is exceeded.
  return value <= goal.value ? 1 : goal.value / value;
}

/** 0–1: the share of the time from `issued` to `deadline` that has passed at `now` (dates as YYYY-MM-DD). */
export function timeShare(issued: string, deadline: string | null, now: Date): number {
  if (deadline === null) return 1;
  // The deadline day counts in full: 2025-12-31 ends at the end of that day (China Standard Time).
  const start = Date.parse(`${issued}T00:00:00+08:00`);
  const end = Date.parse(`${deadline}T00:00:00+08:00`) + DAY_MS;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

export function statusOf(progress: number | null, elapsed: number, amberRatio: number): IndicatorStatus {
  if (progress === null) return 'unknown';
  if (progress >= 1 || progress >= elapsed) return 'green';
  if (progress >= amberRatio * elapsed) return 'amber';
  return 'red';
}

export interface Assessment {
  progress: number | null;
  elapsed: number;
  status: IndicatorStatus;
}

export function assess(
  value: number | null,
  goal: TargetGoal,
  timing: { issued: string; deadline: string | null; now: Date; amberRatio: number },
): Assessment {
  const progress = progressOf(value, goal);
  const elapsed = timeShare(timing.issued, timing.deadline, timing.now);
  return {
    progress: progress === null ? null : round(progress, 4),
    elapsed: round(elapsed, 4),
    status: statusOf(progress, elapsed, timing.amberRatio),
  };
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The goal a policy target states (shares in percent, as the policy file keeps them). */
export function goalOf(t: { comparator: '>=' | '<='; value: number } | { comparator: 'between'; min: number; max: number }): TargetGoal {
  return t.comparator === 'between' ? { comparator: 'between', min: t.min, max: t.max } : { comparator: t.comparator, value: t.value };
}

/**
 * The goal and unit an indicator is judged and shown by: the target's own, or — for a per-person rule measured
 * as the share of people meeting it (`measuredAs`, core/indicators/definitions.ts) — that share against all.
 */
export function indicatorGoal(
  t: { unit: string } & ({ comparator: '>=' | '<='; value: number } | { comparator: 'between'; min: number; max: number }),
  measuredAs?: { unit: string; comparator: '>=' | '<='; value: number },
): { goal: TargetGoal; unit: string } {
  if (measuredAs) return { goal: { comparator: measuredAs.comparator, value: measuredAs.value }, unit: measuredAs.unit };
  return { goal: goalOf(t), unit: t.unit };
}
