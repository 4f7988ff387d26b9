import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Cluster } from '../../../contracts/clusters.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { CLUSTERS, clusterClasses } from '../clusters.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { clusterIndustries, clusterMajors, industryClusters, majors } from '../../platform/db/schema/index.ts';
import { findIndustry, industryNameSql } from './industries.ts';

/**
 * The plan's industry clusters with the majors and GB/T 4754 industries that feed each: what aligns a
 * school's major group or an enterprise to a cluster. Read by anyone; kept by the bureau.
 */

/** A major code's name and level in the most recently loaded edition that has it (codes are edition-independent). */
const majorName = (code: unknown) => sql<string | null>`(select m.name from majors m join catalogue_editions e on e.id = m.edition_id
  where m.code = ${code} order by e.loaded_at desc limit 1)`;
const majorLevel = (code: unknown) => sql<string | null>`(select m.level from majors m join catalogue_editions e on e.id = m.edition_id
  where m.code = ${code} order by e.loaded_at desc limit 1)`;
const industryLevel = (code: unknown) => sql<
  string | null
>`(select i.level from industries i join catalogue_editions e on e.id = i.edition_id
  where e.kind = 'industry' and i.code = ${code} order by e.loaded_at desc limit 1)`;

export async function listClusters(db: Db | Tx, only?: string): Promise<Cluster[]> {
  const where = only ? eq(industryClusters.code, only) : undefined;
  // One after the other: inside a transaction the three share one connection.
  const clusters = await db
    .select({ code: industryClusters.code, name: industryClusters.name, article: industryClusters.article })
    .from(industryClusters)
    .where(where)
    .orderBy(asc(industryClusters.sortOrder));
  const majorRows = await db
    .select({
      cluster: clusterMajors.clusterCode,
      code: clusterMajors.majorCode,
      name: majorName(clusterMajors.majorCode),
      level: majorLevel(clusterMajors.majorCode),
    })
    .from(clusterMajors)
    .where(only ? eq(clusterMajors.clusterCode, only) : undefined)
    .orderBy(asc(clusterMajors.majorCode));
  const industryRows = await db
    .select({
      cluster: clusterIndustries.clusterCode,
      code: clusterIndustries.industryCode,
      name: industryNameSql(clusterIndustries.industryCode),
      level: industryLevel(clusterIndustries.industryCode),
    })
    .from(clusterIndustries)
    .where(only ? eq(clusterIndustries.clusterCode, only) : undefined)
    .orderBy(asc(clusterIndustries.industryCode));
  return clusters.map((c) => ({
    ...c,
    majors: majorRows.filter((m) => m.cluster === c.code).map(({ cluster: _, ...m }) => m),
    industries: industryRows.filter((i) => i.cluster === c.code).map(({ cluster: _, ...i }) => i),
  }));
}

export async function getCluster(db: Db | Tx, code: string): Promise<Cluster> {
  const [cluster] = await listClusters(db, code);
  if (!cluster) throw notFound('产业集群');
  return cluster;
}

export async function addClusterMajor(tx: Tx, audit: Auditor, code: string, majorCode: string): Promise<Cluster> {
  await getCluster(tx, code);
  const [major] = await tx.select({ code: majors.code }).from(majors).where(eq(majors.code, majorCode)).limit(1);
  if (!major) throw validationFailed({ majorCode: `专业代码“${majorCode}”不在已导入的职业教育专业目录中` });
  const inserted = await tx
    .insert(clusterMajors)
    .values({ clusterCode: code, majorCode })
    .onConflictDoNothing()
    .returning({ code: clusterMajors.majorCode });
  if (!inserted.length) throw new AppError('CONFLICT', '该专业已对应此产业集群', { fields: { majorCode: '该专业已对应此产业集群' } });
  await audit.record({
    action: 'create',
    entityType: 'clusterMajor',
    entityId: `${code}:${majorCode}`,
    after: { clusterCode: code, majorCode },
  });
  return getCluster(tx, code);
}

/** A mapping row refers to nothing else, so removing it is a delete; the audit log keeps what it was. */
export async function removeClusterMajor(tx: Tx, audit: Auditor, code: string, majorCode: string): Promise<Cluster> {
  const removed = await tx
    .delete(clusterMajors)
    .where(and(eq(clusterMajors.clusterCode, code), eq(clusterMajors.majorCode, majorCode)))
    .returning({ code: clusterMajors.majorCode });
  if (!removed.length) throw notFound('产业集群与专业的对应关系');
  await audit.record({
    action: 'delete',
    entityType: 'clusterMajor',
    entityId: `${code}:${majorCode}`,
    before: { clusterCode: code, majorCode },
  });
  return getCluster(tx, code);
}

export async function addClusterIndustry(tx: Tx, audit: Auditor, code: string, industryCode: string): Promise<Cluster> {
  await getCluster(tx, code);
  if (!(await findIndustry(tx, industryCode))) {
    throw validationFailed({ industryCode: `行业代码“${industryCode}”不在国民经济行业分类（GB/T 4754-2017）中` });
  }
  const inserted = await tx
    .insert(clusterIndustries)
    .values({ clusterCode: code, industryCode })
    .onConflictDoNothing()
    .returning({ code: clusterIndustries.industryCode });
  if (!inserted.length) throw new AppError('CONFLICT', '该行业已对应此产业集群', { fields: { industryCode: '该行业已对应此产业集群' } });
  await audit.record({
    action: 'create',
    entityType: 'clusterIndustry',
    entityId: `${code}:${industryCode}`,
    after: { clusterCode: code, industryCode },
  });
  return getCluster(tx, code);
}

export async function removeClusterIndustry(tx: Tx, audit: Auditor, code: string, industryCode: string): Promise<Cluster> {
  const removed = await tx
    .delete(clusterIndustries)
    .where(and(eq(clusterIndustries.clusterCode, code), eq(clusterIndustries.industryCode, industryCode)))
    .returning({ code: clusterIndustries.industryCode });
  if (!removed.length) throw notFound('产业集群与行业的对应关系');
  await audit.record({
    action: 'delete',
    entityType: 'clusterIndustry',
    entityId: `${code}:${industryCode}`,
    before: { clusterCode: code, industryCode },
  });
  return getCluster(tx, code);
}

/**
 * Seeds the cluster → industry mapping from the catalogue's crosswalk (server/catalogues/clusters.ts) for
 * clusters that have no industries yet, so the bureau starts from a proposal and edits it; a cluster the
 * bureau has already edited is left alone. For the catalogue loader and the demo; repeatable.
 */
export async function seedClusterIndustries(db: Db | Tx): Promise<number> {
  const mapped = new Set((await db.selectDistinct({ code: clusterIndustries.clusterCode }).from(clusterIndustries)).map((r) => r.code));
  const known = new Set((await db.select({ code: industryClusters.code }).from(industryClusters)).map((r) => r.code));
  const rows = CLUSTERS.filter((c) => known.has(c.code) && !mapped.has(c.code)).flatMap((c) =>
    [...new Set(clusterClasses(c))].map((industryCode) => ({ clusterCode: c.code, industryCode })),
  );
  if (rows.length) await db.insert(clusterIndustries).values(rows).onConflictDoNothing();
  return rows.length;
}
