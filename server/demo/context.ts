import { and, asc, eq } from 'drizzle-orm';
import {
  CLUSTERS,
  DEMO_MAJORS_EDITION,
  DEMO_MAJORS_FILE,
  DIVISION_SLUGS,
  DIVISIONS_FILE,
  INDUSTRY_EDITION,
  INDUSTRY_FILE,
  parseDivisionsCsv,
  parseIndustryCsv,
  parseMajorCsv,
  readText,
  referenceDataPath,
} from '../catalogues/index.ts';
import type { Db } from '../platform/db/engine.ts';
import { catalogueEditions, industries, majors, organisations } from '../platform/db/schema/index.ts';
import type { RefDepartment, ReferenceContext } from './types.ts';

/** The generator's reference data, read from the loaded catalogues (what `npm start` uses). */
export async function referenceContextFromDb(db: Db, majorEdition = DEMO_MAJORS_EDITION): Promise<ReferenceContext> {
  const districts = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'district'))
    .orderBy(asc(organisations.code));
  const departments = await db
    .select({ code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'department'))
    .orderBy(asc(organisations.code));
  const majorRows = await db
    .select({ code: majors.code, name: majors.name, level: majors.level, divisionCode: majors.divisionCode })
    .from(majors)
    .innerJoin(catalogueEditions, eq(catalogueEditions.id, majors.editionId))
    .where(and(eq(catalogueEditions.kind, 'major'), eq(catalogueEditions.edition, majorEdition)))
    .orderBy(asc(majors.code));
  const classRows = await db
    .select({ code: industries.code })
    .from(industries)
    .innerJoin(catalogueEditions, eq(catalogueEditions.id, industries.editionId))
    .where(and(eq(catalogueEditions.kind, 'industry'), eq(catalogueEditions.edition, INDUSTRY_EDITION), eq(industries.level, 'class')));
  return {
    districts: districts.map((d) => ({ ...d, slug: DIVISION_SLUGS[d.name] ?? d.code.toLowerCase().replace(/[^a-z0-9]+/g, '') })),
    majors: majorRows,
    clusters: CLUSTERS,
    industryClasses: new Set(classRows.map((r) => r.code)),
    departments,
  };
}

/** The same context straight from the reference files, without a database (tests, dry runs). */
export function referenceContextFromFiles(departments: readonly RefDepartment[]): ReferenceContext {
  const divisions = parseDivisionsCsv(readText(referenceDataPath(DIVISIONS_FILE))).divisions;
  const industry = parseIndustryCsv(readText(referenceDataPath(INDUSTRY_FILE)));
  const demoMajors = parseMajorCsv(readText(DEMO_MAJORS_FILE)).entries;
  return {
    districts: divisions.map((d) => ({ code: d.code, name: d.name, slug: d.slug })),
    majors: demoMajors.map((m) => ({ code: m.code, name: m.name, level: m.level, divisionCode: m.divisionCode })),
    clusters: CLUSTERS,
    industryClasses: new Set(industry.nodes.filter((n) => n.level === 'class').map((n) => n.code)),
    departments: [...departments].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
