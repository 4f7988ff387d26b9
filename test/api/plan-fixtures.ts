import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '../../core/authz/index.ts';
import type { Db } from '../../server/platform/db/engine.ts';
import {
  carriers,
  enterprises,
  industryClusters,
  organisations,
  teacherIdNumbers,
  teachers,
} from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import type { TestServer } from '../support/server.ts';

/**
 * The plan's parties for cockpit and supervision tests: the bureau (unit edu), two departments (人社局 hrss,
 * 总工会 union), two county-level districts and one development zone, each with a signed-in user, plus a
 * little register in district A and B (certified enterprises, carriers, teachers).
 */
const uid = () => crypto.randomBytes(4).toString('hex');

async function org(db: Db, kind: 'bureau' | 'department' | 'district' | 'enterprise', code: string, name: string, districtId?: string) {
  const [o] = await db
    .insert(organisations)
    .values({ kind, code, name, districtId: districtId ?? null })
    .returning();
  if (kind === 'district') await db.update(organisations).set({ districtId: o!.id }).where(eq(organisations.id, o!.id));
  return { ...o!, districtId: kind === 'district' ? o!.id : o!.districtId };
}

export async function enterprise(
  db: Db,
  districtId: string,
  status: 'none' | 'certified_city' | 'certified_province',
  cluster: string | null = null,
) {
  const o = await org(db, 'enterprise', `91${uid()}`, `测试企业${uid()}`, districtId);
  await db.insert(enterprises).values({
    organisationId: o.id,
    size: 'large',
    industryCode: '3311',
    staffCount: 500,
    integrationStatus: status,
    clusterCode: cluster,
  });
  return o;
}

export async function buildPlanWorld(server: TestServer) {
  const { db } = server.services.database;
  const bureau = await org(db, 'bureau', 'edu', '郑州市教育局');
  const hrss = await org(db, 'department', 'hrss', '市人社局');
  const union = await org(db, 'department', 'union', '市总工会');
  const districtA = await org(db, 'district', `4101${String(Math.floor(Math.random() * 60) + 10)}`, `甲区${uid()}`);
  const districtB = await org(db, 'district', 'T-B', `乙区${uid()}`);
  const devZone = await org(db, 'district', '410171', `开发区${uid()}`);
  const schoolA = await makeSchool(db, districtA.id);
  const schoolB = await makeSchool(db, districtB.id);
  await db
    .insert(industryClusters)
    .values({ code: 'test_cluster', name: '测试集群', article: '二 (一) 1', sortOrder: 1 })
    .onConflictDoNothing();
  for (let i = 0; i < 3; i++) await enterprise(db, districtA.id, 'certified_city', i === 0 ? 'test_cluster' : null);
  await enterprise(db, districtB.id, 'certified_province');
  await enterprise(db, districtB.id, 'none');
  const insertedTeachers = await db
    .insert(teachers)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        schoolId: schoolA.id,
        name: `教师${i}`,
        employment: 'fullTime' as const,
        subject: 'specialty' as const,
        dualQualified: i < 7,
      })),
    )
    .returning({ id: teachers.id });
  await db.insert(teacherIdNumbers).values({
    teacherId: insertedTeachers[0]!.id,
    idNumberCipher: server.services.pii.encrypt('11010519491231002X'),
    idNumberIndex: server.services.pii.index(`t-${uid()}`),
    idNumberMasked: '110105********002X',
  });
  await db
    .insert(teachers)
    .values({ schoolId: schoolB.id, name: '乙校教师', employment: 'fullTime', subject: 'specialty', dualQualified: false });
  await db.insert(carriers).values([
    {
      kind: 'trainingBase',
      name: '甲区实训基地一',
      level: 'city',
      leadOrganisationId: schoolA.id,
      districtId: districtA.id,
      status: 'certified',
      certifiedAt: '2024-06-01',
      certifyingBody: '郑州市教育局',
    },
    {
      kind: 'trainingBase',
      name: '甲区实训基地二',
      level: 'province',
      leadOrganisationId: schoolA.id,
      districtId: districtA.id,
      status: 'certified',
      certifiedAt: '2024-06-01',
      certifyingBody: '河南省教育厅',
    },
    {
      kind: 'trainingBase',
      name: '乙区在建基地',
      level: 'city',
      leadOrganisationId: schoolB.id,
      districtId: districtB.id,
      status: 'building',
    },
  ]);
  const user = (role: Role, organisationId: string) => makeUser(db, role, organisationId);
  const users = {
    cityAdmin: await user('city_admin', bureau.id),
    hrss: await user('department', hrss.id),
    union: await user('department', union.id),
    districtA: await user('district', districtA.id),
    districtB: await user('district', districtB.id),
    devZone: await user('district', devZone.id),
    schoolAdmin: await user('school_admin', schoolA.id),
  };
  return { bureau, hrss, union, districtA, districtB, devZone, schoolA, schoolB, users };
}

export type PlanWorld = Awaited<ReturnType<typeof buildPlanWorld>>;

export async function signedIn(server: TestServer, username: string) {
  const c = new TestClient(server.url);
  const res = await c.login(username, TEST_PASSWORD);
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
  return c;
}

/** Waits for a job to finish (the test runner polls every second). */
export async function finished(c: TestClient, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await c.get(`/api/jobs/${jobId}`);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Uploads raw bytes as an evidence file. */
export async function upload(c: TestClient, path: string, fileName: string, data: Uint8Array) {
  const res = await fetch(`${c.base}${path}?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    body: new Uint8Array(data),
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream' },
  });
  return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
