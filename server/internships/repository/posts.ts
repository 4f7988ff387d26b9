import { and, desc, eq, gte, ilike, inArray, or, sql } from 'drizzle-orm';
import { systemClock } from '../../platform/clock.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import { checkPost } from '../../../core/internships/post-check.ts';
import { internshipRules } from '../../../core/internships/rules.ts';
import type { PostCreate, PostUpdate } from '../../../contracts/internships.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { internshipPosts, majors, organisations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { internshipRatingsOf } from '../../surveys/index.ts';

export const rules = internshipRules(currentPlan);

const district = alias(organisations, 'district');

const columns = {
  id: internshipPosts.id,
  enterpriseId: internshipPosts.enterpriseId,
  enterpriseName: organisations.name,
  title: internshipPosts.title,
  kind: internshipPosts.kind,
  places: internshipPosts.places,
  placesTaken: internshipPosts.placesTaken,
  monthlyPayYuan: internshipPosts.monthlyPayYuan,
  startDate: internshipPosts.startDate,
  endDate: internshipPosts.endDate,
  status: internshipPosts.status,
  majorCodes: internshipPosts.majorCodes,
  version: internshipPosts.version,
  districtId: internshipPosts.districtId,
  districtName: district.name,
  positionStaff: internshipPosts.positionStaff,
  samePostWageYuan: internshipPosts.samePostWageYuan,
  dailyHours: internshipPosts.dailyHours,
  weeklyHours: internshipPosts.weeklyHours,
  nightShift: internshipPosts.nightShift,
  holidayWork: internshipPosts.holidayWork,
  overtime: internshipPosts.overtime,
  workplaceKind: internshipPosts.workplaceKind,
  tasks: internshipPosts.tasks,
  highRiskFiled: internshipPosts.highRiskFiled,
  fees: internshipPosts.fees,
  insurance: internshipPosts.insurance,
  viaIntermediary: internshipPosts.viaIntermediary,
  location: internshipPosts.location,
};

function selectPosts(db: Db | Tx) {
  return db
    .select(columns)
    .from(internshipPosts)
    .innerJoin(organisations, eq(organisations.id, internshipPosts.enterpriseId))
    .leftJoin(district, eq(district.id, internshipPosts.districtId));
}

/** Names of the majors the posts want, from the catalogue (any edition: a code keeps its name). */
async function withMajors<T extends { majorCodes: string[] }>(db: Db | Tx, posts: T[]) {
  const codes = [...new Set(posts.flatMap((p) => p.majorCodes))];
  const names = new Map<string, string>();
  if (codes.length) {
    for (const m of await db
      .selectDistinctOn([majors.code], { code: majors.code, name: majors.name })
      .from(majors)
      .where(inArray(majors.code, codes))) {
      names.set(m.code, m.name);
    }
  }
  return posts.map((p) => ({ ...p, majors: p.majorCodes.map((code) => ({ code, name: names.get(code) ?? code })) }));
}

/** Published posts are for everyone signed in; drafts only for their enterprise (and the bureau). */
function visible(owner: Access) {
  // scopeWhere answers "no condition" for city-wide access; inside or() that would drop the bureau's drafts.
  if (owner.kind === 'city') return undefined;
  return or(eq(internshipPosts.status, 'published'), scopeWhere(owner, { organisationId: internshipPosts.enterpriseId }));
}

/**
 * What the lists offer: a published post only while it is open (core/internships/offer.ts — a post whose dates
 * are over is not offered to students or schools); its own enterprise (and the bureau) still lists it, ended
 * or not. A link to an ended post still opens it, saying it has ended.
 */
function offered(owner: Access, today: string) {
  if (owner.kind === 'city') return undefined;
  return or(
    and(eq(internshipPosts.status, 'published'), gte(internshipPosts.endDate, today)),
    scopeWhere(owner, { organisationId: internshipPosts.enterpriseId }),
  );
}

interface PostFilter {
  status?: string;
  enterpriseId?: string;
  q?: string;
  majorCode?: string;
  districtId?: string;
  page: number;
  pageSize: number;
}

const like = (text: string) => `%${escapeLike(text)}%`;

export async function listPosts(db: Db, owner: Access, q: PostFilter, today: string) {
  const where = and(
    offered(owner, today),
    q.status ? eq(internshipPosts.status, q.status as 'published') : undefined,
    q.enterpriseId ? eq(internshipPosts.enterpriseId, q.enterpriseId) : undefined,
    q.districtId ? eq(internshipPosts.districtId, q.districtId) : undefined,
    q.majorCode ? sql`${q.majorCode} = any(${internshipPosts.majorCodes})` : undefined,
    q.q
      ? or(ilike(internshipPosts.title, like(q.q)), ilike(organisations.name, like(q.q)), ilike(internshipPosts.location, like(q.q)))
      : undefined,
  );
  const [items, total] = await Promise.all([
    selectPosts(db)
      .where(where)
      .orderBy(desc(internshipPosts.createdAt), internshipPosts.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(internshipPosts)
        .innerJoin(organisations, eq(organisations.id, internshipPosts.enterpriseId))
        .where(where),
    ),
  ]);
  // The interns' rating of each enterprise listed, for the student choosing (surveys: aggregated, above the minimum sample).
  const ratings = await internshipRatingsOf(db, [...new Set(items.map((p) => p.enterpriseId))], Number(today.slice(0, 4)));
  const withRatings = (await withMajors(db, items)).map((p) => ({ ...p, internRating: ratings.get(p.enterpriseId) ?? null }));
  return { items: withRatings, total, page: q.page, pageSize: q.pageSize };
}

