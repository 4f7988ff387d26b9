import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { maskIdNumber, validateIdNumber, validateUscc } from '../../core/codes/index.ts';
import { verifyPassword } from '../../server/platform/auth/passwords.ts';
import { loadReferenceData } from '../../server/catalogues/load.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { openDatabase, rows, type Database } from '../../server/platform/db/engine.ts';
import { referenceContextFromDb, referenceContextFromFiles } from '../../server/demo/context.ts';
import { generateCity } from '../../server/demo/generate.ts';
import { resetAllowed, resetDemo } from '../../server/demo/reset.ts';
import { seedInternshipDemo } from '../../server/demo/internships.ts';
import { seedMatchingDemo } from '../../server/demo/matching.ts';
import { seedCreditBankDemo } from '../../server/demo/creditbank.ts';
import { seedEnterpriseDesk } from '../../server/demo/enterprise-desk.ts';
import { seedPlacementsDemo } from '../../server/demo/placements.ts';
import { seedSupervisionDemo } from '../../server/demo/supervision.ts';
import { seedGraduatesDemo } from '../../server/demo/graduates.ts';
import { seedCallsDemo } from '../../server/demo/calls.ts';
import { seedCertificationDemo, seedDeclarationsDemo } from '../../server/demo/certification.ts';
import { certificationPolicy } from '../../policy/index.ts';
import { recomputeIndicators } from '../../server/cockpit/indicators/recompute.ts';
import { demoLogins, seedDemo, seedIfEmpty } from '../../server/demo/seed.ts';
import { SCALES } from '../../server/demo/types.ts';
import { createPiiCipher } from '../../server/platform/pii.ts';
import type { Services } from '../../server/platform/services.ts';

/**
 * The whole path on an in-memory PGlite: reference data, a tiny demo city, sign-ins, reset. Runs on PGlite
 * only: the demo data set claims fixed sign-in names (admin, school1 …) that a shared server test database
 * must not be given.
 */
const NOW = new Date('2025-11-29T04:00:00Z');
const pii = createPiiCipher(crypto.randomBytes(32));
let database: Database;

before(async () => {
  database = await openDatabase({});
});
after(async () => {
  await database.close();
});

const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(database.db, q))[0]!.n;

test('reference data loads, and loading it again changes nothing', async () => {
  const first = await loadReferenceData(database.db);
  const industry = first.find((s) => s.kind === 'industry')!;
  assert.equal(industry.inserted, 20 + 97 + 473 + 1381);
  const orgs = first.find((s) => s.kind === 'organisations')!;
  assert.equal(orgs.kind === 'organisations' && orgs.districts, 16);
  assert.ok(orgs.kind === 'organisations' && orgs.departments > 0, 'departments from the policy file');
  const audited = sql`select count(*)::int as n from audit_log where action in ('catalogue.load', 'organisations.load')`;
  assert.equal(await count(audited), 5, 'each load is audited (industries, clusters, organisations, majors, occupations)');
  const second = await loadReferenceData(database.db);
  for (const s of second) assert.deepEqual([s.kind, s.inserted, s.updated], [s.kind, 0, 0]);
  assert.equal(await count(audited), 5, 'a load that changes nothing writes nothing');
  assert.equal(await count(sql`select count(*)::int as n from organisations where kind = 'district' and district_id = id`), 16);
  assert.equal(await count(sql`select count(*)::int as n from organisations where kind = 'district' and code = 'ZZ-ZDXQ'`), 1);
  assert.equal(await count(sql`select count(*)::int as n from organisations where kind = 'district' and code = '410100'`), 0);
  assert.equal(await count(sql`select count(*)::int as n from organisations where kind = 'bureau' and code = 'edu'`), 1);
  assert.equal(await count(sql`select count(*)::int as n from industry_clusters`), 17);
  assert.equal(await count(sql`select count(*)::int as n from catalogue_editions where is_demo_subset and kind = 'major'`), 1);
  assert.equal(
    await count(
      sql`select count(*)::int as n from occupations o join catalogue_editions e on e.id = o.edition_id where e.is_demo_subset and o.level = 'major'`,
    ),
    8,
  );
  assert.equal(await count(sql`select count(*)::int as n from organisations where is_demo`), 0, 'reference data is not demo data');
});

