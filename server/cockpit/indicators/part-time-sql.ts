import { sql, type SQL } from 'drizzle-orm';
import { planShareRule } from '../../registry/index.ts';

/**
 * The part-time teachers a school's staffing quota asks for (聘足配齐, 二 (三) 10) as SQL: the quota's share
 * (rules.part_time_teacher_quota) in whole teachers, rounded down — core/registry/shares.ts `partTimeStanding` in
 * integer arithmetic (parts per million), so the cockpit and the school's page agree to the teacher.
 */
export function partTimeTarget(quota: SQL): SQL {
  const ppm = Math.round(planShareRule('part_time_teacher_quota').value * 1_000_000);
  return sql`((${quota})::bigint * ${ppm}::bigint / 1000000)`;
}
