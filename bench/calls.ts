/**
 * Issue 15's benchmark, on the PostgreSQL server at BENCH_DATABASE_URL (in a schema of its own, dropped afterwards),
 * over real HTTP against the app: a call with 2,000 submitted applications (each with one or two confirmed
 * enterprise partners) and a pool of 200 experts, many of them conflicted (working for an applicant or a partner,
 * for a carrier partner of an applicant, or for an organisation that applied together with one the year before).
 *
 *  - review_open: POST /api/calls/:id/review — the 2,000 applications snapshotted into a review round;
 *  - assignment: POST /api/review-rounds/:id/assignment — 5 experts per application, every conflict excluded,
 *    load balanced (min-cost flow), 10,000 rows written; checked afterwards: no conflicted pair, max − min load;
 *  - results: GET /api/review-rounds/:id — every sheet's total, each application's trimmed mean, outliers, ranking;
 *  - ranking: GET /api/calls/:id/ranking; decide: POST /api/calls/:id/decisions (200 awards within the budget).
 * Anchors measured in the same run: GET /api/auth/me (the floor of a signed-in request, median of 20), and the SQL
 * that reads the same 10,000 sheets grouped by application. Prints one JSON line with the load average.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chanjiao_bench node bench/calls.ts
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { todayOf } from '../core/calendar.ts';
import { conflictsOf, relationMap, type ConflictData } from '../core/expert-review/index.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import {
  callApplicationPartners,
  callApplications,
  calls,
  carrierPartners,
  carriers,
  experts,
  memberships,
  organisations,
  reviewRounds,
  reviewSubjects,
  schools,
  users,
} from '../server/platform/db/schema/index.ts';
import { loadConfig } from '../server/platform/config.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import { listen } from '../test/support/server.ts';
import { TestClient } from '../test/support/client.ts';
import { report } from '../test/support/process.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'calls', skipped: 'BENCH_DATABASE_URL is not set' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('refusing: the database name must contain "bench"');

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS || 2000);
const EXPERTS = Number(process.env.BENCH_EXPERTS || 200);
const ENTERPRISES = 600;
const tag = crypto.randomBytes(4).toString('hex');
const schema = `bench_calls_${tag}`;
const password = `Bench-${tag}-9a`;
const DAY = 86_400_000;

// A fixed pseudo-random sequence: the same world each run.
let seed = 42;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

async function chunks<T>(rows: T[], size: number, fn: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

const database = await openDatabase({ databaseUrl: url, schema, poolSize: 10 });
const config = loadConfig({ DATA_DIR: os.tmpdir(), SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
const server = await listen({ database, config, pii: createPiiCipher(Buffer.alloc(32, 7)), now: () => new Date(), pokeJobs: () => {} });
try {
  const db = database.db;
  const t0 = performance.now();
  const [district] = await db
    .insert(organisations)
    .values({ kind: 'district', name: '基准区', code: `B-D-${tag}` })
    .returning();
  const [bureau] = await db
    .insert(organisations)
    .values({ kind: 'bureau', name: '基准市教育局', code: `B-B-${tag}`, districtId: district!.id })
    .returning();
  const schoolRows = Array.from({ length: APPLICATIONS }, (_, i) => ({
    kind: 'school' as const,
    name: `基准职业学院${i}`,
    code: `B-S-${tag}-${i}`,
    districtId: district!.id,
  }));
  const schoolIds: string[] = [];
  await chunks(schoolRows, 1000, async (part) =>
    schoolIds.push(...(await db.insert(organisations).values(part).returning({ id: organisations.id })).map((r) => r.id)),
  );
  await chunks(schoolIds, 1000, (part) =>
    db.insert(schools).values(part.map((id) => ({ organisationId: id, level: 'higher' as const, ownership: 'public' as const }))),
  );
  const entIds = (
    await db
      .insert(organisations)
      .values(
        Array.from({ length: ENTERPRISES }, (_, i) => ({
          kind: 'enterprise' as const,
          name: `基准企业${i}`,
          code: `B-E-${tag}-${i}`,
          districtId: district!.id,
        })),
      )
      .returning({ id: organisations.id })
  ).map((r) => r.id);
  const hash = await hashPassword(password);
  const [admin] = await db
    .insert(users)
    .values({ username: `bench_admin_${tag}`, displayName: '基准管理员', passwordHash: hash, mustChangePassword: false })
    .returning();
  await db.insert(memberships).values({ userId: admin!.id, organisationId: bureau!.id, role: 'city_admin' });

  // Applications: each school applies with one or two enterprise partners (confirmed).
  const today = todayOf(new Date());
  const [call] = await db
    .insert(calls)
    .values({
      kind: 'collaborative_project',
      title: '基准批次',
      organisationId: bureau!.id,
      opensOn: todayOf(new Date(Date.now() - 40 * DAY)),
      closesOn: todayOf(new Date(Date.now() - DAY)),
      budgetYuan: 100_000_000,
      status: 'open',
    })
    .returning();
  const partnersOf: string[][] = schoolIds.map(() => (rnd() < 0.5 ? [pick(entIds)] : [...new Set([pick(entIds), pick(entIds)])]));
  const appIds: string[] = [];
  await chunks(
    schoolIds.map((id, i) => ({
      callId: call!.id,
      applicantOrganisationId: id,
      districtId: district!.id,
      title: `协同育人项目${i}`,
      requestedYuan: 200_000 + Math.floor(rnd() * 300_000),
      sections: { proposal: '建设内容'.repeat(10), agreement: '合作协议'.repeat(10) },
      status: 'submitted' as const,
      submittedAt: new Date(),
    })),
    1000,
    async (part) =>
      appIds.push(...(await db.insert(callApplications).values(part).returning({ id: callApplications.id })).map((r) => r.id)),
  );
  await chunks(
    appIds.flatMap((id, i) =>
      partnersOf[i]!.map((org) => ({ applicationId: id, organisationId: org, part: '共建实训基地', confirmedAt: new Date() })),
    ),
    1000,
    (part) => db.insert(callApplicationPartners).values(part),
  );
  // Carriers: 300 industry colleges, a school leading with an enterprise partner (partner conflicts).
  const carrierPairs: [string, string][] = Array.from({ length: 300 }, () => [pick(schoolIds), pick(entIds)]);
  const carrierIds = (
    await db
      .insert(carriers)
      .values(
        carrierPairs.map(([lead], i) => ({
          kind: 'industryCollege' as const,
          name: `基准产业学院${i}`,
          level: 'city' as const,
          leadOrganisationId: lead,
          districtId: district!.id,
        })),
      )
      .returning({ id: carriers.id })
  ).map((r) => r.id);
  await db.insert(carrierPartners).values(carrierPairs.map(([, ent], i) => ({ carrierId: carrierIds[i]!, organisationId: ent })));
  // Last year's round: 500 joint applications (recent co-applicant conflicts).
  const [earlier] = await db
    .insert(reviewRounds)
    .values({
      ownerKind: 'call',
      ownerId: crypto.randomUUID(),
      organisationId: bureau!.id,
      title: '上年批次',
      rubric: [],
      aggregation: 'mean',
      expertsPerSubject: 3,
      blind: true,
      status: 'closed',
      heldOn: todayOf(new Date(Date.now() - 300 * DAY)),
    })
    .returning();
  const coPairs: [string, string][] = Array.from({ length: 500 }, () => [pick(schoolIds), pick(entIds)]);
  await db.insert(reviewSubjects).values(
    coPairs.map((pair) => ({
      roundId: earlier!.id,
      subjectKind: 'call_application',
      subjectId: crypto.randomUUID(),
      title: '上年项目',
      summary: '',
      applicantOrganisationIds: pair,
      applicantNames: '',
    })),
  );
  // The pool: 40 experts at applicant schools, 120 at enterprises (many of them partners), 40 from outside the register.
  const expertOrgs: (string | null)[] = Array.from({ length: EXPERTS }, (_, i) =>
    i < 40 ? pick(schoolIds) : i < 160 ? pick(entIds) : null,
  );
  const expertUsers = (
    await db
      .insert(users)
      .values(
        expertOrgs.map((_, i) => ({
          username: `bench_expert_${tag}_${i}`,
          displayName: `专家${i}`,
          passwordHash: hash,
          mustChangePassword: false,
        })),
      )
      .returning({ id: users.id })
  ).map((r) => r.id);
  await db.insert(memberships).values(
    expertOrgs.map((org, i) => ({
      userId: expertUsers[i]!,
      organisationId: org ?? bureau!.id,
      role:
        org === null
          ? ('department' as const)
          : org.length && schoolIds.includes(org)
            ? ('teacher' as const)
            : ('enterprise_admin' as const),
    })),
  );
  await db.insert(experts).values(expertOrgs.map((org, i) => ({ userId: expertUsers[i]!, organisationId: org, fields: ['equipment'] })));
  const setupMs = ms(t0);

  const c = new TestClient(server.url);
  await c.login(`bench_admin_${tag}`, password);
  // Anchor 1: the floor of a signed-in request.
  const me: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await c.get('/api/auth/me');
    me.push(performance.now() - t);
  }
  me.sort((a, b) => a - b);
  const anchorMe = Math.round(me[10]! * 10) / 10;

  let t = performance.now();
  const opened = await c.post(`/api/calls/${call!.id}/review`, { version: call!.version });
  const reviewOpenMs = ms(t);
  if (opened.status !== 200) throw new Error(`review: ${opened.status} ${JSON.stringify(opened.body)}`);
  const roundId = opened.body.reviewRoundId as string;

  t = performance.now();
  const assigned = await c.post(`/api/review-rounds/${roundId}/assignment`, { version: 1 });
  const assignmentMs = ms(t);
  if (assigned.status !== 200) throw new Error(`assignment: ${assigned.status} ${JSON.stringify(assigned.body)}`);

  // Verify every pair against the conflict rules from the same facts.
  const conflictData: ConflictData = { partners: relationMap(carrierPairs), recentCoApplicants: relationMap(coPairs) };
  const check = await db.execute<{ applicants: string[]; organisation_id: string | null; expert_id: string }>(sql`
    select s.applicant_organisation_ids as applicants, e.organisation_id, e.id as expert_id
    from review_assignments a join review_subjects s on s.id = a.review_subject_id join experts e on e.id = a.expert_id where a.round_id = ${roundId}`);
  const pairs = (check as unknown as { rows: { applicants: string[]; organisation_id: string | null; expert_id: string }[] }).rows;
  let conflictedAssigned = 0;
  const loads = new Map<string, number>();
  for (const p of pairs) {
    if (
      conflictsOf(
        { id: p.expert_id, organisationId: p.organisation_id, fields: [] },
        { ref: { kind: 'x', id: 'x' }, applicantOrganisationIds: p.applicants, field: null },
        conflictData,
      ).length
    )
      conflictedAssigned++;
    loads.set(p.expert_id, (loads.get(p.expert_id) ?? 0) + 1);
  }

  // Every expert submits (directly in SQL: the bench measures aggregation, not 10,000 HTTP requests): a few far off.
  await db.execute(sql`
    update review_assignments set
      scores = jsonb_build_object('need', 15, 'plan', 20, 'partners', 15, 'team', 10, 'outcome', 10),
      total = case when random() < 0.03 then 10 + floor(random() * 20) else 55 + floor(random() * 40) end,
      comment = '基准评审意见', submitted_at = now(), version = version + 1
    where round_id = ${roundId}`);

  // Anchor 2: the same sheets, grouped per application in SQL.
  t = performance.now();
  await db.execute(sql`select review_subject_id, avg(total), count(*) from review_assignments where round_id = ${roundId} group by 1`);
  const anchorSql = ms(t);

  t = performance.now();
  const results = await c.get(`/api/review-rounds/${roundId}`);
  const resultsMs = ms(t);
  t = performance.now();
  const ranking = await c.get(`/api/calls/${call!.id}/ranking`);
  const rankingMs = ms(t);
  const top = (ranking.body.items as { applicationId: string; requestedYuan: number; rank: number | null }[])
    .filter((i) => i.rank !== null)
    .slice(0, 200);
  t = performance.now();
  const decided = await c.post(`/api/calls/${call!.id}/decisions`, {
    version: ranking.body.version,
    awards: top.map((i) => ({ applicationId: i.applicationId, amountYuan: i.requestedYuan })),
  });
  const decideMs = ms(t);
  if (decided.status !== 200) throw new Error(`decide: ${decided.status} ${JSON.stringify(decided.body).slice(0, 300)}`);

  const loadList = [...loads.values()];
  report({
    bench: 'calls',
    engine: 'postgres',
    applications: APPLICATIONS,
    experts: EXPERTS,
    per_application: 5,
    setup_ms: setupMs,
    review_open_ms: reviewOpenMs,
    assignment_ms: assignmentMs,
    assigned: assigned.body.assigned,
    conflict_pairs_excluded: assigned.body.conflictsExcluded,
    conflicted_assigned: conflictedAssigned,
    experts_used: loads.size,
    load_min: Math.min(...loadList),
    load_max: Math.max(...loadList),
    results_ms: resultsMs,
    results_bytes: JSON.stringify(results.body).length,
    outliers_flagged: (results.body.subjects as { sheets: { outlier: boolean }[] }[]).reduce(
      (n, s) => n + s.sheets.filter((x) => x.outlier).length,
      0,
    ),
    ranking_ms: rankingMs,
    decide_ms: decideMs,
    anchor_auth_me_median_ms: anchorMe,
    anchor_sql_group_sheets_ms: anchorSql,
    loadavg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    today,
  });
} finally {
  await server.close();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