test('the generator sees the same reference data from the database as from the files', async () => {
  const fromDb = await referenceContextFromDb(database.db);
  const fromFiles = referenceContextFromFiles(fromDb.departments);
  const norm = (c: typeof fromDb) => ({
    ...c,
    districts: [...c.districts].sort((x, y) => x.code.localeCompare(y.code)),
    majors: [...c.majors].sort((x, y) => x.code.localeCompare(y.code)),
    industryClasses: [...c.industryClasses].sort(),
  });
  assert.deepEqual(norm(fromDb), norm(fromFiles));
  const a = generateCity(fromDb, { scale: 'tiny', now: NOW });
  const b = generateCity(fromFiles, { scale: 'tiny', now: NOW });
  assert.deepEqual([a.schools, a.enterprises, a.accounts], [b.schools, b.enterprises, b.accounts]);
});

test('a tiny demo city loads with protected personal information and working sign-ins', async () => {
  const { counts } = await seedDemo(database.db, pii, { scale: 'tiny', now: NOW, demoPassword: 'Demo-Pass-1', log: () => {} });
  const p = SCALES.tiny;
  assert.deepEqual(
    [counts.schools, counts.enterprises, counts.teachers, counts.students],
    [p.schools, p.enterprises, p.teachers, p.students],
  );
  assert.equal(await count(sql`select count(*)::int as n from students`), p.students);
  assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'demo.load'`), 1);
  assert.equal(
    await count(sql`select count(*)::int as n from organisations where is_demo and kind in ('school', 'enterprise')`),
    p.schools + p.enterprises,
  );
  assert.equal(
    await count(
      sql`select count(*)::int as n from organisations o where o.is_demo and not exists (select 1 from organisations d where d.id = o.district_id and d.kind = 'district')`,
    ),
    0,
  );

  const sample = await rows<{ c: string; i: string; m: string; pc: string; pm: string; birth: string; sex: string }>(
    database.db,
    sql`select id_number_cipher c, id_number_index i, id_number_masked m, phone_cipher pc, phone_masked pm, birth_date::text birth, sex from students limit 50`,
  );
  for (const s of sample) {
    const id = pii.decrypt(s.c);
    assert.ok(validateIdNumber(id).valid, id);
    assert.equal(pii.index(id), s.i);
    assert.equal(maskIdNumber(id), s.m);
    assert.equal(id.slice(6, 14), s.birth.replaceAll('-', ''));
    assert.equal(Number(id[16]) % 2 === 1 ? 'male' : 'female', s.sex);
    assert.ok(!s.c.includes(id) && s.pm.includes('****') && pii.decrypt(s.pc).startsWith(s.pm.slice(0, 3)));
  }
  const usccs = await rows<{ code: string }>(database.db, sql`select code from organisations where kind = 'enterprise' and is_demo`);
  for (const u of usccs) assert.ok(validateUscc(u.code).valid, u.code);

  const [admin] = await rows<{ h: string; must: boolean; demo: boolean }>(
    database.db,
    sql`select password_hash h, must_change_password must, is_demo demo from users where username = 'admin'`,
  );
  assert.ok(await verifyPassword('Demo-Pass-1', admin!.h));
  assert.equal(admin!.must, false);
  assert.equal(admin!.demo, true);
  assert.equal(await count(sql`select count(*)::int as n from users where not is_demo or must_change_password`), 0);
  assert.equal(await count(sql`select count(distinct password_hash)::int as n from users`), 1, 'the demo password is hashed once');
  assert.equal(
    await count(sql`select count(*)::int as n from students s join users u on u.id = s.user_id where u.username like 'student%'`),
    3,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from teachers t join users u on u.id = t.user_id where u.username = 'teacher1'`),
    1,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from memberships m join organisations o on o.id = m.organisation_id join users u on u.id = m.user_id
    where u.username = 'district_jinshui' and m.role = 'district' and o.code = '410105'`),
    1,
  );
  // Programme levels match the school's.
  assert.equal(
    await count(sql`select count(*)::int as n from programs p join schools s on s.organisation_id = p.school_id join majors m on m.id = p.major_id
    where s.level = 'secondary' and m.level <> 'secondary' or s.level = 'higher' and m.level <> 'higher'`),
    0,
  );
});

test("the tiny city's carriers and 专业群 load with their partners, are searchable, and the cockpit's carrier targets count them", async () => {
  const city = generateCity(await referenceContextFromDb(database.db), { scale: 'tiny', now: NOW });
  assert.equal(await count(sql`select count(*)::int as n from carriers where is_demo`), city.carriers.length);
  assert.equal(
    await count(sql`select count(*)::int as n from carrier_partners`),
    city.carriers.reduce((a, c) => a + c.partners.length, 0),
  );
  // Leads of the right kind, partners real schools and enterprises, the carrier in a district.
  assert.equal(
    await count(sql`select count(*)::int as n from carriers c join organisations o on o.id = c.lead_organisation_id
    where (c.kind in ('industryCollege', 'innovationCenter', 'educationGroup', 'internationalProject', 'lubanWorkshop') and o.kind <> 'school')
      or (c.kind = 'consortium' and o.kind <> 'district') or (c.kind = 'community' and o.kind <> 'enterprise')`),
    0,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from carrier_partners p join organisations o on o.id = p.organisation_id
    where o.kind not in ('school', 'enterprise') or not o.is_demo`),
    0,
  );
  assert.equal(
    await count(
      sql`select count(*)::int as n from carriers c left join organisations d on d.id = c.district_id and d.kind = 'district' where d.id is null`,
    ),
    0,
  );
  assert.equal(await count(sql`select count(*)::int as n from major_groups`), city.majorGroups.length);
  // Every program of a group feeds the group's cluster (the repository's own check, through cluster_majors).
  assert.equal(
    await count(sql`select count(*)::int as n from major_group_programs gp join major_groups g on g.id = gp.group_id
    join programs p on p.id = gp.program_id join majors m on m.id = p.major_id
    where p.school_id <> g.school_id or not exists (select 1 from cluster_majors cm where cm.cluster_code = g.cluster_code and cm.major_code = m.code)`),
    0,
  );
  assert.equal(await count(sql`select count(*)::int as n from search_documents where entity_type = 'carrier'`), city.carriers.length);

  await recomputeIndicators(database.db, { now: NOW });
  const values = Object.fromEntries(
    (
      await rows<{ code: string; value: number }>(
        database.db,
        sql`select code, value from indicator_values where scope = 'city' and source = 'computed'`,
      )
    ).map((r) => [r.code, r.value]),
  );
  const carrierTargets = [
    'training_bases',
    'education_groups',
    'industry_colleges',
    'practice_centers',
    'key_majors',
    'consortia',
    'entity_education_groups',
    'city_innovation_centers',
    'provincial_innovation_centers',
    'experience_centers',
  ];
  for (const code of carrierTargets) assert.ok((values[code] ?? 0) > 0, `${code} = ${values[code]}`);
  // Operating carriers count once verified on evidence: the demo leaves two waiting, which no target counts.
  const awaiting = await rows<{ kind: string }>(
    database.db,
    sql`select kind from carriers where status = 'operating' and operating_verified_at is null and archived_at is null`,
  );
  assert.equal(awaiting.length, 2);
  assert.equal(
    await count(sql`select count(*)::int as n from carriers k where k.status = 'operating' and k.operating_verified_at is not null
      and not exists (select 1 from evidence_files e where e.owner_kind = 'carrier' and e.owner_id = k.id)`),
    0,
    'every verified carrier has its evidence',
  );
  assert.equal(
    values.consortia,
    city.carriers.filter((c) => c.kind === 'consortium' && ['operating', 'certified'].includes(c.status)).length -
      awaiting.filter((a) => a.kind === 'consortium').length,
  );
  assert.equal(values.key_majors, city.majorGroups.filter((g) => g.keyMajor).length);
});

