import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../core/authz/index.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { ineligibility } from '../../core/matching/eligibility.ts';
import { fitAtLeast } from '../../core/matching/majors.ts';
import { preRankedTop } from '../../core/matching/prerank.ts';
import { scoreMatch, type MatchScore, type Opportunity, type ScoreContext } from '../../core/matching/score.ts';
import { coursePart, type Course } from '../../core/matching/training.ts';
import type { Recommendation } from '../../contracts/matching.ts';
import type { Db } from '../platform/db/engine.ts';
import { demands, majors, organisations, programs } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';
import { rules } from '../internships/index.ts';
import { loadScoreContext } from './context.ts';
import {
  countDiscoverableByGroup,
  loadCoursesBySchool,
  loadOpenDemands,
  loadOpenPosts,
  loadStudents,
  onlyDiscoverable,
  studentWithId,
  studentsInGroups,
  studentsWithMajors,
  type DemandFacts,
  type PostFacts,
} from './facts.ts';

const KIND_LABEL = { talent: '招聘', internship: '实习', training: '培训', technology: '技术难题' } as const;

/** Best first; ties broken by id so that the list is the same on every call. */
const ranked = (items: Recommendation[], limit: number) =>
  items.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);

const answer = (ctx: ScoreContext, items: Recommendation[], considered: number) => ({
  items: ranked(items, ctx.policy.recommendations.limit),
  considered,
  weightsArticle: ctx.policy.article,
  weightsNote: ctx.policy.note,
});

/**
 * A school's score for a demand: the six parts, plus for a training demand the 培训课程 part of the school's best
 * fitting course (二 (二) 5), so that schools offering fitting courses rank first and the reason is shown.
 */
function withCourses(
  ctx: ScoreContext,
  m: MatchScore,
  d: DemandFacts,
  courses: readonly Course[] | undefined,
): Pick<Recommendation, 'score' | 'parts'> {
  if (d.kind !== 'training') return { score: m.total, parts: m.parts };
  const c = coursePart(ctx, courses ?? [], d);
  return { score: Math.round((m.total + c.points) * 10) / 10, parts: [...m.parts, c] };
}

const NO_SUPPLY_PREFS = {
  skills: [],
  certificates: [],
  preferredDistrictIds: [],
  preferredClusterCodes: [],
  minMonthlyPayYuan: null,
  availableFrom: null,
  availableTo: null,
};

/** For a student: published posts they may take (the regulation's rules and required majors) and open jobs, ranked. */
export async function recommendForStudent(db: Db, studentId: string, today: string) {
  const [ctx, [student], posts, jobs] = await Promise.all([
    loadScoreContext(db),
    loadStudents(db, studentWithId(studentId)),
    loadOpenPosts(db, today),
    loadOpenDemands(db, eq(demands.kind, 'talent')),
  ]);
  if (!student) throw notFound('学生');
  const items: Recommendation[] = [];
  for (const p of posts) {
    const m = scoreMatch(ctx, student, p);
    if (ineligibility(student, p, m.fit, rules, ctx.policy).length) continue;
    items.push({
      type: 'post',
      id: p.id,
      title: p.title,
      subtitle: `${p.kind === 'placement' ? '岗位实习' : '认识实习'} · 剩余 ${p.places - p.placesTaken} 个名额 · 月报酬 ${p.monthlyPayYuan} 元`,
      organisationId: p.enterpriseId,
      organisationName: p.enterpriseName,
      districtName: p.districtName,
      score: m.total,
      parts: m.parts,
    });
  }
  for (const d of jobs) {
    const m = scoreMatch(ctx, student, d);
    if (d.majorCodes.length && !fitAtLeast(m.fit.level, ctx.policy.eligibility.minMajorFit)) continue;
    items.push({
      type: 'demand',
      id: d.id,
      title: d.title,
      subtitle: `${KIND_LABEL[d.kind]}${d.headcount ? ` · ${d.headcount} 人` : ''}`,
      organisationId: d.enterpriseId,
      organisationName: d.enterpriseName,
      districtName: d.districtName,
      score: m.total,
      parts: m.parts,
    });
  }
  return answer(ctx, items, posts.length + jobs.length);
}

