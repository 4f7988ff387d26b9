import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { courseProblems } from '../../../core/digital/index.ts';
import {
  COURSE_LEVEL_LABELS,
  COURSE_STATUS_LABELS,
  type CourseListQuery,
  type CoursePut,
  type CourseReview,
  type OnlineCourse,
} from '../../../contracts/digital.ts';
import { digitalPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { onlineCourses } from '../../platform/db/schema/index.ts';
import { ownSchool } from './own-school.ts';

/**
 * 精品在线课程: the providing school declares and corrects its courses, the bureau recognises or rejects them.
 * A course is read by its school, its partner enterprise, the school's district and city-wide staff; anything
 * else is simply not found (404). A recognised course is no longer the school's to change: what the target
 * counted stays as the bureau recognised it.
 */
type Row = Omit<OnlineCourse, 'levelLabel' | 'statusLabel' | 'majors'> & { majorCodes: string[] };

/** The school's, its district's, or its partner enterprise's courses. */
export const courseScope = (access: Access): SQL =>
  sql`(${scopeSqlOn(access, { organisationId: 'c.school_id', districtId: 'c.district_id' })}
    or ${scopeSqlOn(access, { organisationId: 'c.partner_enterprise_id' })})`;

const SELECT = sql`select c.id, c.school_id as "schoolId", o.name as "schoolName", dist.name as "districtName",
  c.partner_enterprise_id as "partnerEnterpriseId", pe.name as "partnerEnterpriseName", c.title, c.level, c.major_codes as "majorCodes",
  c.url, c.credits::float8 as credits, c.enrolments, c.summary, c.status, c.review_note as "reviewNote",
  to_char(c.reviewed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "reviewedAt", c.version,
  to_char(c.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt"
  from online_courses c join organisations o on o.id = c.school_id left join organisations dist on dist.id = c.district_id
  left join organisations pe on pe.id = c.partner_enterprise_id`;

/** The latest catalogue edition's names of the majors the courses serve. */
async function majorNames(db: Db | Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const found = await rows<{ code: string; name: string }>(
    db,
    sql`select distinct on (m.code) m.code, m.name from majors m join catalogue_editions e on e.id = m.edition_id
      where m.code in (${sql.join(
        [...new Set(codes)].map((c) => sql`${c}`),
        sql`, `,
      )}) order by m.code, e.edition desc`,
  );
  return new Map(found.map((m) => [m.code, m.name]));
}

async function withLabels(db: Db | Tx, found: Row[]): Promise<OnlineCourse[]> {
  const names = await majorNames(
    db,
    found.flatMap((r) => r.majorCodes),
  );
  return found.map(({ majorCodes, ...r }) => ({
    ...r,
    levelLabel: COURSE_LEVEL_LABELS[r.level]!,
    statusLabel: COURSE_STATUS_LABELS[r.status],
    majors: majorCodes.map((code) => ({ code, name: names.get(code) ?? null })),
  }));
}

function filters(q: Pick<CourseListQuery, 'status' | 'level' | 'q'>): SQL {
  const parts: SQL[] = [sql`o.status = 'active'`];
  if (q.status) parts.push(sql`c.status = ${q.status}`);
  if (q.level) parts.push(sql`c.level = ${q.level}`);
  if (q.q) parts.push(sql`(c.title ilike ${`%${q.q}%`} or o.name ilike ${`%${q.q}%`})`);
  return sql.join(parts, sql` and `);
}

export async function listCourses(db: Db, access: Access, q: CourseListQuery) {
  const where = sql`${courseScope(access)} and ${filters(q)}`;
  const [found, [count], [recognised]] = await Promise.all([
    rows<Row>(
      db,
      sql`${SELECT} where ${where} order by case c.status when 'submitted' then 0 when 'recognised' then 1 else 2 end, c.updated_at desc, c.id
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from online_courses c join organisations o on o.id = c.school_id where ${where}`),
    rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from online_courses c join organisations o on o.id = c.school_id
        where ${courseScope(access)} and o.status = 'active' and c.status = 'recognised'`,
    ),
  ]);
  return { items: await withLabels(db, found), total: count!.n, page: q.page, pageSize: q.pageSize, recognised: recognised!.n };
}

export async function getCourse(db: Db | Tx, access: Access, id: string): Promise<OnlineCourse> {
  const [r] = await rows<Row>(db, sql`${SELECT} where c.id = ${id} and ${courseScope(access)}`);
  if (!r) throw notFound('在线课程');
  return (await withLabels(db, [r]))[0]!;
}

/** The recognised courses anyone may see (the public catalogue). */
export async function publicCourses(db: Db, q: { q?: string | undefined; page: number; pageSize: number }) {
  const where = sql`c.status = 'recognised' and ${filters(q)}`;
  const [found, [count]] = await Promise.all([
    rows<Row>(
      db,
      sql`${SELECT} where ${where} order by c.enrolments desc, c.title, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from online_courses c join organisations o on o.id = c.school_id where ${where}`),
  ]);
  const items = (await withLabels(db, found)).map((c) => ({
    id: c.id,
    schoolName: c.schoolName,
    partnerEnterpriseName: c.partnerEnterpriseName,
    title: c.title,
    levelLabel: c.levelLabel,
    majors: c.majors,
    url: c.url,
    credits: c.credits,
    enrolments: c.enrolments,
    summary: c.summary,
  }));
  return { items, total: count!.n, page: q.page, pageSize: q.pageSize };
}

/** Every problem of a declaration: the core's rules, majors of the catalogue, an active enterprise as partner. */
async function check(tx: Tx, body: CoursePut): Promise<void> {
  const fields = courseProblems(policy, body);
  if (!fields.majorCodes) {
    const names = await majorNames(tx, body.majorCodes);
    const unknown = body.majorCodes.filter((c) => !names.has(c));
    if (unknown.length) fields.majorCodes = `专业代码不在职业教育专业目录中：${unknown.join('、')}`;
  }
  if (body.partnerEnterpriseId) {
    const [e] = await rows<{ id: string }>(
      tx,
      sql`select id from organisations where id = ${body.partnerEnterpriseId} and kind = 'enterprise' and status = 'active'`,
    );
    if (!e) fields.partnerEnterpriseId = '合作企业须为企业库中的在册企业';
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

const values = (body: CoursePut) => ({
  title: body.title,
  level: body.level,
  majorCodes: body.majorCodes,
  url: body.url,
  credits: body.credits,
  enrolments: body.enrolments,
  partnerEnterpriseId: body.partnerEnterpriseId ?? null,
  summary: body.summary ?? null,
});

async function titleTaken(tx: Tx, schoolId: string, title: string, except: string | null) {
  const [dup] = await rows<{ id: string }>(
    tx,
    sql`select id from online_courses where school_id = ${schoolId} and title = ${title} and ${except ? sql`id <> ${except}` : sql`true`}`,
  );
  if (dup) throw new AppError('CONFLICT', '本校已申报同名课程', { fields: { title: '本校已申报同名课程' } });
}

export async function declareCourse(tx: Tx, audit: Auditor, access: Access, userId: string | null, body: CoursePut, now: Date) {
  const s = await ownSchool(tx, access);
  if (body.version !== undefined) throw versionConflict();
  await check(tx, body);
  await titleTaken(tx, s.id, body.title, null);
  const v = values(body);
  const [created] = await tx
    .insert(onlineCourses)
    .values({ schoolId: s.id, districtId: s.districtId, ...v, declaredBy: userId, createdAt: now, updatedAt: now })
    .returning({ id: onlineCourses.id });
  await audit.record({ action: 'create', entityType: 'onlineCourse', entityId: created!.id, after: { schoolId: s.id, ...v } });
  return getCourse(tx, access, created!.id);
}

/** The school corrects a course not yet recognised; a rejected course corrected goes back to the bureau. */
export async function updateCourse(tx: Tx, audit: Auditor, access: Access, userId: string | null, id: string, body: CoursePut, now: Date) {
  const s = await ownSchool(tx, access);
  const [before] = await rows<Row>(tx, sql`${SELECT} where c.id = ${id} and c.school_id = ${s.id} for update of c`);
  if (!before) throw notFound('在线课程');
  if (body.version === undefined || body.version !== before.version) throw versionConflict();
  if (before.status === 'recognised')
    throw new AppError('INVALID_STATE', '课程已由市教育局认定，不能再修改；如需更正请联系市教育局', { fields: { status: '已认定' } });
  await check(tx, body);
  await titleTaken(tx, s.id, body.title, id);
  const v = values(body);
  await tx.execute(sql`update online_courses set title = ${v.title}, level = ${v.level}, major_codes = ${JSON.stringify(v.majorCodes)}::jsonb,
    url = ${v.url}, credits = ${v.credits}, enrolments = ${v.enrolments}, partner_enterprise_id = ${v.partnerEnterpriseId},
    summary = ${v.summary}, status = 'submitted', review_note = null, reviewed_by = null, reviewed_at = null, declared_by = ${userId},
    version = version + 1, updated_at = ${now} where id = ${id}`);
  const { majorCodes, title, level, url, credits, enrolments, partnerEnterpriseId, summary, status } = before;
  await audit.record({
    action: 'update',
    entityType: 'onlineCourse',
    entityId: id,
    before: { title, level, majorCodes, url, credits, enrolments, partnerEnterpriseId, summary, status },
    after: { ...v, status: 'submitted' },
  });
  return getCourse(tx, access, id);
}

/** The bureau recognises (counted toward online_courses) or rejects a submitted course. */
export async function reviewCourse(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  id: string,
  body: CourseReview,
  now: Date,
) {
  const [before] = await rows<{ status: string; version: number }>(
    tx,
    sql`select c.status, c.version from online_courses c where c.id = ${id} and ${courseScope(access)} for update`,
  );
  if (!before) throw notFound('在线课程');
  if (body.version !== before.version) throw versionConflict();
  if (before.status !== 'submitted')
    throw new AppError('INVALID_STATE', '只有待认定的课程可以认定', {
      fields: { status: COURSE_STATUS_LABELS[before.status as 'submitted'] },
    });
  if (body.decision === 'rejected' && !body.note?.trim()) throw validationFailed({ note: '不予认定须说明理由，学校据此修改后可重新提交' });
  await tx.execute(sql`update online_courses set status = ${body.decision}, review_note = ${body.note ?? null}, reviewed_by = ${userId},
    reviewed_at = ${now}, version = version + 1, updated_at = ${now} where id = ${id}`);
  await audit.record({
    action: 'update',
    entityType: 'onlineCourse',
    entityId: id,
    before: { status: before.status },
    after: { status: body.decision, reviewNote: body.note ?? null },
  });
  return getCourse(tx, access, id);
}
