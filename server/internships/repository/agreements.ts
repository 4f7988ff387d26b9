import { todayOf } from '../../../core/calendar.ts';
import { eq } from 'drizzle-orm';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError } from '../../../core/errors.ts';
import { agreementState } from '../../../core/internships/agreement.ts';
import { signableParties, type Party } from '../../../core/internships/parties.ts';
import { checkInsurance, checkStart } from '../../../core/internships/start-check.ts';
import type { Violation } from '../../../core/internships/violations.ts';
import type { Agreement } from '../../../contracts/internship-lifecycle.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  internshipAgreements,
  internshipInsurance,
  internshipPosts,
  internshipSignatures,
  students,
} from '../../platform/db/schema/index.ts';
import { agreementText } from '../agreement.ts';
import {
  findInternship,
  getInternship,
  loadAgreement,
  partiesOf,
  requireStatus,
  setInternship,
  type InternshipRow,
} from './internships.ts';
import { rules } from './posts.ts';

export function refuse(violations: Violation[]): never {
  throw new AppError('RULE_VIOLATION', violations[0]!.message, {
    fields: Object.fromEntries(violations.map((v) => [v.field, v.message])),
    details: { violations },
  });
}

/**
 * Generates the agreement from the template with the placement's facts. Before anyone signed it may be generated
 * again (facts corrected); once signed, its text is fixed: a signature stands for the text it was given on.
 */
export async function generateAgreement(tx: Tx, audit: Auditor, access: Access, id: string, now: Date): Promise<Agreement> {
  const row = await findInternship(tx, access, id, true);
  requireStatus(row, ['accepted', 'active'], '生成三方协议');
  return writeAgreement(tx, audit, row, now);
}

/** The agreement an internship gets as soon as it opens (acceptance or reassignment), ready to sign. */
export async function draftAgreementOnOpen(tx: Tx, audit: Auditor, internshipId: string, now: Date) {
  await writeAgreement(tx, audit, await findInternship(tx, { kind: 'city' }, internshipId), now);
}

async function writeAgreement(tx: Tx, audit: Auditor, row: InternshipRow, now: Date): Promise<Agreement> {
  const id = row.i.id;
  const [existing] = await tx
    .select({ id: internshipAgreements.id })
    .from(internshipAgreements)
    .where(eq(internshipAgreements.internshipId, id));
  if (existing) {
    const [signed] = await tx
      .select({ id: internshipSignatures.id })
      .from(internshipSignatures)
      .where(eq(internshipSignatures.agreementId, existing.id))
      .limit(1);
    if (signed) throw new AppError('INVALID_STATE', '三方协议已有签字，不能重新生成');
  }
  const [facts] = await tx
    .select({ idMasked: students.idNumberMasked, insurance: internshipPosts.insurance })
    .from(students)
    .innerJoin(internshipPosts, eq(internshipPosts.id, row.i.postId))
    .where(eq(students.id, row.i.studentId));
  const today = todayOf(now);
  const generated = agreementText({
    agreementNo: `SX-${today.replaceAll('-', '')}-${id.slice(0, 8).toUpperCase()}`,
    schoolName: row.schoolName,
    enterpriseName: row.enterpriseName,
    studentName: row.studentName,
    studentIdMasked: facts!.idMasked,
    studentBirthDate: row.birthDate,
    kind: row.i.kind,
    postTitle: row.postTitle,
    location: row.i.location,
    startDate: row.i.plannedStart,
    endDate: row.i.plannedEnd,
    dailyHours: row.i.dailyHours,
    weeklyHours: row.i.weeklyHours,
    monthlyPayYuan: row.i.monthlyPayYuan,
    payFloor: rules.payFloor,
    insurancePayer: facts!.insurance,
    generatedOn: today,
  });
  if (existing) {
    await tx
      .update(internshipAgreements)
      .set({ ...generated, generatedAt: now })
      .where(eq(internshipAgreements.id, existing.id));
  } else {
    await tx.insert(internshipAgreements).values({ internshipId: id, ...generated, generatedAt: now });
  }
  await audit.record({
    action: existing ? 'regenerate' : 'generate',
    entityType: 'internshipAgreement',
    entityId: id,
    after: { templateVersion: generated.templateVersion, textSha256: generated.textSha256 },
  });
  return (await loadAgreement(tx, row, today))!;
}

export async function getAgreement(db: Db | Tx, access: Access, id: string, today: string): Promise<Agreement> {
  const row = await findInternship(db, access, id);
  const a = await loadAgreement(db, row, today);
  if (!a) throw new AppError('NOT_FOUND', '三方协议尚未生成');
  return a;
}

const PARTY_NAMES: Record<Party, string> = {
  school: '学校',
  enterprise: '实习单位',
  student: '学生本人',
  guardian: '学生所在学校（代为登记监护人签字）',
};

/**
 * A party signs. Who may sign for which party is decided from the caller's memberships (core/internships/parties.ts);
 * signing for another party is refused naming the agreement rule; signing twice is refused by the unique index.
 */
