import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { catalogueEditions, industries } from '../../platform/db/schema/index.ts';
import { INDUSTRY_EDITION } from '../industry.ts';

/** The GB/T 4754-2017 entry of a code, or undefined. Enterprises are classified in that edition. */
export async function findIndustry(db: Db | Tx, code: string) {
  const [row] = await db
    .select({ code: industries.code, name: industries.name, level: industries.level })
    .from(industries)
    .innerJoin(catalogueEditions, eq(catalogueEditions.id, industries.editionId))
    .where(and(eq(catalogueEditions.kind, 'industry'), eq(catalogueEditions.edition, INDUSTRY_EDITION), eq(industries.code, code)));
  return row;
}

/** The name of an enterprise's industry code in the edition it is classified in (for selects). */
export const industryNameSql = (code: unknown) => sql<string | null>`(select i.name from industries i
  join catalogue_editions e on e.id = i.edition_id
  where e.kind = 'industry' and e.edition = ${INDUSTRY_EDITION} and i.code = ${code})`;
