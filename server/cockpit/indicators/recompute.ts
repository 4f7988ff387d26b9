import { todayOf } from '../../../core/calendar.ts';
import { systemClock } from '../../platform/clock.ts';
import { desc, eq, sql } from 'drizzle-orm';
import {
  CITY,
  INDICATOR_DEFINITIONS,
  measure,
  mergeTrend,
  monthOf,
  reportedCityValue,
  type ScopeKey,
} from '../../../core/indicators/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { indicatorRuns, indicatorSnapshots, indicatorValues } from '../../platform/db/schema/index.ts';
import type { SnapshotCluster, SnapshotPayload, SnapshotValue } from './snapshot.ts';
import { practiceCheckOn } from './practice-sql.ts';
import { registerTallies, storePracticeDays, type Tallies } from './tallies.ts';
import { registryFiguresByDistrict } from './registry-figures.ts';

/** Statuses of a carrier that the cluster figures count: built and working (or certified). */
const WORKING_CARRIERS = new Set(['operating', 'certified']);

interface AcceptedReport {
  id: string;
  code: string;
  districtId: string | null;
  value: number;
  measuredOn: string;
}

type Progress = (done: number, total: number, message: string) => Promise<void>;

/**
 * One recompute run: counts the register once, takes the bureau-accepted reported values, and stores
 * every indicator city-wide and per district (history) plus one rolled-up snapshot per scope, all in one
 * transaction so a reader never sees half a run. Returns the run's size and duration.
 */
export async function recomputeIndicators(db: Db, opts: { now: Date; jobId?: string | null; progress?: Progress }) {
  const t0 = performance.now();
  const progress: Progress = opts.progress ?? (async () => {});
  const total = 4;
  await progress(0, total, '正在统计登记数据');
  const practice = currentPlan.rules.practice_teaching_share;
  const today = todayOf(opts.now);
  const practiceShareMin = practice?.kind === 'share' ? practice.value : 0.5;
  const [tallies, registry] = await Promise.all([
    registerTallies(db, practiceShareMin, Number(today.slice(0, 4))),
    registryFiguresByDistrict(db, practiceShareMin),
  ]);

  await progress(1, total, '正在读取填报数据和上次快照');
  const [reports, districts, clusterNames, previous] = await Promise.all([
    rows<AcceptedReport>(
      db,
      sql`
      select distinct on (code, coalesce(district_id::text, 'city')) id, code, district_id as "districtId", value, measured_on::text as "measuredOn"
      from indicator_reports where status = 'accepted'
      order by code, coalesce(district_id::text, 'city'), measured_on desc, reviewed_at desc`,
    ),
    rows<{ id: string; name: string; code: string }>(
      db,
      sql`
      select id, name, code from organisations where kind = 'district' and status <> 'archived' order by code`,
    ),
    rows<{ code: string; name: string }>(db, sql`select code, name from industry_clusters order by sort_order, code`),
    previousSnapshots(db),
  ]);

  await progress(2, total, '正在计算指标并保存快照');
  const now = opts.now;
  const month = monthOf(now);
  const scopes: ScopeKey[] = [CITY, ...districts.map((d) => d.id)];
  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(indicatorRuns)
      .values({ jobId: opts.jobId ?? null, startedAt: now })
      .returning({ id: indicatorRuns.id });
    // The per-teacher practice days are stored with the run first: the indicator counts them, the drill-down lists them.
    tallies.teachers = await storePracticeDays(tx, run!.id, practiceCheckOn(today), tallies.teachers);
    const payloads = scopes.map((scope): SnapshotPayload => ({
      scope,
      measuredAt: now.toISOString(),
      values: Object.fromEntries(
        INDICATOR_DEFINITIONS.map((def) => {
          const v = valueOf(def.code, scope, tallies, reports);
          const trend = mergeTrend(previous.get(scope)?.[def.code]?.trend ?? [], month, v.value);
          return [def.code, { ...v, measuredAt: v.measuredAt ?? (v.value === null ? null : now.toISOString()), trend }];
        }),
      ),
      clusters: clusterFigures(tallies, scope, clusterNames),
    }));
    const city = payloads[0]!;
    city.districts = districts.map((d, i) => ({
      ...d,
      values: Object.fromEntries(Object.entries(payloads[i + 1]!.values).map(([code, v]) => [code, v.value])),
    }));
    city.registry = registry;
    const values = payloads.flatMap((p) =>
      Object.entries(p.values).map(([code, v]) => ({
        code,
        scope: p.scope,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        measuredAt: new Date(v.measuredAt ?? now.toISOString()),
        source: v.source,
        reportId: v.reportId,
        runId: run!.id,
      })),
    );
    for (let i = 0; i < values.length; i += 500) await tx.insert(indicatorValues).values(values.slice(i, i + 500));
    await tx.insert(indicatorSnapshots).values(payloads.map((p) => ({ runId: run!.id, scope: p.scope, payload: p })));
    const durationMs = Math.round(performance.now() - t0);
    await tx.update(indicatorRuns).set({ status: 'done', finishedAt: systemClock(), durationMs }).where(eq(indicatorRuns.id, run!.id));
    return run!.id;
  });
  await progress(total, total, '指标已重算');
  return {
    runId,
    scopes: scopes.length,
    values: scopes.length * INDICATOR_DEFINITIONS.length,
    durationMs: Math.round(performance.now() - t0),
  };
}