test('the featured sign-ins: one per role, labelled in Chinese', async () => {
  const logins = await demoLogins(database.db);
  assert.equal(logins[0]!.username, 'admin');
  const roles = new Set(logins.map((l) => l.role));
  for (const r of ['city_admin', 'department', 'district', 'school_admin', 'teacher', 'enterprise_admin', 'student'])
    assert.ok(roles.has(r), r);
  assert.ok(logins.length <= 10);
  assert.match(logins.find((l) => l.username === 'district_jinshui')!.label, /金水区/);
  const all = await demoLogins(database.db, { all: true });
  assert.ok(all.length > logins.length);
});

test('seedIfEmpty leaves a database with organisations alone and still returns the sign-ins', async () => {
  const services = { database, config: { ...loadConfig({}), seedDemo: true, demoScale: 'demo' }, pii, now: () => NOW } as Services;
  const before = await count(sql`select count(*)::int as n from students`);
  const logins = await seedIfEmpty(services, () => {});
  assert.equal(await count(sql`select count(*)::int as n from students`), before);
  assert.ok(logins.some((l) => l.username === 'admin'));
});

test('reset removes demo rows only, and only in a test or demo database', async () => {
  assert.equal(resetAllowed('/srv/chanjiao/data'), false);
  assert.equal(resetAllowed('chanjiao_demo'), true);
  await assert.rejects(
    resetDemo(database, '/srv/chanjiao/data', () => {}),
    /拒绝重置/,
  );
  await resetDemo(database, '/tmp/test-data', () => {});
  assert.equal(await count(sql`select count(*)::int as n from organisations where is_demo`), 0);
  assert.equal(await count(sql`select count(*)::int as n from users`), 0);
  assert.equal(await count(sql`select count(*)::int as n from students`), 0);
  assert.equal(
    await count(
      sql`select (select count(*) from carriers) + (select count(*) from carrier_partners) + (select count(*) from major_groups)::int as n`,
    ),
    0,
  );
  assert.equal(await count(sql`select count(*)::int as n from organisations where kind = 'district'`), 16, 'reference data stays');
  // …and the demo can be loaded again.
  await seedDemo(database.db, pii, { scale: 'tiny', now: NOW, demoPassword: 'Demo-Pass-1', log: () => {} });
  assert.equal(await count(sql`select count(*)::int as n from students`), SCALES.tiny.students);
});

