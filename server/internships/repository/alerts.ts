import { todayOf } from '../../../core/calendar.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { agreementState } from '../../../core/internships/agreement.ts';
import { placementAlerts, type AlertKind } from '../../../core/internships/alerts.ts';
import type { Db } from '../../platform/db/engine.ts';
import {
  internshipAgreements,
  internshipInsurance,
  internshipPosts,
  internships,
  internshipSignatures,
  organisations,
  students,
} from '../../platform/db/schema/index.ts';
import { internshipScope } from './internships.ts';
import { rules } from './posts.ts';

const enterprise = alias(organisations, 'enterprise');

/** The facts the judgement reads of each live placement. */
const facts = {
  i: internships,
  birthDate: students.birthDate,
  agreementId: internshipAgreements.id,
  coverageStart: internshipInsurance.coverageStart,
  coverageEnd: internshipInsurance.coverageEnd,
  lastLogAt: sql<string | null>`(select max(l.created_at) from internship_logs l where l.internship_id = ${internships.id})`,
  maxLogHours: sql<number | null>`(select max(l.hours_worked) from internship_logs l where l.internship_id = ${internships.id})`,
  maxCheckinHours: sql<string | null>`(select max(c.hours) from internship_checkins c where c.internship_id = ${internships.id})`,
};
type Facts = {
  i: typeof internships.$inferSelect;
  birthDate: string;
  agreementId: string | null;
  coverageStart: string | null;
  coverageEnd: string | null;
  lastLogAt: string | null;
  maxLogHours: number | null;
  maxCheckinHours: string | null;
};

/** The live placements (accepted or active) an access reaches. */
const live = (access: Access) => and(internshipScope(access), inArray(internships.status, ['accepted', 'active']));

/** Each placement's alerts: its agreement's signatures in one more query, the judgement the pure `placementAlerts`. */
async function judge<R extends Facts>(db: Db, found: R[], today: string) {
  const agreementIds = found.flatMap((r) => (r.agreementId ? [r.agreementId] : []));
  const sigs = agreementIds.length
    ? await db
        .select({
          agreementId: internshipSignatures.agreementId,
          party: internshipSignatures.party,
          signedAt: internshipSignatures.signedAt,
        })
        .from(internshipSignatures)
        .where(inArray(internshipSignatures.agreementId, agreementIds))
    : [];
  const byAgreement = new Map<string, Array<{ party: (typeof sigs)[number]['party']; signedOn: string }>>();
  for (const s of sigs)
    byAgreement.set(s.agreementId, [...(byAgreement.get(s.agreementId) ?? []), { party: s.party, signedOn: todayOf(s.signedAt) }]);
  return found.map((r) => ({
    row: r,
    alerts: placementAlerts(
      {
        status: r.i.status,
        kind: r.i.kind,
        plannedStart: r.i.plannedStart,
        plannedEnd: r.i.plannedEnd,
        startedOn: r.i.startedOn,
        agreementComplete:
          r.agreementId !== null && agreementState(byAgreement.get(r.agreementId) ?? [], r.birthDate, today, rules).complete,
        insurance: r.coverageStart && r.coverageEnd ? { coverageStart: r.coverageStart, coverageEnd: r.coverageEnd } : null,
        lastLogOn: r.lastLogAt ? todayOf(new Date(r.lastLogAt)) : null,
        monthlyPayYuan: r.i.monthlyPayYuan,
        samePostWageYuan: r.i.samePostWageYuan,
        dailyHours: r.i.dailyHours,
        weeklyHours: r.i.weeklyHours,
        maxLogHours: r.maxLogHours === null ? null : Number(r.maxLogHours),
        maxCheckinHours: r.maxCheckinHours === null ? null : Number(r.maxCheckinHours),
      },
      rules,
      today,
    ),
  }));
}

/**
 * The school's alerts over its live placements (accepted or active): the facts are read in two queries and the
 * judgement is the pure `placementAlerts` (core/internships/alerts.ts) with the policy file's thresholds.
 */
export async function listAlerts(db: Db, access: Access, q: { kind?: AlertKind; page: number; pageSize: number }, today: string) {
  const found = await db
    .select({ ...facts, studentName: students.name, enterpriseName: enterprise.name, postTitle: internshipPosts.title })
    .from(internships)
    .innerJoin(students, eq(students.id, internships.studentId))
    .innerJoin(enterprise, eq(enterprise.id, internships.enterpriseId))
    .innerJoin(internshipPosts, eq(internshipPosts.id, internships.postId))
    .leftJoin(internshipAgreements, eq(internshipAgreements.internshipId, internships.id))
    .leftJoin(internshipInsurance, eq(internshipInsurance.internshipId, internships.id))
    .where(live(access))
    .orderBy(students.name, internships.id);
  const all = (await judge(db, found, today)).flatMap(({ row: r, alerts }) =>
    alerts.map((a) => ({
      internshipId: r.i.id,
      studentName: r.studentName,
      enterpriseName: r.enterpriseName,
      postTitle: r.postTitle,
      status: r.i.status,
      ...a,
    })),
  );
  const byKind: Record<string, number> = {};
  for (const a of all) byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
  const filtered = q.kind ? all.filter((a) => a.kind === q.kind) : all;
  return {
    items: filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
    byKind,
  };
}

/**
 * How many alerts `listAlerts` would list (the home's to-do count): the same facts and judgement, without the
 * names and titles only a list shows (two joins fewer to plan on every home request) and without its order.
 */
export async function countAlerts(db: Db, access: Access, today: string): Promise<number> {
  const found = await db
    .select(facts)
    .from(internships)
    .innerJoin(students, eq(students.id, internships.studentId))
    .leftJoin(internshipAgreements, eq(internshipAgreements.internshipId, internships.id))
    .leftJoin(internshipInsurance, eq(internshipInsurance.internshipId, internships.id))
    .where(live(access));
  return (await judge(db, found, today)).reduce((n, r) => n + r.alerts.length, 0);
}
