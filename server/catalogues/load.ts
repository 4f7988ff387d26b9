import type { Db } from '../platform/db/engine.ts';
import { industries, catalogueEditions } from '../platform/db/schema/index.ts';
import { and, eq } from 'drizzle-orm';
import { currentPlan } from '../../policy/index.ts';
import { loadClusters, type ClusterLoadSummary } from './clusters.ts';
import { loadOrganisations, type OrganisationLoadSummary } from './divisions.ts';
import { INDUSTRY_EDITION, loadIndustries, type IndustryLoadSummary } from './industry.ts';
import { loadDemoMajors, loadMajors, type MajorLoadSummary } from './majors.ts';
import { loadDemoOccupations, loadOccupations, type OccupationLoadSummary } from './occupations.ts';

export { CLUSTERS } from './clusters.ts';
export { BUREAU, DIVISION_SLUGS, LOCAL_DIVISION_CODES } from './divisions.ts';
export { INDUSTRY_EDITION } from './industry.ts';
export { DEMO_MAJORS_EDITION } from './majors.ts';
export { DEMO_OCCUPATIONS_EDITION } from './occupations.ts';

export type LoadSummary = IndustryLoadSummary | OrganisationLoadSummary | ClusterLoadSummary | MajorLoadSummary | OccupationLoadSummary;

export interface ReferenceDataOptions {
  /** Override the shipped reference files (default `server/catalogues/data/…`). */
  industryFile?: string;
  divisionsFile?: string;
  /** Ministry spreadsheet(s) to load as full editions, in addition to the demo subset. */
  majorFiles?: { file: string; edition?: string }[];
  /** Load the shipped demo major subset (default true). */
  demoMajors?: boolean;
  /** 职业分类大典 table(s) to load as full editions, in addition to the demo subset. */
  occupationFiles?: { file: string; edition?: string }[];
  /** Load the shipped demo occupation subset (the eight 大类; default true). */
  demoOccupations?: boolean;
}

/**
 * Every reference catalogue the platform needs, in dependency order: GB/T 4754 industries, the plan's
 * industry clusters (checked against the loaded classes), the organisations of the plan (districts, the
 * bureau, the policy's departments), the major catalogue(s) and the occupational classification(s). Repeatable: a second run changes nothing.
 */
export async function loadReferenceData(db: Db, opts: ReferenceDataOptions = {}): Promise<LoadSummary[]> {
  const out: LoadSummary[] = [];
  out.push(await loadIndustries(db, { file: opts.industryFile }));
  const [edition] = await db
    .select({ id: catalogueEditions.id })
    .from(catalogueEditions)
    .where(and(eq(catalogueEditions.kind, 'industry'), eq(catalogueEditions.edition, INDUSTRY_EDITION)));
  const codes = new Set(
    (await db.select({ code: industries.code }).from(industries).where(eq(industries.editionId, edition!.id))).map((r) => r.code),
  );
  out.push(await loadClusters(db, codes));
  out.push(await loadOrganisations(db, { file: opts.divisionsFile, units: currentPlan.units }));
  if (opts.demoMajors ?? true) out.push(await loadDemoMajors(db));
  for (const m of opts.majorFiles ?? []) out.push(await loadMajors(db, m));
  if (opts.demoOccupations ?? true) out.push(await loadDemoOccupations(db));
  for (const o of opts.occupationFiles ?? []) out.push(await loadOccupations(db, o));
  return out;
}

/** Human-readable lines for a CLI or a start-up log. */
export function formatSummary(s: LoadSummary): string[] {
  const lines: string[] = [];
  const tally = `inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}`;
  if (s.kind === 'industry') {
    lines.push(
      `行业分类 ${s.edition}: ${s.counts.section} 门类 / ${s.counts.division} 大类 / ${s.counts.group} 中类 / ${s.counts.class} 小类 — ${tally}`,
    );
    for (const c of s.corrections) lines.push(`  名称订正 ${c.code}: “${c.from}” → “${c.to}”`);
    for (const a of s.anomalies) lines.push(`  异常: ${a}`);
  } else if (s.kind === 'clusters') {
    lines.push(`产业集群: ${tally}`);
    for (const a of s.anomalies) lines.push(`  异常: ${a}`);
  } else if (s.kind === 'organisations') {
    lines.push(`机构: ${s.districts} 区县(市)/开发区, 1 市教育局, ${s.departments} 市直部门 — ${tally}`);
    for (const a of s.anomalies) lines.push(`  异常: ${a}`);
  } else if (s.kind === 'occupation') {
    lines.push(
      `职业分类大典 ${s.edition}${s.isDemoSubset ? '（演示子集）' : ''}: ${s.counts.major} 大类 / ${s.counts.middle} 中类 / ${s.counts.minor} 小类 / ${s.counts.occupation} 职业 — ${tally}`,
    );
  } else {
    lines.push(
      `专业目录 ${s.edition}${s.isDemoSubset ? '（演示子集）' : ''}: 中职 ${s.counts.secondary}, 高职专科 ${s.counts.higher}, 高职本科 ${s.counts.vocUndergrad} — ${tally}`,
    );
    for (const w of s.warnings) lines.push(`  提示: ${w}`);
  }
  return lines;
}
