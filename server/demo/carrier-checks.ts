import { sql } from 'drizzle-orm';
import { rows, type Db } from '../platform/db/engine.ts';

/**
 * The demo city's operating carriers as the bureau would have found them: each with its lead's evidence of running
 * (a PDF) and verified by the bureau, so they count toward their targets as before — except the two most recently
 * started, which wait for the check (the rule shows: the carriers list marks them, the cockpit leaves them out).
 * Set-based, so the city scale costs two statements.
 */
const PDF = Buffer.from('%PDF-1.4\n% 载体运行情况佐证材料（演示）\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const AWAITING = 2;

export async function seedCarrierChecksDemo(db: Db, now: Date): Promise<{ verified: number; awaiting: number }> {
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  if (!admin) return { verified: 0, awaiting: 0 };
  const operating = sql`(select id from carriers where is_demo and status = 'operating' and archived_at is null)`;
  const awaiting = sql`(select id from carriers where is_demo and status = 'operating' and archived_at is null
    order by start_date desc nulls last, id limit ${AWAITING})`;
  await db.execute(sql`insert into evidence_files (owner_kind, owner_id, file_name, type, media_type, byte_size, sha256, data, uploaded_by)
    select 'carrier', id, '运行情况佐证材料.pdf', 'pdf', 'application/pdf', ${PDF.length}, encode(sha256(${PDF}), 'hex'), ${PDF}, ${admin.id}
    from carriers where id in ${operating}`);
  const verified = await rows<{ id: string }>(
    db,
    sql`update carriers set operating_verified_at = ${now}, operating_verified_by = ${admin.id}
      where id in ${operating} and id not in ${awaiting} returning id`,
  );
  return { verified: verified.length, awaiting: AWAITING };
}
