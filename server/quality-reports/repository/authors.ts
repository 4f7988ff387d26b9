import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import type { ReportKind } from '../../../core/quality-reports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';

/** Who writes a report: a school, an enterprise, or the bureau (the city's 中职 report), by its organisation's kind. */
export interface Author {
  id: string;
  name: string;
  kind: ReportKind;
  districtId: string | null;
  districtName: string | null;
}

const KIND_OF: Record<string, ReportKind> = { school: 'school', enterprise: 'enterprise', bureau: 'city' };

/** The caller's own organisation under the write grant (a school, an enterprise or the bureau), else 404. */
export async function authorOf(db: Db | Tx, access: Access): Promise<Author> {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [o] = ids.length
    ? await rows<{ id: string; name: string; kind: string; districtId: string | null; districtName: string | null }>(
        db,
        sql`select o.id, o.name, o.kind, o.district_id as "districtId", d.name as "districtName" from organisations o
          left join organisations d on d.id = o.district_id
          where o.id in (${sql.join(
            ids.map((x) => sql`${x}::uuid`),
            sql`, `,
          )}) and o.kind in ('school', 'enterprise', 'bureau') and o.status = 'active' order by o.kind, o.id limit 1`,
      )
    : [];
  if (!o) throw notFound('报告单位');
  return {
    id: o.id,
    name: o.name,
    kind: KIND_OF[o.kind]!,
    districtId: o.kind === 'bureau' ? null : o.districtId,
    districtName: o.districtName,
  };
}