export async function signAgreement(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { party: Party; guardianName?: string; guardianRelation?: string },
  now: Date,
): Promise<Agreement> {
  const row = await findInternship(tx, access, id, true);
  requireStatus(row, ['accepted', 'active'], '签署三方协议');
  const rule = rules.ref('intern_agreement');
  if (!signableParties(actor, partiesOf(row)).includes(body.party)) {
    throw new AppError('NOT_THE_PARTY', `只有${PARTY_NAMES[body.party]}可以签署此方（${rule.name}，${rule.article}）`, {
      fields: { party: '您不是该签署方' },
      details: { rule },
    });
  }
  const [a] = await tx.select().from(internshipAgreements).where(eq(internshipAgreements.internshipId, id));
  if (!a) throw new AppError('INVALID_STATE', '三方协议尚未生成，请先生成协议');
  const today = todayOf(now);
  if (body.party === 'guardian') {
    const sigs = await tx
      .select({ party: internshipSignatures.party, signedAt: internshipSignatures.signedAt })
      .from(internshipSignatures)
      .where(eq(internshipSignatures.agreementId, a.id));
    const state = agreementState(
      sigs.map((s) => ({ party: s.party, signedOn: todayOf(s.signedAt) })),
      row.birthDate,
      today,
      rules,
    );
    if (!state.guardianRequired) {
      const r = rules.ref('intern_guardian_age');
      throw new AppError('INVALID_STATE', `学生签署时已满${rules.adultAge}周岁，无需监护人签字（${r.name}）`, {
        fields: { party: '无需监护人签字' },
        details: { rule: r },
      });
    }
  }
  const [created] = await tx
    .insert(internshipSignatures)
    .values({
      agreementId: a.id,
      party: body.party,
      signedBy: actor.userId,
      signerName: actor.displayName,
      guardianName: body.guardianName ?? null,
      guardianRelation: body.guardianRelation ?? null,
      textSha256: a.textSha256,
      signedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: internshipSignatures.id });
  if (!created)
    throw new AppError('ALREADY_SIGNED', `${PARTY_NAMES[body.party]}已签署过该协议，不能重复签署`, { fields: { party: '已签署' } });
  await audit.record({
    action: 'sign',
    entityType: 'internshipAgreement',
    entityId: id,
    after: { party: body.party, textSha256: a.textSha256, ...(body.party === 'guardian' && { guardianRelation: body.guardianRelation }) },
  });
  return (await loadAgreement(tx, row, today))!;
}

/** Records (or replaces) the liability insurance; the student may never be the payer. */
export async function recordInsurance(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { insurer: string; policyNo: string; coverageStart: string; coverageEnd: string; payer: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  requireStatus(row, ['accepted', 'active'], '登记保险');
  const v = checkInsurance(body, rules);
  if (v.length) refuse(v);
  const payer = body.payer as 'school' | 'enterprise';
  const [before] = await tx.select().from(internshipInsurance).where(eq(internshipInsurance.internshipId, id));
  const values = {
    insurer: body.insurer,
    policyNo: body.policyNo,
    coverageStart: body.coverageStart,
    coverageEnd: body.coverageEnd,
    payer,
    recordedBy: actor.userId,
    recordedAt: now,
  };
  if (before) {
    await tx
      .update(internshipInsurance)
      .set({ ...values, version: before.version + 1 })
      .where(eq(internshipInsurance.internshipId, id));
  } else {
    await tx.insert(internshipInsurance).values({ internshipId: id, ...values });
  }
  await audit.record({
    action: before ? 'update' : 'create',
    entityType: 'internshipInsurance',
    entityId: id,
    before: before
      ? {
          insurer: before.insurer,
          policyNo: before.policyNo,
          coverageStart: before.coverageStart,
          coverageEnd: before.coverageEnd,
          payer: before.payer,
        }
      : null,
    after: { insurer: body.insurer, policyNo: body.policyNo, coverageStart: body.coverageStart, coverageEnd: body.coverageEnd, payer },
  });
  return getInternship(tx, access, id, todayOf(now));
}

/** Starts the internship: refused, naming the rule, unless the agreement is fully signed and insured on the start day. */
export async function startInternship(tx: Tx, audit: Auditor, access: Access, id: string, startDate: string | undefined, now: Date) {
  const row = await findInternship(tx, access, id, true);
  requireStatus(row, ['accepted'], '开始实习');
  const today = todayOf(now);
  const start = startDate ?? today;
  const [agreement, [ins]] = await Promise.all([
    loadAgreementState(tx, row, today),
    tx.select().from(internshipInsurance).where(eq(internshipInsurance.internshipId, id)),
  ]);
  const v = checkStart({ startDate: start, today, plannedEnd: row.i.plannedEnd, agreement, insurance: ins ?? null }, rules);
  if (v.length) refuse(v);
  await setInternship(tx, id, { status: 'active', startedOn: start });
  await audit.record({
    action: 'start',
    entityType: 'internship',
    entityId: id,
    before: { status: 'accepted' },
    after: { status: 'active', startedOn: start },
  });
  return getInternship(tx, access, id, today);
}

async function loadAgreementState(tx: Tx, row: InternshipRow, today: string) {
  const a = await loadAgreement(tx, row, today);
  return a
    ? {
        required: a.requiredParties,
        missing: a.missingParties,
        complete: a.complete,
        guardianRequired: a.requiredParties.includes('guardian'),
      }
    : null;
}