test('internships under way, entered through the lifecycle code: running, completed into the credit bank, withdrawn, accepted', async () => {
  // On the tiny city the reset test loaded again; from here on reset is refused (the last test).
  await seedMatchingDemo(database.db, { posts: 20, seekingShare: 0.3, now: NOW });
  const made = await seedInternshipDemo(database.db, pii, { now: NOW });
  assert.deepEqual(made, { accepted: 11, active: 3, completed: 2, withdrawn: 1, logs: 3 * 8 - 2 + 2 * 24 });
  const byStatus = Object.fromEntries(
    (await rows<{ status: string; n: number }>(database.db, sql`select status, count(*)::int as n from internships group by status`)).map(
      (r) => [r.status, r.n],
    ),
  );
  assert.deepEqual(byStatus, { active: 3, completed: 2, withdrawn: 1, accepted: 5 });
  // student1 has the running internship, with both mentors, a signed agreement, insurance and logs.
  const [mine] = await rows<{
    status: string;
    mentor: string | null;
    phone: string | null;
    insured: boolean;
    logs: number;
    signed: number;
  }>(
    database.db,
    sql`
    select i.status, t.name as mentor, i.enterprise_mentor_phone_masked as phone,
      exists (select 1 from internship_insurance x where x.internship_id = i.id) as insured,
      (select count(*)::int from internship_logs l where l.internship_id = i.id) as logs,
      (select count(*)::int from internship_signatures g join internship_agreements a on a.id = g.agreement_id where a.internship_id = i.id) as signed
    from internships i join students s on s.id = i.student_id join users u on u.id = s.user_id left join teachers t on t.id = i.school_mentor_id
    where u.username = 'student1'`,
  );
  assert.equal(mine!.status, 'active');
  assert.ok(mine!.mentor && mine!.phone?.includes('****') && mine!.insured);
  assert.equal(mine!.logs, 8);
  assert.ok(mine!.signed >= 3);
  // Completed ones were deposited in the credit bank by the same completion code, once each.
  assert.equal(
    await count(sql`select count(*)::int as n from internships i join learning_outcomes o on o.id = i.learning_outcome_id
    where i.status = 'completed' and o.kind = 'internship' and o.idempotency_key = 'internship:' || i.id::text`),
    2,
  );
  // Places taken agree with the live placements: the withdrawn one gave its place back.
  assert.equal(
    await count(sql`select count(*)::int as n from internship_posts p where p.places_taken <>
    (select count(*) from internship_applications a where a.post_id = p.id and a.status = 'accepted')`),
    0,
  );
  // Every step was audited as its actor.
  assert.ok(
    (await count(
      sql`select count(*)::int as n from audit_log where entity_type = 'internship' and action in ('start', 'complete', 'withdrawn', 'assignMentor')`,
    )) >=
      3 + 2 + 1,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from users where username like 'intern%' and is_demo and not must_change_password`),
    4,
  );
});

test('a plausible share of the city placed through the lifecycle, enterprise1’s desk, and quarterly reports filed', async () => {
  const hash = (await rows<{ h: string }>(database.db, sql`select password_hash h from users where username = 'admin'`))[0]!.h;
  const before = await count(sql`select count(*)::int as n from internships`);
  const city = await seedPlacementsDemo(database.db, pii, { now: NOW, share: 0.1, passwordHash: hash });
  assert.ok(city.eligible > 300 && city.placed >= city.eligible * 0.08, JSON.stringify(city));
  assert.equal(city.running + city.upcoming, city.placed);
  assert.equal(await count(sql`select count(*)::int as n from internships`), before + city.placed);
  // Under way means started with both mentors, a complete agreement and insurance; the rest wait with the school's signature.
  assert.equal(
    await count(sql`select count(*)::int as n from internships i where i.status = 'active' and i.school_mentor_id is not null
    and i.enterprise_mentor_name is not null and exists (select 1 from internship_insurance x where x.internship_id = i.id)`),
    3 + city.running,
  );
  // The caps and the places held for every enterprise and post (the acceptance checked them).
  assert.equal(
    await count(sql`select count(*)::int as n from internship_posts p where p.places_taken <>
    (select count(*) from internship_applications a where a.post_id = p.id and a.status = 'accepted')`),
    0,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from enterprises e where (select count(*) from internship_applications a
    join internship_posts p on p.id = a.post_id where a.enterprise_id = e.organisation_id and a.status = 'accepted' and p.kind = 'placement'
    and p.end_date >= '2025-11-29') > floor(e.staff_count * 0.1)`),
    0,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from internships a join internships b on a.student_id = b.student_id and a.id < b.id
    and a.status in ('accepted', 'active') and b.status in ('accepted', 'active') and a.planned_start <= b.planned_end and b.planned_start <= a.planned_end`),
    0,
  );
  // Each step audited as its actor: the students who signed have their own sign-in.
  assert.ok(
    (await count(sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id
    join memberships m on m.user_id = u.id where a.action = 'sign' and m.role = 'student'`)) >= city.running,
  );
  // Posts are titled as employers title them: no major codes.
  assert.equal(await count(sql`select count(*)::int as n from internship_posts where title ~ '[0-9]{6}'`), 0);

  const services = { database, pii, now: () => NOW } as unknown as Services;
  const desk = await seedEnterpriseDesk(services, { now: NOW });
  assert.equal(desk.demands, 3);
  assert.ok(desk.applicants >= 5, JSON.stringify(desk));
  const ent1 = sql`(select m.organisation_id from memberships m join users u on u.id = m.user_id where u.username = 'enterprise1')`;
  const states = await rows<{ status: string }>(
    database.db,
    sql`select distinct a.status from internship_applications a
    join internship_posts p on p.id = a.post_id where p.enterprise_id = ${ent1} and p.title = '生产线储备技术员（实习）' order by 1`,
  );
  assert.deepEqual(
    states.map((r) => r.status),
    ['accepted', 'applied', 'rejected', 'school_approved'],
  );
  assert.equal((await count(sql`select count(*)::int as n from demands where enterprise_id = ${ent1} and status = 'open'`)) >= 3, true);
  assert.ok(
    (await count(sql`select count(*)::int as n from allocation_proposals where status = 'proposed'`)) > 0,
    'school1 ran its allocation',
  );

  const reports = await seedSupervisionDemo(database.db, { now: NOW });
  const owed = reports.slots * reports.duePeriods;
  assert.ok(reports.reports > owed * 0.5 && reports.reports < owed, JSON.stringify(reports));
  assert.ok(reports.late > 0 && reports.rated > 0 && reports.rated < reports.reports);
  assert.equal(await count(sql`select count(*)::int as n from task_reports`), reports.reports);
  assert.equal(await count(sql`select count(*)::int as n from task_reports where status = 'rated'`), reports.rated);
  assert.equal(
    await count(sql`select count(*)::int as n from audit_log where entity_type = 'task_report' and action = 'create'`),
    reports.reports,
  );
});

