import crypto from 'node:crypto';
import { hashPassword } from '../server/platform/auth/passwords.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import {
  enterprises,
  internshipApplications,
  internshipPosts,
  memberships,
  organisations,
  schools,
  students,
  users,
} from '../server/platform/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { signIn, startServer } from '../test/support/process.ts';

/**
 * `npm run --silent check:oversell`: two server processes on the PostgreSQL server in DATABASE_URL race 200
 * acceptances for a 5-place post. Prints `accepted=N places=M` as its last line; exits non-zero unless
 * exactly the places were filled.
 */
const PLACES = 5;
const REQUESTS = 200;
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('DATABASE_URL must name a PostgreSQL server (the race needs real concurrency)');
  process.exit(2);
}
const database = await openDatabase({ databaseUrl: config.databaseUrl, schema: config.databaseSchema });
const { db } = database;
const tag = crypto.randomBytes(4).toString('hex');
const password = `Oversell-${tag}-9a`;

// Fixtures of its own, named so nobody mistakes them for real records.
const [district] = await db
  .insert(organisations)
  .values({ kind: 'district', name: `超售检查区-${tag}`, code: `CHK-D-${tag}` })
  .returning();
await db.update(organisations).set({ districtId: district!.id }).where(eq(organisations.id, district!.id));
const [school] = await db
  .insert(organisations)
  .values({ kind: 'school', name: `超售检查学校-${tag}`, code: `CHK-S-${tag}`, districtId: district!.id })
  .returning();
await db.insert(schools).values({ organisationId: school!.id, level: 'higher', ownership: 'public' });
const [enterprise] = await db
  .insert(organisations)
  .values({ kind: 'enterprise', name: `超售检查企业-${tag}`, code: `CHK-E-${tag}`, districtId: district!.id })
  .returning();
await db.insert(enterprises).values({ organisationId: enterprise!.id, size: 'large', industryCode: 'C', staffCount: 5000 });
const [admin] = await db
  .insert(users)
  .values({ username: `chk_${tag}`, displayName: '超售检查', passwordHash: await hashPassword(password), mustChangePassword: false })
  .returning();
await db.insert(memberships).values({ userId: admin!.id, organisationId: enterprise!.id, role: 'enterprise_admin' });
const [post] = await db
  .insert(internshipPosts)
  .values({
    enterpriseId: enterprise!.id,
    districtId: district!.id,
    title: '超售检查岗位',
    kind: 'placement',
    positionStaff: 1000,
    places: PLACES,
    monthlyPayYuan: 4000,
    samePostWageYuan: 4000,
    dailyHours: 8,
    weeklyHours: 40,
    insurance: 'enterprise',
    startDate: '2030-01-01',
    endDate: '2030-06-30',
    status: 'published',
  })
  .returning();
const studentRows = Array.from({ length: REQUESTS }, (_, i) => ({
  schoolId: school!.id,
  name: `检查学生${i}`,
  cohort: 2028,
  birthDate: '2008-01-01',
  sex: 'male' as const,
  idNumberCipher: 'n/a',
  idNumberIndex: `chk-${tag}-${i}`,
  idNumberMasked: '—',
}));
const created = await db.insert(students).values(studentRows).returning({ id: students.id });
const apps = await db
  .insert(internshipApplications)
  .values(
    created.map((s) => ({
      postId: post!.id,
      studentId: s.id,
      schoolId: school!.id,
      enterpriseId: enterprise!.id,
      status: 'school_approved' as const,
    })),
  )
  .returning({ id: internshipApplications.id });

const env = {
  DATABASE_URL: config.databaseUrl,
  SEED_DEMO: 'false',
  ...(config.databaseSchema && { DATABASE_SCHEMA: config.databaseSchema }),
};
const servers = await Promise.all([startServer(env), startServer(env)]);
try {
  const sessions = await Promise.all(servers.map((s) => signIn(s.url, admin!.username, password)));
  const outcomes = await Promise.all(
    apps.map(async (a, i) => {
      const k = i % 2;
      const res = await fetch(`${servers[k]!.url}/api/internship-applications/${a.id}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: sessions[k]!.cookie, 'x-csrf-token': sessions[k]!.csrfToken },
        body: '{}',
      });
      const body = (await res.json()) as { code?: string };
      return res.status === 200 ? 'accepted' : (body.code ?? String(res.status));
    }),
  );
  const tally = outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
  const [after] = await db
    .select({ placesTaken: internshipPosts.placesTaken })
    .from(internshipPosts)
    .where(eq(internshipPosts.id, post!.id));
  console.log(`outcomes ${JSON.stringify(tally)}; places_taken in the database: ${after!.placesTaken}`);
  const accepted = tally.accepted ?? 0;
  console.log(`accepted=${accepted} places=${PLACES}`);
  process.exitCode = accepted === PLACES && after!.placesTaken === PLACES ? 0 : 1;
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await database.close();
}
