import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { courseProblems } from '../../../core/practical-courses/index.ts';
import type {
  PracticalCourse,
  PracticalCourseInput,
  PracticalCourseListQuery,
  PracticalCoursePage,
  PracticalCourseUpdate,
} from '../../../contracts/practical-courses.ts';
import { practicalCoursesPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { practicalCoursePartners, practicalCourses } from '../../platform/db/schema/index.ts';

/**
 * The course catalogue: the developing school enters and corrects its own courses (another school's is not found,
 * 404); staff read within their scope; the public reads the open ones. A course of a kind that needs an enterprise
 * is refused without one, naming the rule (core/practical-courses/rules.ts).
 */
type Row = Omit<PracticalCourse, 'kindLabel' | 'counted'>;

const kindLabel = (code: string) => policy.kinds.find((k) => k.code === code)?.name ?? code;

/** Open and developed with at least one enterprise: what practical_courses counts (over courses `c`). */
export const countedCourse = sql`c.status = 'open' and exists (select 1 from practical_course_partners cp where cp.course_id = c.id)`;

const SELECT = sql`select c.id, c.school_id as "schoolId", o.name as "schoolName", d.name as "districtName", c.kind, c.title, c.stages,
  c.hours, c.summary, c.status, c.version, to_char(c.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt",
  coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name) from practical_course_partners cp
    join organisations e on e.id = cp.enterprise_id where cp.course_id = c.id), '[]'::json) as partners
  from practical_courses c join organisations o on o.id = c.school_id left join organisations d on d.id = c.district_id`;

const toCourse = (r: Row): PracticalCourse => ({
  ...r,
  kindLabel: kindLabel(r.kind),
  counted: r.status === 'open' && r.partners.length > 0,
});

function filters(q: Pick<PracticalCourseListQuery, 'kind' | 'stage' | 'q'>): SQL[] {
  const out: SQL[] = [];
  if (q.kind) out.push(sql`c.kind = ${q.kind}`);
  if (q.stage) out.push(sql`${q.stage} = any(c.stages)`);
  if (q.q) out.push(sql`c.title ilike ${`%${escapeLike(q.q)}%`}`);
  return out;
}

async function page(db: Db, where: SQL, q: { page: number; pageSize: number }) {
  const [[total], items] = await Promise.all([
    rows<{ n: number }>(db, sql`select count(*)::int as n from practical_courses c where ${where}`),
    rows<Row>(db, sql`${SELECT} where ${where} order by c.updated_at desc, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
  ]);
  return { items: items.map(toCourse), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const scope = (access: Access) => scopeSqlOn(access, { districtId: 'c.district_id', organisationId: 'c.school_id' });

export async function listCourses(db: Db, access: Access, q: PracticalCourseListQuery, canEnter: boolean): Promise<PracticalCoursePage> {
  const where = sql.join([scope(access), ...filters(q)], sql` and `);
  const [[counted], p] = await Promise.all([
    rows<{ n: number }>(db, sql`select count(*)::int as n from practical_courses c where ${scope(access)} and ${countedCourse}`),
    page(db, where, q),
  ]);
  return { ...p, counted: counted?.n ?? 0, canEnter };
}

/** The public catalogue: open courses only, without who entered them. */
export async function publicCourses(db: Db, q: PracticalCourseListQuery) {
  const p = await page(db, sql.join([sql`c.status = 'open'`, ...filters(q)], sql` and `), q);
  return { ...p, items: p.items.map(({ schoolId: _s, status: _st, counted: _c, version: _v, updatedAt: _u, ...c }) => c) };
}

export async function getCourse(db: Db | Tx, access: Access, id: string, lock = false): Promise<PracticalCourse> {
  const [r] = await rows<Row>(db, sql`${SELECT} where c.id = ${id} and ${scope(access)}${lock ? sql` for update of c` : sql``}`);
  if (!r) throw notFound('课程');
  return toCourse(r);
}

/** The caller's school (the developing school owns the course). */
async function ownSchool(db: Db | Tx, access: Access) {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [s] = ids.length
    ? await rows<{ id: string; districtId: string | null }>(
        db,
        sql`select id, district_id as "districtId" from organisations where id in (${sql.join(
          ids.map((x) => sql`${x}::uuid`),
          sql`, `,
        )}) and kind = 'school' and status = 'active' order by name limit 1`,
      )
    : [];
  if (!s) throw notFound('学校');
  return s;
}

/** The partners named, each an active enterprise; the kind's rule checked with them. */
async function checked(db: Db | Tx, input: PracticalCourseInput) {
  const partnerIds = [...new Set(input.partnerIds)];
  const fields = courseProblems(policy, { kind: input.kind, hours: input.hours, partnerIds });
  if (Object.keys(fields).length) throw validationFailed(fields, Object.values(fields)[0]);
  if (partnerIds.length) {
    const found = await rows<{ id: string }>(
      db,
      sql`select id from organisations where kind = 'enterprise' and status = 'active' and id in (${sql.join(
        partnerIds.map((x) => sql`${x}::uuid`),
        sql`, `,
      )})`,
    );
    if (found.length !== partnerIds.length) throw validationFailed({ partnerIds: '合作企业中有不存在、已注销或不是企业的单位' });
  }
  return { partnerIds, stages: [...new Set(input.stages)] };
}

async function setPartners(tx: Tx, courseId: string, partnerIds: string[]) {
  await tx.delete(practicalCoursePartners).where(sql`${practicalCoursePartners.courseId} = ${courseId}`);
  if (partnerIds.length) await tx.insert(practicalCoursePartners).values(partnerIds.map((enterpriseId) => ({ courseId, enterpriseId })));
}

export async function createCourse(tx: Tx, audit: Auditor, access: Access, userId: string | null, input: PracticalCourseInput, now: Date) {
  const school = await ownSchool(tx, access);
  const { partnerIds, stages } = await checked(tx, input);
  const values = {
    kind: input.kind,
    title: input.title,
    stages,
    hours: input.hours,
    summary: input.summary,
    status: input.status ?? 'open',
  };
  const [c] = await tx
    .insert(practicalCourses)
    .values({ ...values, schoolId: school.id, districtId: school.districtId, enteredBy: userId, createdAt: now, updatedAt: now })
    .returning({ id: practicalCourses.id });
  await setPartners(tx, c!.id, partnerIds);
  await audit.record({ action: 'create', entityType: 'practicalCourse', entityId: c!.id, after: { ...values, partnerIds } });
  return getCourse(tx, access, c!.id);
}

export async function updateCourse(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  id: string,
  input: PracticalCourseUpdate,
  now: Date,
) {
  const before = await getCourse(tx, access, id, true);
  if (before.version !== input.version) throw versionConflict();
  const { partnerIds, stages } = await checked(tx, input);
  const status = input.status ?? before.status;
  await tx.execute(sql`update practical_courses set kind = ${input.kind}, title = ${input.title}, stages = ${sql`${`{${stages.join(',')}}`}::text[]`},
    hours = ${input.hours}, summary = ${input.summary}, status = ${status}, entered_by = ${userId}, version = version + 1, updated_at = ${now}
    where id = ${id}`);
  await setPartners(tx, id, partnerIds);
  await audit.record({
    action: 'update',
    entityType: 'practicalCourse',
    entityId: id,
    before: {
      kind: before.kind,
      title: before.title,
      stages: before.stages,
      hours: before.hours,
      status: before.status,
      partnerIds: before.partners.map((p) => p.id),
    },
    after: { kind: input.kind, title: input.title, stages, hours: input.hours, status, partnerIds },
  });
  return getCourse(tx, access, id);
}