test('the credit-bank demo: learner1 signs in to an employee’s account with outcomes, a transfer and a credential; student1 has outcomes', async () => {
  const hash = (await rows<{ h: string }>(database.db, sql`select password_hash h from users where username = 'admin'`))[0]!.h;
  const made = await seedCreditBankDemo(database.db, pii, { now: NOW, passwordHash: hash });
  assert.deepEqual(made, { learnerUsername: 'learner1', outcomes: 5, transfers: 1, credentials: 1 });
  const [learner] = await rows<{ h: string; must: boolean; demo: boolean; role: string; kind: string }>(
    database.db,
    sql`
    select u.password_hash h, u.must_change_password must, u.is_demo demo, m.role, o.kind from users u
    join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id where u.username = 'learner1'`,
  );
  assert.ok(await verifyPassword('Demo-Pass-1', learner!.h));
  assert.deepEqual([learner!.must, learner!.demo, learner!.role, learner!.kind], [false, true, 'learner', 'enterprise']);
  const outcomes = await rows<{ username: string; kind: string; issuer: string }>(
    database.db,
    sql`
    select u.username, o.kind, i.kind issuer from learning_outcomes o join credit_accounts a on a.id = o.account_id
    join organisations i on i.id = o.issuer_id
    left join students s on s.id = a.student_id left join users u on u.id = coalesce(a.user_id, s.user_id)
    where u.username in ('learner1', 'student1') order by u.username, o.kind`,
  );
  assert.deepEqual(
    outcomes.map((o) => `${o.username}:${o.kind}:${o.issuer}`),
    [
      'learner1:skillCertificate:enterprise',
      'learner1:trainingCourse:enterprise',
      'student1:competitionAward:school',
      'student1:schoolCourse:school',
      'student1:skillCertificate:school',
    ],
  );
  const items = await rows<{ status: string }>(database.db, sql`select i.status from credit_transfer_items i order by i.status`);
  assert.deepEqual(
    items.map((i) => i.status),
    ['autoRecognised', 'pendingReview'],
    'the agreed rule covered the course; the certificate waits for the registrar',
  );
  assert.equal(await count(sql`select count(*)::int as n from credentials`), 1);
  assert.equal(
    (await count(
      sql`select count(*)::int as n from audit_log where entity_type in ('creditAccount', 'learningOutcome', 'recognitionRule', 'creditTransfer', 'credential')`,
    )) >= 10,
    true,
  );
  const logins = await demoLogins(database.db);
  assert.match(logins.find((l) => l.username === 'learner1')!.label, /^学习者 · /);
});