function valueOf(code: string, scope: ScopeKey, tallies: Tallies, reports: readonly AcceptedReport[]): Omit<SnapshotValue, 'trend'> {
  const def = INDICATOR_DEFINITIONS.find((d) => d.code === code)!;
  if (def.method === 'computed') {
    const m = measure(def.source, tallies, scope);
    return {
      value: m.value,
      numerator: m.numerator ?? null,
      denominator: m.denominator ?? null,
      source: 'computed',
      reportId: null,
      measuredAt: null,
    };
  }
  const mine = reports.filter((r) => r.code === code);
  const own = mine.find((r) => (scope === CITY ? r.districtId === null : r.districtId === scope));
  if (scope !== CITY || own) {
    return {
      value: own?.value ?? null,
      numerator: null,
      denominator: null,
      source: 'reported',
      reportId: own?.id ?? null,
      measuredAt: own ? `${own.measuredOn}T00:00:00+08:00` : null,
    };
  }
  const kind = currentPlan.targets.find((t) => t.code === code)?.kind ?? 'count';
  const fromDistricts = mine.filter((r) => r.districtId !== null);
  const latest = fromDistricts
    .map((r) => r.measuredOn)
    .sort()
    .at(-1);
  return {
    value: reportedCityValue(
      kind,
      null,
      fromDistricts.map((r) => r.value),
    ),
    numerator: null,
    denominator: null,
    source: 'reported',
    reportId: null,
    measuredAt: latest ? `${latest}T00:00:00+08:00` : null,
  };
}

function clusterFigures(t: Tallies, scope: ScopeKey, names: ReadonlyArray<{ code: string; name: string }>): SnapshotCluster[] {
  const inScope = <T extends { districtId: string | null }>(xs: readonly T[]) =>
    scope === CITY ? xs : xs.filter((x) => x.districtId === scope);
  const enterprises = inScope(t.clusters);
  const carriers = inScope(t.carriers).filter((c) => WORKING_CARRIERS.has(c.status));
  return names.map((c) => ({
    code: c.code,
    name: c.name,
    enterprises: enterprises.filter((e) => e.clusterCode === c.code).reduce((a, e) => a + e.enterprises, 0),
    certifiedEnterprises: enterprises.filter((e) => e.clusterCode === c.code).reduce((a, e) => a + e.certified, 0),
    carriers: carriers.filter((x) => x.clusterCode === c.code).reduce((a, x) => a + x.n, 0),
  }));
}

/** The values (with trends) of the last finished run, per scope, to carry the monthly trends forward. */
async function previousSnapshots(db: Db): Promise<Map<string, SnapshotPayload['values']>> {
  const [run] = await db
    .select({ id: indicatorRuns.id })
    .from(indicatorRuns)
    .where(eq(indicatorRuns.status, 'done'))
    .orderBy(desc(indicatorRuns.finishedAt))
    .limit(1);
  if (!run) return new Map();
  const snaps = await db
    .select({ scope: indicatorSnapshots.scope, payload: indicatorSnapshots.payload })
    .from(indicatorSnapshots)
    .where(eq(indicatorSnapshots.runId, run.id));
  return new Map(snaps.map((s) => [s.scope, (s.payload as SnapshotPayload).values]));
}
