import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { indicatorPublications, indicatorRuns, indicatorSnapshots, indicatorValues } from '../../platform/db/schema/index.ts';
import type { SnapshotPayload } from '../indicators/snapshot.ts';

/** The last finished recompute run, or null before the first. */
export async function latestRun(db: Db) {
  const [run] = await db
    .select({ id: indicatorRuns.id, finishedAt: indicatorRuns.finishedAt })
    .from(indicatorRuns)
    .where(eq(indicatorRuns.status, 'done'))
    .orderBy(desc(indicatorRuns.finishedAt))
    .limit(1);
  return run ?? null;
}

/**
 * Snapshot documents never change once their run is done, so each process keeps the recent ones: the
 * cockpit then costs one small query (which run is latest) instead of fetching ~25 kB of JSON per request.
 * Still stateless in the sense that matters: any server answers the same, the database stays the truth.
 */
const cache = new Map<string, SnapshotPayload>();
const CACHE_MAX = 64;

/** The snapshot documents of a run for the given scopes (`city` or district ids). */
export async function snapshotsOf(db: Db, runId: string, scopes: string[]): Promise<Map<string, SnapshotPayload>> {
  const out = new Map<string, SnapshotPayload>();
  const missing = scopes.filter((scope) => {
    const hit = cache.get(`${runId}|${scope}`);
    if (hit) out.set(scope, hit);
    return !hit;
  });
  if (!missing.length) return out;
  const found = await db
    .select({ scope: indicatorSnapshots.scope, payload: indicatorSnapshots.payload })
    .from(indicatorSnapshots)
    .where(and(eq(indicatorSnapshots.runId, runId), inArray(indicatorSnapshots.scope, missing)));
  for (const f of found) {
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(`${runId}|${f.scope}`, f.payload as SnapshotPayload);
    out.set(f.scope, f.payload as SnapshotPayload);
  }
  return out;
}

/**
 * What every cockpit request needs besides the snapshot, in one round trip: the latest finished run, the
 * publication flags, and the indicator reports waiting for review in the scope.
 */
export async function cockpitHead(db: Db, scope: string) {
  const [row] = await rows<{ runId: string | null; finishedAt: Date | string | null; published: string[] | null; pendingReview: number }>(
    db,
    sql`
    select r.id as "runId", r.finished_at as "finishedAt",
      (select array_agg(code) from indicator_publications where published) as published,
      (select count(*)::int from indicator_reports where status = 'submitted' and (${scope} = 'city' or district_id::text = ${scope})) as "pendingReview"
    from (select 1) one
    left join lateral (select id, finished_at from indicator_runs where status = 'done' order by finished_at desc limit 1) r on true`,
  );
  return {
    run: row?.runId ? { id: row.runId, finishedAt: new Date(row.finishedAt!) } : null,
    published: new Set(row?.published ?? []),
    pendingReview: row?.pendingReview ?? 0,
  };
}

/** The latest snapshot of one scope with when it was computed. */
export async function latestSnapshot(db: Db, scope: string) {
  const run = await latestRun(db);
  if (!run) return null;
  const payload = (await snapshotsOf(db, run.id, [scope])).get(scope) ?? null;
  return payload ? { runId: run.id, computedAt: run.finishedAt!.toISOString(), payload } : null;
}

export async function publications(db: Db): Promise<Map<string, { published: boolean; version: number }>> {
  const found = await db
    .select({ code: indicatorPublications.code, published: indicatorPublications.published, version: indicatorPublications.version })
    .from(indicatorPublications);
  return new Map(found.map((p) => [p.code, { published: p.published, version: p.version }]));
}

/** Publishes or withdraws an indicator on the public statistics page; audited with before and after. */
export async function setPublication(tx: Tx, audit: Auditor, code: string, published: boolean, userId: string, now: Date) {
  const [before] = await tx.select().from(indicatorPublications).where(eq(indicatorPublications.code, code));
  const [after] = await tx
    .insert(indicatorPublications)
    .values({ code, published, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: indicatorPublications.code,
      set: { published, updatedBy: userId, updatedAt: now, version: sql`${indicatorPublications.version} + 1` },
    })
    .returning();
  await audit.record({
    action: published ? 'indicator.publish' : 'indicator.unpublish',
    entityType: 'indicator',
    entityId: code,
    before: { published: before?.published ?? false },
    after: { published },
  });
  return { code, published: after!.published, version: after!.version };
}

/** The history of one indicator in one scope, newest first (index indicator_values_code_scope_idx). */
export async function valueHistory(db: Db, code: string, scope: string, limit: number) {
  const found = await db
    .select({
      value: indicatorValues.value,
      numerator: indicatorValues.numerator,
      denominator: indicatorValues.denominator,
      measuredAt: indicatorValues.measuredAt,
      source: indicatorValues.source,
      reportId: indicatorValues.reportId,
    })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.code, code), eq(indicatorValues.scope, scope)))
    .orderBy(desc(indicatorValues.measuredAt), desc(indicatorValues.id))
    .limit(limit);
  return found.map((v) => ({ ...v, measuredAt: v.measuredAt.toISOString() }));
}