async function demandInScope(db: Db, access: Access, demandId: string) {
  const [d] = await loadOpenDemands(db, and(eq(demands.id, demandId), scopeWhere(access, { organisationId: demands.enterpriseId })));
  if (!d) {
    const [any] = await db
      .select({ status: demands.status })
      .from(demands)
      .where(and(eq(demands.id, demandId), scopeWhere(access, { organisationId: demands.enterpriseId })));
    if (any) throw new AppError('INVALID_STATE', '只有开放中的需求才有推荐');
    throw notFound('需求');
  }
  return d;
}

/** Major codes whose fit with the demand reaches the policy minimum: the SQL pre-filter of the candidates. */
function fittingMajors(ctx: ScoreContext, d: Opportunity, codes: string[]) {
  return codes.filter((c) =>
    fitAtLeast(scoreMatch(ctx, { ...NO_SUPPLY_PREFS, majorCode: c, districtId: null }, d).fit.level, ctx.policy.eligibility.minMajorFit),
  );
}

/** For an enterprise's open demand: schools' programs, or students who opted in to be found, ranked. */
export async function recommendForEnterprise(db: Db, access: Access, demandId: string, target: 'programs' | 'students') {
  const [ctx, d] = await Promise.all([loadScoreContext(db), demandInScope(db, access, demandId)]);
  const allCodes = (await db.selectDistinct({ code: majors.code }).from(majors)).map((r) => r.code);
  const codes = d.majorCodes.length ? fittingMajors(ctx, d, allCodes) : allCodes;
  if (codes.length === 0) return answer(ctx, [], 0);
  const items: Recommendation[] = [];
  if (target === 'students') {
    // Pre-ranked in SQL (core/matching/prerank.ts): only the (major, district) groups that can reach the top list are read.
    const w = ctx.policy.weights;
    const groups = (await countDiscoverableByGroup(db, codes)).map(({ key, count }) => {
      const [majorCode, districtId] = key.split('|') as [string, string];
      const m = scoreMatch(ctx, { ...NO_SUPPLY_PREFS, majorCode, districtId: districtId || null }, d);
      const base = m.parts
        .filter((p) => p.part === 'major' || p.part === 'cluster' || p.part === 'location')
        .reduce((a, p) => a + p.points, 0);
      return { key, count, base };
    });
    const { top } = await preRankedTop(groups, ctx.policy.recommendations.limit, w.skills + w.preference + w.timing, async (keys) => {
      const found = await loadStudents(db, and(onlyDiscoverable, studentsInGroups(keys)));
      return found.map((s): Recommendation => {
        const m = scoreMatch(ctx, s, d);
        return {
          type: 'student',
          id: s.id,
          title: s.name,
          subtitle: `${s.majorName ?? '未登记专业'} · ${s.cohort}级${s.certificates.length ? ` · ${s.certificates.join('、')}` : ''}`,
          organisationId: s.schoolId,
          organisationName: s.schoolName,
          districtName: s.districtId ? (ctx.districts.get(s.districtId)?.name ?? null) : null,
          score: m.total,
          parts: m.parts,
        };
      });
    });
    return answer(
      ctx,
      top,
      groups.reduce((a, g) => a + g.count, 0),
    );
  }
  const school = alias(organisations, 'rec_school');
  const rows = await db
    .select({
      id: programs.id,
      schoolId: programs.schoolId,
      schoolName: school.name,
      districtId: school.districtId,
      majorCode: majors.code,
      majorName: majors.name,
      enrolment: programs.enrolment,
    })
    .from(programs)
    .innerJoin(majors, eq(majors.id, programs.majorId))
    .innerJoin(school, eq(school.id, programs.schoolId))
    .where(and(eq(programs.status, 'active'), studentsWithMajors(codes), sql`${school.status} <> 'archived'`));
  const courses =
    d.kind === 'training'
      ? await loadCoursesBySchool(
          db,
          rows.map((p) => p.schoolId),
        )
      : new Map<string, Course[]>();
  for (const p of rows) {
    const m = scoreMatch(ctx, { ...NO_SUPPLY_PREFS, majorCode: p.majorCode, districtId: p.districtId }, d);
    items.push({
      type: 'program',
      id: p.id,
      title: `${p.schoolName} · ${p.majorName}`,
      subtitle: `${p.majorCode} · 当前招生 ${p.enrolment} 人`,
      organisationId: p.schoolId,
      organisationName: p.schoolName,
      districtName: p.districtId ? (ctx.districts.get(p.districtId)?.name ?? null) : null,
      ...withCourses(ctx, m, d, courses.get(p.schoolId)),
    });
  }
  return answer(ctx, items, rows.length);
}

