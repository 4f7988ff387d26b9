import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import type { Role } from '../../core/authz/index.ts';
import { makeIdNumber } from '../../core/codes/index.ts';
import type { Db } from '../../server/platform/db/engine.ts';
import { catalogueEditions, majors, organisations, programs } from '../../server/platform/db/schema/index.ts';
import { TestClient } from '../support/client.ts';
import { makeDistrict, makeOrganisation, makeSchool, makeUser, TEST_PASSWORD } from '../support/factory.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Fixtures of the import and export tests, all generated here (no binary files in the repository):
 * workbooks built with ExcelJS (formulas and merged cells included), CSV in UTF-8 or GBK, and a small world
 * of districts, schools with real-looking 学校标识码, a major catalogue edition and users of every role.
 */
const uid = () => crypto.randomBytes(4).toString('hex');
let serial = 0;
/** A 学校标识码 no other test school has (41 + 8 digits, unique within the process). */
export const schoolCode = () => `41${String(process.pid % 10000).padStart(4, '0')}${String(++serial).padStart(4, '0')}`;

let idSerial = 0;
/** A valid, unique 居民身份证号码 (birth date varies so sequence numbers never run out). */
export function idNumber(sex: 'male' | 'female' = 'female'): string {
  const n = ++idSerial + (process.pid % 1000) * 1000;
  const day = new Date(Date.UTC(2004, 0, 1) + (n % 1400) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const seq = (Math.floor(n / 1400) % 500) * 2 + (sex === 'male' ? 1 : 0);
  return makeIdNumber('410105', day, String(seq).padStart(3, '0'));
}

export async function buildWorld(server: TestServer) {
  const db = server.services.database.db;
  const bureau = await makeOrganisation(db, 'bureau');
  const dept = await makeOrganisation(db, 'department');
  const districtA = await makeDistrict(db);
  const districtB = await makeDistrict(db);
  const schoolA = await withCode(db, await makeSchool(db, districtA.id));
  const schoolA2 = await withCode(db, await makeSchool(db, districtA.id));
  const schoolB = await withCode(db, await makeSchool(db, districtB.id));
  const enterprise = await makeOrganisation(db, 'enterprise', { districtId: districtA.id });
  const [edition] = await db
    .insert(catalogueEditions)
    .values({ kind: 'major', edition: `test-${uid()}`, title: '测试专业目录', source: 'test', isDemoSubset: true })
    .returning();
  const majorRows = await db
    .insert(majors)
    .values([
      {
        editionId: edition!.id,
        level: 'higher',
        code: '510201',
        name: '计算机应用技术',
        categoryCode: '5102',
        categoryName: '计算机类',
        divisionCode: '51',
        divisionName: '电子与信息大类',
      },
      {
        editionId: edition!.id,
        level: 'higher',
        code: '510203',
        name: '软件技术',
        categoryCode: '5102',
        categoryName: '计算机类',
        divisionCode: '51',
        divisionName: '电子与信息大类',
      },
    ])
    .onConflictDoNothing()
    .returning();
  const major = majorRows.find((m) => m.code === '510201')!;
  await db.insert(programs).values([
    { schoolId: schoolA.id, majorId: major.id, startYear: 2019 },
    { schoolId: schoolB.id, majorId: major.id, startYear: 2020 },
  ]);
  const users: Record<string, { username: string; id: string }> = {
    cityAdmin: await makeUser(db, 'city_admin', bureau.id),
    department: await makeUser(db, 'department', dept.id),
    districtA: await makeUser(db, 'district', districtA.id),
    schoolAdminA: await makeUser(db, 'school_admin', schoolA.id),
    schoolAdminB: await makeUser(db, 'school_admin', schoolB.id),
    teacherA: await makeUser(db, 'teacher', schoolA.id),
    enterpriseAdmin: await makeUser(db, 'enterprise_admin', enterprise.id),
  };
  return { bureau, districtA, districtB, schoolA, schoolA2, schoolB, enterprise, users, editionId: edition!.id };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

async function withCode(db: Db, school: typeof organisations.$inferSelect) {
  const code = schoolCode();
  await db.update(organisations).set({ code }).where(eq(organisations.id, school.id));
  return { ...school, code };
}

export async function signIn(server: TestServer, world: World, who: keyof World['users'] | Role): Promise<TestClient> {
  const c = new TestClient(server.url);
  const res = await c.login(world.users[who]!.username, TEST_PASSWORD);
  assert.equal(res.status, 200);
  return c;
}

/** A workbook whose first sheet holds `rows` (header first); `edit` may add formulas, merges, more sheets. */
export async function xlsx(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生');
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvField = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvText = (rows: unknown[][]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

let gbkTable: Map<string, number[]> | undefined;
/** GBK bytes of a string (Node decodes GBK but cannot encode it): a reverse table built by decoding every GBK pair. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const d = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = d.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      assert.ok(bytes, `no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export async function upload(c: TestClient, entity: string, fileName: string, data: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${c.base}/api/imports/${entity}?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    body: new Uint8Array(data),
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream', ...headers },
  });
  return { status: res.status, body: await res.json() };
}

/** Uploads and waits for the import job to finish; answers the job. */
export async function importFile(c: TestClient, entity: string, fileName: string, data: Buffer) {
  const res = await upload(c, entity, fileName, data);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  return waitForJob(c, res.body.job.id);
}

export async function waitForJob(c: TestClient, id: string, ms = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const res = await c.get(`/api/jobs/${id}`);
    assert.equal(res.status, 200);
    if (res.body.status === 'succeeded' || res.body.status === 'failed') return res.body;
    assert.ok(Date.now() - t0 < ms, 'import job timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Downloads an .xlsx and reads its first sheet as rows of cell values. */
export async function download(
  c: TestClient,
  path: string,
): Promise<{ status: number; rows: unknown[][]; sheets: string[]; headers: Headers; body?: unknown }> {
  const res = await fetch(c.base + path, { headers: { cookie: c.cookie } });
  if (res.status !== 200) return { status: res.status, rows: [], sheets: [], headers: res.headers, body: await res.json() };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { status: 200, rows, sheets: wb.worksheets.map((w) => w.name), headers: res.headers };
}

export const STUDENT_HEADER = [
  '学校标识码',
  '学校名称',
  '姓名',
  '身份证号码',
  '出生日期',
  '专业代码',
  '专业名称',
  '入学年份',
  '手机号码',
  '学籍状态',
];

/** A student row of the template's columns. */
export function studentRow(school: { code: string }, over: Partial<Record<(typeof STUDENT_HEADER)[number], unknown>> = {}): unknown[] {
  const id = (over['身份证号码'] as string | undefined) ?? idNumber();
  const row: Record<string, unknown> = {
    学校标识码: school.code,
    姓名: `学生${uid()}`,
    身份证号码: id,
    专业代码: '510201',
    入学年份: 2024,
    手机号码: '13800138000',
    学籍状态: '在籍',
    ...over,
  };
  return STUDENT_HEADER.map((h) => row[h] ?? null);
}
