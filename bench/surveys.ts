/**
 * Issue 17 item 2's benchmark (满意度调查), on the PostgreSQL server at BENCH_DATABASE_URL (in a schema of its own,
 * dropped afterwards), at city scale: 500,000 students with accounts in 200 schools (BENCH_STUDENTS, BENCH_SCHOOLS).
 *
 *  - open: POST /api/surveys/rounds — the bureau's city-wide round: every student invited and notified, one transaction;
 *  - answering: anonymous answers through the capability's own `answer` (invitation read, rules, participation key
 *    insert under its primary key, answer insert, audit row), 8 at a time, in answers/s; then every one of them again
 *    (all refused ALREADY_ANSWERED, counted); anchor: the same number of bare answer-row inserts, 8 at a time;
 *  - results at city scale, after half the city's answers are added in bulk: GET /api/surveys/rounds/:id (per school:
 *    invited, answered, score), surveyScoresBySchool (every school, every kind), surveyFeedbackForSchool (one school);
 *    anchor: a full count of the answers table.
 * Prints one JSON line with the load average.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/chanjiao_bench node bench/surveys.ts
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { todayOf } from '../core/calendar.ts';
import { surveysPolicy } from '../policy/index.ts';
import { createAuditor } from '../server/platform/audit/auditor.ts';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase, rows } from '../server/platform/db/engine.ts';
import { memberships, organisations, schools, users } from '../server/platform/db/schema/index.ts';
import { createPiiCipher } from '../server/platform/pii.ts';
import { answer, surveyFeedbackForSchool, surveyScoresBySchool } from '../server/surveys/index.ts';
import { TestClient } from '../test/support/client.ts';
import { report } from '../test/support/process.ts';
import { listen } from '../test/support/server.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  report({ bench: 'surveys', skipped: 'BENCH_DATABASE_URL is not set' });
  process.exit(0);
}
if (!new URL(url).pathname.includes('bench')) throw new Error('refusing: the database name must contain "bench"');

const STUDENTS = Number(process.env.BENCH_STUDENTS || 500_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS || 200);
const ANSWERS = Number(process.env.BENCH_ANSWERS || 2000);
const PARALLEL = 8;
const tag = crypto.randomBytes(4).toString('hex');
const schema = `bench_surveys_${tag}`;
const password = `Bench-${tag}-9a`;
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const perSecond = (n: number, millis: number) => Math.round((n / millis) * 1000);

/** Runs `fn` over items, `PARALLEL` at a time. */
async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const pii = createPiiCipher(Buffer.alloc(32, 7));
const database = await openDatabase({ databaseUrl: url, schema, poolSize: PARALLEL + 2 });
const config = loadConfig({ DATA_DIR: os.tmpdir(), SEED_DEMO: 'false', LOG_LEVEL: 'warn' });
const server = await listen({ database, config, pii, now: () => new Date(), pokeJobs: () => {} });
try {
  const db = database.db;
  let t = performance.now();
  const [district] = await db
    .insert(organisations)
    .values({ kind: 'district', name: '基准区', code: `B-D-${tag}` })
    .returning();
  const [bureau] = await db
    .insert(organisations)
    .values({ kind: 'bureau', name: '基准市教育局', code: `B-B-${tag}`, districtId: district!.id })
    .returning();
  const schoolIds = (
    await db
      .insert(organisations)
      .values(
        Array.from({ length: SCHOOLS }, (_, i) => ({
          kind: 'school' as const,
          name: `基准学校${i}`,
          code: `B-S-${tag}-${i}`,
          districtId: district!.id,
        })),
      )
      .returning({ id: organisations.id })
  ).map((r) => r.id);
  await db
    .insert(schools)
    .values(schoolIds.map((id) => ({ organisationId: id, level: 'secondary' as const, ownership: 'public' as const })));
  const hash = await hashPassword(password);
  const [admin] = await db
    .insert(users)
    .values({ username: `bench_admin_${tag}`, displayName: '基准管理员', passwordHash: hash, mustChangePassword: false })
    .returning();
  await db.insert(memberships).values({ userId: admin!.id, organisationId: bureau!.id, role: 'city_admin' });
  // The students and their accounts, set-based (the account's id is the student's number's; the school round-robin).
  const ids = sql.join(
    schoolIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`insert into users (username, display_name, password_hash, must_change_password)
    select 'bench_stu_' || ${tag} || '_' || g, '学生' || g, ${hash}, false from generate_series(1, ${STUDENTS}) g`);
  await db.execute(sql`insert into students (school_id, user_id, name, cohort, birth_date, sex, id_number_cipher, id_number_index, id_number_masked)
    select (array[${ids}])[1 + (g % ${SCHOOLS})], u.id, u.display_name, 2024, '2007-05-01', 'female', 'x', 'bench-' || ${tag} || '-' || g, '****'
    from generate_series(1, ${STUDENTS}) g join users u on u.username = 'bench_stu_' || ${tag} || '_' || g`);
  await db.execute(sql`analyze`);
  const setupMs = ms(t);

  const c = new TestClient(server.url);
  await c.login(`bench_admin_${tag}`, password);
  const year = Number(todayOf(new Date()).slice(0, 4));
  const closesOn = `${year + 1}-01-31`;
  t = performance.now();
  const opened = await c.post('/api/surveys/rounds', { kind: 'student_satisfaction', year, closesOn });
  const openMs = ms(t);
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const roundId = opened.body.id as string;

  // Answering: the first ANSWERS invitations, through the capability's answer (uniqueness included).
  const invited = await rows<{ id: string; userId: string }>(
    db,
    sql`select id, user_id as "userId" from survey_invitations where round_id = ${roundId} order by id limit ${ANSWERS}`,
  );
  const values = Object.fromEntries(surveysPolicy.kinds.student_satisfaction.questions.map((q, i) => [q.code, 1 + (i % 5)]));
  const now = new Date();
  const answerOnce = (inv: { id: string; userId: string }) =>
    db.transaction((tx) =>
      answer(
        tx,
        createAuditor(tx, { actorUserId: inv.userId, actorName: null, actorOrganisationId: null, requestId: null }),
        pii,
        inv.userId,
        inv.id,
        { values, freeText: '实训条件很好' },
        now,
      ),
    );
  t = performance.now();
  await inParallel(invited, async (inv) => void (await answerOnce(inv)));
  const answeringMs = ms(t);
  let refused = 0;
  t = performance.now();
  await inParallel(invited, async (inv) => {
    try {
      await answerOnce(inv);
    } catch (e) {
      if ((e as { code?: string }).code === 'ALREADY_ANSWERED') refused++;
      else throw e;
    }
  });
  const secondMs = ms(t);
  // Anchor: the bare answer row, as many, as parallel.
  t = performance.now();
  await inParallel(invited, async () => {
    await db.transaction((tx) =>
      tx.execute(sql`insert into survey_answers (round_id, school_id, values, score, free_text)
        values (${roundId}, ${schoolIds[0]!}, ${JSON.stringify(values)}::jsonb, 50, null)`),
    );
  });
  const anchorInsertMs = ms(t);
  await db.execute(sql`delete from survey_answers where round_id = ${roundId} and score = 50 and free_text is null`);

  // Half the city answers (in bulk), then the results at city scale.
  await db.execute(sql`insert into survey_answers (round_id, school_id, values, score, free_text)
    select ${roundId}, i.school_id, jsonb_build_object('teaching', 1 + g % 5, 'practice', 1 + (g / 5) % 5, 'teachers', 3, 'enterprise', 4, 'services', 1 + (g / 25) % 5),
      (((g % 5) + ((g / 5) % 5) + 2 + 3 + ((g / 25) % 5)) * 25.0 / 5)::real, case when g % 10 = 0 then '建议' || (g % 7) end
    from (select school_id, row_number() over (order by id) as g from survey_invitations where round_id = ${roundId} offset ${ANSWERS}) i
    where i.g % 2 = 0`);
  await db.execute(sql`analyze survey_answers`);
  const [{ n: answers }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from survey_answers`)) as [{ n: number }];
  const timed = async (fn: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await fn();
      runs.push(ms(t0));
    }
    return runs.sort((a, b) => a - b)[1]!;
  };
  const resultsMs = await timed(async () => {
    const r = await c.get(`/api/surveys/rounds/${roundId}`);
    if (r.status !== 200 || r.body.schools.length !== SCHOOLS) throw new Error(`results: ${r.status}`);
  });
  const scoresMs = await timed(() => surveyScoresBySchool(db, year));
  const feedbackMs = await timed(() => surveyFeedbackForSchool(db, schoolIds[1]!, year));
  const anchorCountMs = await timed(() => db.execute(sql`select count(*) from survey_answers`));

  report({
    bench: 'surveys',
    engine: 'postgres',
    students: STUDENTS,
    schools: SCHOOLS,
    setupMs,
    open: { ms: openMs, invited: opened.body.invited },
    answering: {
      answers: invited.length,
      ms: answeringMs,
      perSecond: perSecond(invited.length, answeringMs),
      secondAttempts: { refused, ms: secondMs, perSecond: perSecond(invited.length, secondMs) },
      anchorBareInsertPerSecond: perSecond(invited.length, anchorInsertMs),
      /** Answering time over the bare inserts' time. */
      ratio: Math.round((answeringMs / anchorInsertMs) * 100) / 100,
      parallel: PARALLEL,
    },
    results: {
      answers,
      roundResultsMs: resultsMs,
      scoresBySchoolMs: scoresMs,
      feedbackForSchoolMs: feedbackMs,
      anchorCountMs,
      ratio: Math.round((resultsMs / anchorCountMs) * 10) / 10,
    },
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  });
} finally {
  await server.stopApp();
  await database.db.execute(sql.raw(`drop schema if exists ${schema} cascade`));
  await database.close();
}