/** For a school: open demands and posts that fit one of its programs (best program per opportunity), or enterprises by their best. */
export async function recommendForSchool(db: Db, schoolId: string, today: string, target: 'demands' | 'enterprises') {
  const [ctx, progs, opps, posts, courses] = await Promise.all([
    loadScoreContext(db),
    db
      .select({ majorCode: majors.code, majorName: majors.name, districtId: organisations.districtId })
      .from(programs)
      .innerJoin(majors, eq(majors.id, programs.majorId))
      .innerJoin(organisations, eq(organisations.id, programs.schoolId))
      .where(and(eq(programs.schoolId, schoolId), eq(programs.status, 'active'))),
    loadOpenDemands(db, sql`${demands.internshipPostId} is null`),
    loadOpenPosts(db, today),
    loadCoursesBySchool(db, [schoolId]),
  ]);
  const items: Recommendation[] = [];
  const consider = (o: (DemandFacts | PostFacts) & Opportunity, type: 'demand' | 'post', subtitle: string) => {
    let best: { score: number; parts: Recommendation['parts']; major: string } | null = null;
    for (const p of progs) {
      const m = scoreMatch(ctx, { ...NO_SUPPLY_PREFS, majorCode: p.majorCode, districtId: p.districtId }, o);
      if (o.majorCodes.length && !fitAtLeast(m.fit.level, ctx.policy.eligibility.minMajorFit)) continue;
      const scored = type === 'demand' ? withCourses(ctx, m, o as DemandFacts, courses.get(schoolId)) : { score: m.total, parts: m.parts };
      if (!best || scored.score > best.score) best = { ...scored, major: p.majorName };
    }
    if (best)
      items.push({
        type,
        id: o.id,
        title: o.title,
        subtitle: `${subtitle} · 对口专业：${best.major}`,
        organisationId: o.enterpriseId,
        organisationName: o.enterpriseName,
        districtName: o.districtName,
        score: best.score,
        parts: best.parts,
      });
  };
  for (const d of opps) consider(d, 'demand', `${KIND_LABEL[d.kind]}${d.headcount ? ` · ${d.headcount} 人` : ''}`);
  for (const p of posts) consider(p, 'post', `实习 · 剩余 ${p.places - p.placesTaken} 个名额`);
  if (target === 'enterprises') {
    const byEnterprise = new Map<string, { best: Recommendation; count: number }>();
    for (const it of items) {
      const e = byEnterprise.get(it.organisationId);
      if (!e) byEnterprise.set(it.organisationId, { best: it, count: 1 });
      else {
        e.count++;
        if (it.score > e.best.score) e.best = it;
      }
    }
    const ents = [...byEnterprise.values()].map(({ best, count }) => ({
      ...best,
      type: 'enterprise' as const,
      id: best.organisationId,
      title: best.organisationName,
      subtitle: `${count} 项对口需求 · 最佳：${best.title}`,
    }));
    return answer(ctx, ents, items.length);
  }
  return answer(ctx, items, opps.length + posts.length);
}