test('graduates of three years with destinations at the survey points passed; the cockpit computes 留郑率 and 中职升学率 from them', async () => {
  const hash = (await rows<{ h: string }>(database.db, sql`select password_hash h from users where username = 'admin'`))[0]!.h;
  const made = await seedGraduatesDemo(database.db, pii, { now: NOW, perSchool: 12, passwordHash: hash });
  assert.deepEqual(made.years, [2023, 2024, 2025]);
  assert.ok(made.graduates > 100, JSON.stringify(made));
  // 2023 and 2024: three points each; 2025: only 毕业时 has passed on 29 November 2025.
  const points = await rows<{ y: number; p: string; n: number }>(
    database.db,
    sql`select graduation_year as y, survey_point as p, count(*)::int as n from graduate_destinations group by 1, 2 order by 1, 2`,
  );
  assert.deepEqual(
    points.filter((x) => x.y === 2025).map((x) => x.p),
    ['graduation'],
  );
  assert.equal(points.filter((x) => x.y === 2024).length, 3);
  assert.equal(
    await count(
      sql`select count(*)::int as n from graduate_destinations d join students s on s.id = d.student_id where s.status <> 'graduated'`,
    ),
    0,
  );
  assert.ok(
    (await count(sql`select count(*)::int as n from graduate_destinations where confirmation = 'pending'`)) > 0,
    'enterprise1 has graduates to confirm',
  );
  assert.equal(
    await count(
      sql`select count(*)::int as n from users u join students s on s.user_id = u.id where u.username = 'graduate1' and s.status = 'graduated'`,
    ),
    1,
  );
  const run = await recomputeIndicators(database.db, { now: NOW });
  const values = await rows<{ code: string; value: number | null }>(
    database.db,
    sql`select code, value::float8 as value from indicator_values where run_id = ${run.runId} and scope = 'city'
      and code in ('graduate_retention_rate', 'secondary_progression_rate') order by code`,
  );
  for (const v of values) assert.ok(v.value !== null && v.value > 30 && v.value < 95, JSON.stringify(values));
  assert.equal(values.length, 2);
});

