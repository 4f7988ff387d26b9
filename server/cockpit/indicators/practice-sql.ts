import { sql, type SQL } from 'drizzle-orm';
import { practiceWindow, requiredPracticeDays } from '../../../core/registry/teacher-practice.ts';
import { planPracticeRule } from '../../registry/index.ts';

/** The enterprise-practice rule on a day: the look-back window ending that day and the days it asks for. */
export interface PracticeCheck {
  start: string;
  end: string;
  requiredDays: number;
}

export function practiceCheckOn(asOf: string): PracticeCheck {
  const rule = planPracticeRule();
  const window = practiceWindow(asOf, rule.per);
  return { ...window, requiredDays: requiredPracticeDays(rule) };
}

/**
 * A teacher's distinct days of enterprise practice within the window, as a scalar SQL expression for the teacher
 * whose id is `teacherId`: the core's counting (core/registry/teacher-practice.ts `coveredDays`) in SQL, so that
 * a city of teachers is counted by the database — periods clipped to the window, an open period running to its
 * end, overlapping or touching periods merged by range_agg so that each day counts once. Per teacher (through
 * the teacher index), so a district's drill-down reads only its own teachers' periods.
 */
export function practiceDays(c: PracticeCheck, teacherId: SQL): SQL {
  const start = sql`${c.start}::date`;
  const end = sql`${c.end}::date`;
  return sql`coalesce((select sum(upper(r) - lower(r)) from unnest((
    select range_agg(daterange(greatest(p.start_date, ${start}), least(coalesce(p.end_date, ${end}), ${end}), '[]'))
    from teacher_practice_periods p where p.teacher_id = ${teacherId} and p.start_date <= ${end} and coalesce(p.end_date, ${end}) >= ${start})) r), 0)::int`;
}
