import type { Rng } from './prng.ts';
import type { DemoPracticePeriod, DemoTeacher } from './types.ts';
import { isoDateOf, todayOf } from '../../core/calendar.ts';

const DAY_MS = 86_400_000;
const iso = isoDateOf;

/**
 * Enterprise-practice periods (教师企业实践, 二 (三) 10) of specialty teachers, so the 1-year-in-5 figure has
 * something to count: about half of the full-time specialty teachers have one to three placements of two to
 * eight months in the last six years (some add up to a year within five, most do not; a few are still under
 * way); part-time teachers and industry mentors mostly work in an enterprise now, open-ended. `enterprise` is
 * the index of a demo enterprise. Pure: the clock comes in as `now`.
 */
export function generatePracticePeriods(rng: Rng, teachers: readonly DemoTeacher[], enterprises: number, now: Date): DemoPracticePeriod[] {
  const today = Date.parse(`${todayOf(now)}T00:00:00Z`);
  const out: DemoPracticePeriod[] = [];
  for (const t of teachers) {
    if (t.subject !== 'specialty') continue;
    if (t.employment !== 'fullTime') {
      if (rng.chance(0.7))
        out.push({
          teacherIndex: t.index,
          enterprise: rng.int(0, enterprises - 1),
          start: iso(today - rng.int(365, 3650) * DAY_MS),
          end: null,
        });
      continue;
    }
    if (!rng.chance(0.5)) continue;
    const placements = rng.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ] as const);
    for (let i = 0; i < placements; i++) {
      const start = today - rng.int(60, 6 * 365) * DAY_MS;
      const length = rng.int(60, 240) * DAY_MS;
      const ongoing = start + length > today;
      out.push({
        teacherIndex: t.index,
        enterprise: rng.int(0, enterprises - 1),
        start: iso(start),
        end: ongoing ? null : iso(start + length),
      });
    }
  }
  return out;
}