export async function getPost(db: Db | Tx, owner: Access, id: string) {
  const [row] = await selectPosts(db).where(and(eq(internshipPosts.id, id), visible(owner)));
  if (!row) throw notFound('实习岗位');
  return (await withMajors(db, [row]))[0]!;
}

/** A draft's terms change until it is published; the published terms are what students applied to. */
export async function updatePost(tx: Tx, audit: Auditor, access: Access, id: string, input: PostUpdate) {
  const [p] = await tx
    .select()
    .from(internshipPosts)
    .where(and(eq(internshipPosts.id, id), scopeWhere(access, { organisationId: internshipPosts.enterpriseId })));
  if (!p) throw notFound('实习岗位');
  if (p.status !== 'draft') throw new AppError('INVALID_STATE', '岗位已发布，不能再修改条件');
  const { version, ...terms } = input;
  const changed = Object.fromEntries(
    Object.entries(terms).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(p[k as keyof typeof p])),
  );
  const [row] = await tx
    .update(internshipPosts)
    .set({ ...changed, version: sql`${internshipPosts.version} + 1`, updatedAt: systemClock() })
    .where(and(eq(internshipPosts.id, id), eq(internshipPosts.version, version)))
    .returning({ id: internshipPosts.id });
  if (!row) throw versionConflict();
  await audit.record({
    action: 'update',
    entityType: 'internshipPost',
    entityId: id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, p[k as keyof typeof p]])),
    after: changed,
  });
  return getPost(tx, access, id);
}

export async function createPost(tx: Tx, audit: Auditor, actor: Actor, access: Access, input: PostCreate) {
  const enterpriseId = input.enterpriseId ?? actor.memberships.find((m) => m.role === 'enterprise_admin')?.organisationId;
  const [enterprise] = enterpriseId
    ? await tx
        .select({ id: organisations.id, districtId: organisations.districtId })
        .from(organisations)
        .where(
          and(
            eq(organisations.id, enterpriseId),
            eq(organisations.kind, 'enterprise'),
            scopeWhere(access, { organisationId: organisations.id }),
          ),
        )
    : [];
  if (!enterprise)
    throw new AppError('NOT_FOUND', '企业不存在或不在您的管理范围内', { fields: { enterpriseId: '企业不存在或不在您的管理范围内' } });
  const { enterpriseId: _ignored, ...terms } = input;
  const [row] = await tx
    .insert(internshipPosts)
    .values({ ...terms, enterpriseId: enterprise.id, districtId: enterprise.districtId })
    .returning();
  await audit.record({
    action: 'create',
    entityType: 'internshipPost',
    entityId: row!.id,
    after: { ...terms, enterpriseId: enterprise.id },
  });
  return getPost(tx, access, row!.id);
}

/** Publishing checks every rule of the regulation the post's terms touch and refuses with the rules broken. */
export async function publishPost(tx: Tx, audit: Auditor, access: Access, id: string, version: number, today: string) {
  const [p] = await tx
    .select()
    .from(internshipPosts)
    .where(and(eq(internshipPosts.id, id), scopeWhere(access, { organisationId: internshipPosts.enterpriseId })));
  if (!p) throw notFound('实习岗位');
  if (p.status !== 'draft') throw new AppError('INVALID_STATE', '只有草稿状态的岗位可以发布');
  const violations = checkPost(p, rules, today);
  if (violations.length) {
    throw new AppError('RULE_VIOLATION', `岗位不符合实习管理规定：${violations[0]!.message}`, {
      fields: Object.fromEntries(violations.map((v) => [v.field, v.message])),
      details: { violations },
    });
  }
  const [row] = await tx
    .update(internshipPosts)
    .set({ status: 'published', version: sql`${internshipPosts.version} + 1`, updatedAt: systemClock() })
    .where(and(eq(internshipPosts.id, id), eq(internshipPosts.version, version)))
    .returning({ id: internshipPosts.id });
  if (!row) throw versionConflict();
  await audit.record({
    action: 'publish',
    entityType: 'internshipPost',
    entityId: id,
    before: { status: 'draft' },
    after: { status: 'published' },
  });
  return getPost(tx, access, id);
}
