import { sql } from 'drizzle-orm';
import type { Db } from '../db/engine.ts';
import type { ClearPii } from './download.ts';

/** Records in pii_access_log that `clear`'s reader is about to see these students' ID numbers and phones in clear. */
export async function logStudentPiiReads(db: Db, clear: ClearPii, studentIds: readonly string[]): Promise<void> {
  if (!studentIds.length) return;
  await db.execute(sql`insert into pii_access_log (user_id, entity_type, entity_id, fields, request_id)
    select ${clear.userId}::uuid, 'student', u.id, array['idNumber', 'phone'], ${clear.requestId}
    from unnest(${sql.param([...studentIds])}::text[]) as u(id)`);
}
