import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { assess, indicatorDefinition, indicatorGoal, timeShare, CITY } from '../../../core/indicators/index.ts';
import { isDevelopmentZone, overdue, findReport } from '../../../core/supervision/index.ts';
import type { Cockpit, TargetProgress } from '../../../contracts/cockpit.ts';
import { currentPlan } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { cockpitHead, snapshotsOf } from '../repository/indicators.ts';
import { buildLeague } from '../supervision/league.ts';
import { loadSupervision } from '../supervision/world.ts';
import type { SnapshotPayload } from './snapshot.ts';

const unitName = new Map(currentPlan.units.map((u) => [u.code, u.name]));

/**
 * Which scope a cockpit or drill-down request shows: city-wide access may pick a district (or none: the
 * city); a district sees its own district, and another district answers 404.
 */
export async function resolveScope(db: Db, access: Access, districtId: string | undefined): Promise<{ scope: string; name: string }> {
  if (access.kind === 'city' && !districtId) return { scope: CITY, name: '郑州市' };
  const wanted = districtId ?? (access.kind === 'limited' ? access.districtIds[0] : undefined);
  const allowed = access.kind === 'city' || (access.kind === 'limited' && wanted !== undefined && access.districtIds.includes(wanted));
  if (!wanted || !allowed) throw notFound('区县');
  const [d] = await rows<{ name: string }>(db, sql`select name from organisations where id = ${wanted} and kind = 'district'`);
  if (!d) throw notFound('区县');
  return { scope: wanted, name: d.name };
}

/** A target's progress from a snapshot value, judged at `now` (status follows the clock, not the snapshot). */
export function targetProgress(code: string, payload: SnapshotPayload | null, published: boolean, now: Date, scope = CITY): TargetProgress {
  const t = currentPlan.targets.find((x) => x.code === code)!;
  const def = indicatorDefinition(code)!;
  const v = payload?.values[code];
  const value = v?.value ?? null;
  // A district holds part of a city-wide count (100 enterprises for the city, none set per district): shown, not judged.
  const cityTotal = scope !== CITY && t.kind === 'count';
  const timing = { issued: currentPlan.issued, deadline: t.deadline, now, amberRatio: currentPlan.progressStatus.amberRatio };
  const { goal, unit } = indicatorGoal(t, def.method === 'computed' ? def.measuredAs : undefined);
  const a = assess(cityTotal ? null : value, goal, timing);
  return {
    code,
    name: t.name,
    article: t.article,
    kind: t.kind,
    unit,
    comparator: goal.comparator,
    goal: goal.comparator === 'between' ? null : goal.value,
    min: goal.comparator === 'between' ? goal.min : null,
    max: goal.comparator === 'between' ? goal.max : null,
    deadline: t.deadline,
    method: def.method,
    basis: def.basis,
    responsibleUnits: t.responsibleUnits.map((u) => ({ code: u, name: unitName.get(u) ?? u })),
    value,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    ...a,
    measuredAt: v?.measuredAt ?? null,
    trend: v?.trend ?? [],
    published,
    cityTotal,
  };
}