test("the 产教融合型企业 pipeline: each case past the eligibility check has a real review round, its outcome the panel's aggregate", async () => {
  await seedDeclarationsDemo(database.db, { now: NOW });
  assert.ok(await seedCallsDemo(database.db, { now: NOW }), 'the expert pool is seeded with the calls');
  const made = await seedCertificationDemo(database.db, { now: NOW });
  assert.ok(made.cases >= 4 && made.reviewRounds >= 2, JSON.stringify(made));
  const cases = await rows<{
    stage: string;
    score: number | null;
    status: string | null;
    assigned: number;
    submitted: number;
    own: number;
  }>(
    database.db,
    sql`select c.stage, c.expert_review_score::float8 as score, r.status,
        (select count(*)::int from review_assignments a where a.round_id = r.id) as assigned,
        (select count(*)::int from review_assignments a where a.round_id = r.id and a.submitted_at is not null) as submitted,
        (select count(*)::int from review_assignments a join experts x on x.id = a.expert_id where a.round_id = r.id and x.organisation_id = c.enterprise_id) as own
      from certification_cases c left join review_rounds r on r.owner_kind = 'certificationCase' and r.owner_id = c.id`,
  );
  const { passScore, expertsPerCase } = certificationPolicy.review;
  for (const c of cases) {
    assert.equal(c.own, 0, 'no expert of the applicant enterprise on its panel');
    if (['applied', 'districtReviewed'].includes(c.stage)) assert.equal(c.status, null, JSON.stringify(c));
    else if (c.stage === 'eligible')
      assert.ok(c.status === null || (c.status === 'assigned' && c.submitted < c.assigned), JSON.stringify(c));
    else {
      assert.equal(c.status, 'closed', JSON.stringify(c));
      assert.equal(c.assigned, expertsPerCase);
      assert.equal(c.submitted, c.assigned);
      assert.ok(c.stage === 'rejected' ? c.score! < passScore : c.score! >= passScore, JSON.stringify(c));
    }
  }
  assert.ok(
    cases.some((c) => c.stage === 'eligible' && c.status === 'assigned'),
    'one case waits on its panel, sheets still out',
  );
});

test('reset refuses, deleting nothing, once the demo has internships and credit-bank records', async () => {
  const before = await count(sql`select count(*)::int as n from organisations where is_demo`);
  await assert.rejects(
    resetDemo(database, '/tmp/test-data', () => {}),
    /拒绝重置：演示数据已有实习/,
  );
  assert.equal(await count(sql`select count(*)::int as n from organisations where is_demo`), before);
  assert.ok((await count(sql`select count(*)::int as n from credit_ledger`)) > 0, 'the ledger is untouched');
});
