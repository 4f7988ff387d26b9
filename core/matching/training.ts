import { majorFit } from './majors.ts';
import { partPoints, type ScoreContext, type ScorePartResult } from './score.ts';

/**
 * The 培训课程 part of a training demand's score (二 (二) 5: schools train enterprises' employees): how well the
 * best course a school offers meets the demand — the course's field against the majors wanted (the same levels
 * as 专业对口), times the share of the headcount its yearly capacity covers. Pure; added to the six parts only
 * for training demands, with its own weight (`matching.training.courseWeight`).
 */

export interface Course {
  id: string;
  name: string;
  majorCode: string;
  hours: number;
  /** 线下 / 线上 / 线上线下结合, as the page shows it. */
  modeLabel: string;
  capacityPerYear: number;
}

export interface TrainingNeed {
  majorCodes: readonly string[];
  clusterCode: string | null;
  headcount: number | null;
}

export const COURSE_PART_LABEL = '培训课程';

/** Share (0–1) one course earns and why; courses whose field does not fit earn nothing. */
export function courseShare(ctx: ScoreContext, course: Course, need: TrainingNeed): { share: number; reason: string } {
  const fit = majorFit(ctx.catalogue, course.majorCode, need.majorCodes, need.clusterCode);
  if (fit.level === 'none') return { share: 0, reason: `《${course.name}》专业领域不对口` };
  const capacity = need.headcount ? Math.min(1, course.capacityPerYear / need.headcount) : 1;
  const enough =
    need.headcount == null
      ? ''
      : capacity >= 1
        ? `，满足需求 ${need.headcount} 人`
        : `，仅能覆盖需求 ${need.headcount} 人的 ${Math.round(capacity * 100)}%`;
  return {
    share: ctx.policy.majorLevels[fit.level] * capacity,
    reason: `《${course.name}》（${fit.reason}），${course.hours} 学时，${course.modeLabel}，年可培训 ${course.capacityPerYear} 人${enough}`,
  };
}

/** The part for a school: its best course (ties: the lower id), or none with its reason. */
export function coursePart(ctx: ScoreContext, courses: readonly Course[], need: TrainingNeed): ScorePartResult {
  const max = ctx.policy.training.courseWeight;
  let best: { points: number; reason: string; id: string } | null = null;
  for (const c of courses) {
    const { share, reason } = courseShare(ctx, c, need);
    const points = partPoints(max, share);
    if (points > 0 && (!best || points > best.points || (points === best.points && c.id < best.id))) best = { points, reason, id: c.id };
  }
  const part = 'course' as const;
  return best
    ? { part, label: COURSE_PART_LABEL, points: best.points, max, reason: best.reason }
    : { part, label: COURSE_PART_LABEL, points: 0, max, reason: courses.length ? '所开培训课程与需求不对口' : '未登记对口的培训课程' };
}