/** Everything the large-screen page shows, read from the latest snapshot plus the (small) supervision tables. */
export async function buildCockpit(db: Db, access: Access, districtId: string | undefined, now: Date): Promise<Cockpit> {
  const { scope, name } = await resolveScope(db, access, districtId);
  const [head, world] = await Promise.all([cockpitHead(db, scope), loadSupervision(db, now)]);
  const run = head.run;
  const snaps = run ? await snapshotsOf(db, run.id, [scope]) : new Map<string, SnapshotPayload>();
  const payload = snaps.get(scope) ?? null;
  const targets = currentPlan.targets.map((t) => targetProgress(t.code, payload, head.published.has(t.code), now, scope));
  const summary = { green: 0, amber: 0, red: 0, unknown: 0 };
  for (const t of targets) summary[t.status] += 1;

  const league = scope === CITY ? await buildLeague(db, now, undefined, world, payload) : null;
  const rank = new Map((league?.items ?? []).map((r) => [r.districtId, { rank: r.rank, total: r.total }]));
  const districtRows =
    scope === CITY
      ? (payload?.districts ?? [])
      : [
          {
            id: scope,
            name,
            code: world.orgs.find((o) => o.id === scope)?.code ?? '',
            values: Object.fromEntries(Object.entries(payload?.values ?? {}).map(([c, v]) => [c, v.value])),
          },
        ];

  const slots = scope === CITY ? world.slots : world.slots.filter((s) => s.districtId === scope);
  const late = overdue(slots, world.periods, world.index, world.today);
  const cur = world.current;
  const inScopeOrgs = new Set(slots.map((s) => s.organisationId));
  const pendingRating = world.reports.filter((r) => r.status === 'submitted' && inScopeOrgs.has(r.organisationId)).length;
  const pendingReview = head.pendingReview;

  return {
    plan: {
      id: currentPlan.id,
      document: currentPlan.document,
      title: currentPlan.title,
      issued: currentPlan.issued,
      horizon: currentPlan.horizon,
    },
    scope: { kind: scope === CITY ? 'city' : 'district', districtId: scope === CITY ? null : scope, name },
    computedAt: run?.finishedAt?.toISOString() ?? null,
    runId: run?.id ?? null,
    elapsed: Math.round(timeShare(currentPlan.issued, currentPlan.horizon, now) * 10_000) / 10_000,
    summary,
    targets,
    districts: districtRows.map((d) => ({ ...d, devZone: isDevelopmentZone(d.code), league: rank.get(d.id) ?? null })),
    clusters: payload?.clusters ?? [],
    supervision: {
      period: cur ? { key: cur.key, label: cur.label, due: cur.due } : null,
      expected: cur ? slots.length : 0,
      submitted: cur ? slots.filter((s) => findReport(world.index, s, cur.key)).length : 0,
      overdue: late.length,
      pendingRating,
      pendingReview,
    },
    alerts: alertsOf(targets, late, world.orgs, pendingRating, pendingReview, run === null),
  };
}

function alertsOf(
  targets: TargetProgress[],
  late: ReturnType<typeof overdue>,
  orgs: ReadonlyArray<{ id: string; name: string }>,
  pendingRating: number,
  pendingReview: number,
  noSnapshot: boolean,
): Cockpit['alerts'] {
  const alerts: Cockpit['alerts'] = [];
  if (noSnapshot) alerts.push({ level: 'info', kind: 'noSnapshot', message: '指标正在首次计算，请稍后刷新' });
  for (const t of targets.filter((x) => x.status === 'red')) {
    alerts.push({
      level: 'red',
      kind: 'indicator',
      code: t.code,
      message: `${t.name}：现值${t.value ?? '—'}${t.unit}，完成度${pct(t.progress)}，落后于时间进度${pct(t.elapsed)}`,
    });
  }
  for (const t of targets.filter((x) => x.status === 'amber')) {
    alerts.push({
      level: 'amber',
      kind: 'indicator',
      code: t.code,
      message: `${t.name}：完成度${pct(t.progress)}，略低于时间进度${pct(t.elapsed)}`,
    });
  }
  const byOrg = new Map<string, number>();
  for (const l of late) byOrg.set(l.slot.organisationId, (byOrg.get(l.slot.organisationId) ?? 0) + 1);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  for (const [id, count] of [...byOrg].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    alerts.push({ level: 'amber', kind: 'overdue', count, message: `${names.get(id) ?? '未知单位'}：${count}份任务进展报告逾期未报送` });
  }
  if (pendingRating)
    alerts.push({ level: 'info', kind: 'pendingRating', count: pendingRating, message: `${pendingRating}份进展报告待评分` });
  if (pendingReview)
    alerts.push({ level: 'info', kind: 'pendingReview', count: pendingReview, message: `${pendingReview}项指标填报待审核` });
  return alerts;
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
