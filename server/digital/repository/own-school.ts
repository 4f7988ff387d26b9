import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';

/** The caller's school (a school account's own organisation, active), with its district and level. */
export async function ownSchool(db: Db | Tx, access: Access) {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [s] = ids.length
    ? await rows<{ id: string; name: string; districtId: string | null; level: string }>(
        db,
        sql`select o.id, o.name, o.district_id as "districtId", s.level from organisations o join schools s on s.organisation_id = o.id
          where o.id in (${sql.join(
            ids.map((x) => sql`${x}::uuid`),
            sql`, `,
          )}) and o.kind = 'school' and o.status = 'active' limit 1`,
      )
    : [];
  if (!s) throw notFound('学校');
  return s;
}
