import { and, eq, gte, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { checkPlacement } from '../../../core/internships/placement-check.ts';
import { eligibilityDate, yearSpan } from '../../../core/internships/placement-rate.ts';
import { enterpriseCapViolation, positionCapViolation, runningPostViolations } from '../../../core/internships/violation-scan.ts';
import type { Violation } from '../../../core/internships/violations.ts';
import { VIOLATION_SUBJECTS, type ViolationRow } from '../../../contracts/internship-stats.ts';
import type { Db } from '../../platform/db/engine.ts';
import { enterprises, internshipApplications, internshipPosts, organisations, students } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { rules } from './posts.ts';
import { isPlaced, isPlacementKind, postInYear } from './placed.ts';

/**
 * The posts and placements of a year that break a rule of the internship regulation, each row naming the rule
 * (the core's checks, the same ones publishing and acceptance apply). A district sees what concerns its
 * enterprises, and placements of its schools' students; the bureau everything.
 */
const enterpriseOrg = alias(organisations, 'enterprise_org');
const school = alias(organisations, 'school');

type Q = { year: number; districtId?: string; subject?: string; ruleCode?: string; page: number; pageSize: number };

export async function listViolations(db: Db, access: Access, q: Q, today: string) {
  const span = yearSpan(q.year);
  const asOf = eligibilityDate(q.year, today);
  const inDistrict = q.districtId ? eq(enterpriseOrg.districtId, q.districtId) : undefined;
  const out: ViolationRow[] = [];
  const postRef = (p: { enterpriseId: string; enterpriseName: string; districtId: string | null; id: string; title: string }) => ({
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    districtId: p.districtId,
    postId: p.id,
    postTitle: p.title,
    applicationId: null,
    studentName: null,
    schoolId: null,
    schoolName: null,
  });
  const push = (subject: ViolationRow['subject'], v: Violation, ref: Omit<ViolationRow, 'subject' | 'rule' | 'field' | 'message'>) =>
    out.push({ subject, rule: v.rule, field: v.field, message: v.message, ...ref });

  // Posts: their terms, and the 20% cap of the position against the students placed on them.
  const placedOnPost = db
    .select({ postId: internshipApplications.postId, n: sql<number>`count(*)::int`.as('n') })
    .from(internshipApplications)
    .where(isPlaced())
    .groupBy(internshipApplications.postId)
    .as('placed_on_post');
  const posts = await db
    .select({
      post: internshipPosts,
      enterpriseName: enterpriseOrg.name,
      districtId: enterpriseOrg.districtId,
      placed: sql<number>`coalesce(${placedOnPost.n}, 0)::int`,
    })
    .from(internshipPosts)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, internshipPosts.enterpriseId))
    .leftJoin(placedOnPost, eq(placedOnPost.postId, internshipPosts.id))
    .where(and(postInYear(span), scopeWhere(access, { districtId: enterpriseOrg.districtId }), inDistrict));
  for (const { post, enterpriseName, districtId, placed } of posts) {
    const ref = postRef({ ...post, enterpriseName, districtId });
    for (const v of runningPostViolations(post, rules)) push('post', v, ref);
    const cap = post.kind === 'placement' ? positionCapViolation(post.positionStaff, placed, rules) : null;
    if (cap) push('position', cap, ref);
  }

  // Enterprises: the 10% cap against the students on 岗位实习 there on the day.
  const onDay = await db
    .select({
      enterpriseId: enterpriseOrg.id,
      enterpriseName: enterpriseOrg.name,
      districtId: enterpriseOrg.districtId,
      staffCount: enterprises.staffCount,
      placed: sql<number>`count(*)::int`,
    })
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, internshipApplications.enterpriseId))
    .innerJoin(enterprises, eq(enterprises.organisationId, enterpriseOrg.id))
    .where(
      and(
        isPlaced(),
        isPlacementKind(),
        lte(internshipPosts.startDate, asOf),
        gte(internshipPosts.endDate, asOf),
        scopeWhere(access, { districtId: enterpriseOrg.districtId }),
        inDistrict,
      ),
    )
    .groupBy(enterpriseOrg.id, enterpriseOrg.name, enterpriseOrg.districtId, enterprises.staffCount);
  for (const e of onDay) {
    const cap = enterpriseCapViolation(e.staffCount, e.placed, rules);
    if (cap) push('enterprise', cap, { ...postRef({ ...e, id: '', title: '' }), postId: null, postTitle: null });
  }

  // Placements: the student against the post (age, study year, night shifts and tasks forbidden to minors or women).
  const placements = await db
    .select({
      applicationId: internshipApplications.id,
      student: { birthDate: students.birthDate, cohort: students.cohort, sex: students.sex, name: students.name },
      post: {
        id: internshipPosts.id,
        title: internshipPosts.title,
        kind: internshipPosts.kind,
        startDate: internshipPosts.startDate,
        nightShift: internshipPosts.nightShift,
        tasks: internshipPosts.tasks,
      },
      enterpriseId: enterpriseOrg.id,
      enterpriseName: enterpriseOrg.name,
      districtId: enterpriseOrg.districtId,
      schoolId: school.id,
      schoolName: school.name,
    })
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .innerJoin(students, eq(students.id, internshipApplications.studentId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, internshipApplications.enterpriseId))
    .innerJoin(school, eq(school.id, internshipApplications.schoolId))
    .where(
      and(
        isPlaced(),
        postInYear(span),
        or(scopeWhere(access, { districtId: enterpriseOrg.districtId }), scopeWhere(access, { districtId: school.districtId })),
        q.districtId ? or(eq(enterpriseOrg.districtId, q.districtId), eq(school.districtId, q.districtId)) : undefined,
      ),
    );
  for (const p of placements) {
    for (const v of checkPlacement(p.student, p.post, rules)) {
      push('placement', v, {
        ...postRef({ ...p.post, enterpriseId: p.enterpriseId, enterpriseName: p.enterpriseName, districtId: p.districtId }),
        applicationId: p.applicationId,
        studentName: p.student.name,
        schoolId: p.schoolId,
        schoolName: p.schoolName,
      });
    }
  }

  const byRule = new Map<string, { code: string; name: string; count: number }>();
  for (const r of out) {
    const c = byRule.get(r.rule.code) ?? { code: r.rule.code, name: r.rule.name, count: 0 };
    c.count += 1;
    byRule.set(r.rule.code, c);
  }
  const order = (s: ViolationRow['subject']) => VIOLATION_SUBJECTS.indexOf(s);
  const items = out
    .filter((r) => (!q.subject || r.subject === q.subject) && (!q.ruleCode || r.rule.code === q.ruleCode))
    .sort(
      (a, b) =>
        order(a.subject) - order(b.subject) ||
        a.enterpriseName.localeCompare(b.enterpriseName, 'zh-Hans-CN') ||
        (a.postTitle ?? '').localeCompare(b.postTitle ?? '', 'zh-Hans-CN'),
    );
  return {
    year: q.year,
    items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count),
  };
}
