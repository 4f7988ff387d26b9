import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { ruleShapeProblems, type RuleFacts } from '../../../core/credit-bank/rules.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Rule, RuleCreate } from '../../../contracts/credit-bank.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, programs, recognitionRules } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { eitherScope, iso, num } from './scope.ts';

const issuer = alias(organisations, 'rule_issuer');
const school = alias(organisations, 'rule_school');

/** A rule is reached by its two parties (and their districts) and by the bureau. */
const ruleScope = (access: Access) =>
  eitherScope(
    access,
    scopeWhere(access, { organisationId: recognitionRules.issuerId, districtId: issuer.districtId }),
    scopeWhere(access, { organisationId: recognitionRules.targetSchoolId, districtId: school.districtId }),
  );

function select(db: Db | Tx) {
  return db
    .select({ r: recognitionRules, issuerName: issuer.name, targetSchoolName: school.name })
    .from(recognitionRules)
    .innerJoin(issuer, eq(issuer.id, recognitionRules.issuerId))
    .innerJoin(school, eq(school.id, recognitionRules.targetSchoolId));
}

function toRule(row: { r: typeof recognitionRules.$inferSelect; issuerName: string; targetSchoolName: string }): Rule {
  const r = row.r;
  return {
    id: r.id,
    ruleKey: r.ruleKey,
    version: r.version,
    status: r.status,
    scope: r.scope,
    issuerId: r.issuerId,
    issuerName: row.issuerName,
    outcomeKind: r.outcomeKind,
    outcomeCode: r.outcomeCode,
    field: r.field,
    minLevel: r.minLevel,
    targetSchoolId: r.targetSchoolId,
    targetSchoolName: row.targetSchoolName,
    targetProgramId: r.targetProgramId,
    targetCourseCode: r.targetCourseCode,
    targetCourseName: r.targetCourseName,
    creditMode: r.creditMode,
    creditValue: Number(r.creditValue),
    maxCredits: num(r.maxCredits),
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    agreementRef: r.agreementRef,
    issuerAgreedAt: iso(r.issuerAgreedAt),
    schoolAgreedAt: iso(r.schoolAgreedAt),
    archivedAt: iso(r.archivedAt),
    archivedReason: r.archivedReason,
  };
}

export function toRuleFacts(r: typeof recognitionRules.$inferSelect): RuleFacts {
  return {
    id: r.id,
    ruleKey: r.ruleKey,
    version: r.version,
    status: r.status,
    scope: r.scope,
    issuerId: r.issuerId,
    outcomeKind: r.outcomeKind,
    outcomeCode: r.outcomeCode,
    field: r.field,
    minLevel: r.minLevel,
    targetSchoolId: r.targetSchoolId,
    targetProgramId: r.targetProgramId,
    targetCourseCode: r.targetCourseCode,
    targetCourseName: r.targetCourseName,
    creditMode: r.creditMode,
    creditValue: Number(r.creditValue),
    maxCredits: num(r.maxCredits),
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
  };
}

export async function listRules(
  db: Db,
  access: Access,
  q: { status?: Rule['status']; targetSchoolId?: string; issuerId?: string; page: number; pageSize: number },
) {
  const where = and(
    ruleScope(access),
    q.status ? eq(recognitionRules.status, q.status) : undefined,
    q.targetSchoolId ? eq(recognitionRules.targetSchoolId, q.targetSchoolId) : undefined,
    q.issuerId ? eq(recognitionRules.issuerId, q.issuerId) : undefined,
  );
  const [found, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(recognitionRules.createdAt), desc(recognitionRules.version))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(recognitionRules)
        .innerJoin(issuer, eq(issuer.id, recognitionRules.issuerId))
        .innerJoin(school, eq(school.id, recognitionRules.targetSchoolId))
        .where(where),
    ),
  ]);
  return { items: found.map(toRule), total, page: q.page, pageSize: q.pageSize };
}

export async function getRule(db: Db | Tx, access: Access, id: string): Promise<Rule> {
  const [row] = await select(db).where(and(eq(recognitionRules.id, id), ruleScope(access)));
  if (!row) throw notFound('认定规则');
  return toRule(row);
}

/** Which side of a rule the caller stands on; a caller on neither side does not see the rule at all. */
function side(access: Access, r: { issuerId: string; targetSchoolId: string }): 'issuer' | 'school' | 'both' {
  const orgs = access.kind === 'limited' ? access.organisationIds : [];
  const asIssuer = orgs.includes(r.issuerId);
  const asSchool = orgs.includes(r.targetSchoolId);
  if (asIssuer && asSchool) return 'both';
  if (asIssuer) return 'issuer';
  if (asSchool) return 'school';
  throw notFound('认定规则');
}

async function checkParties(tx: Tx, body: RuleCreate) {
  const fields: Record<string, string> = { ...ruleShapeProblems({ ...body }) };
  const [target] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, body.targetSchoolId));
  if (target?.kind !== 'school') fields.targetSchoolId = '转入方须为学校';
  const [src] = await tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, body.issuerId));
  if (src?.kind !== 'school' && src?.kind !== 'enterprise') fields.issuerId = '成果签发方须为学校或企业';
  if (body.issuerId === body.targetSchoolId) fields.issuerId = '签发方与转入学校不能相同';
  if (body.targetProgramId) {
    const [p] = await tx.select({ schoolId: programs.schoolId }).from(programs).where(eq(programs.id, body.targetProgramId));
    if (p?.schoolId !== body.targetSchoolId) fields.targetProgramId = '该专业不属于转入学校';
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

/** A party proposes a rule; its own side counts as agreed. The other side's agreement puts it in force. */
export async function createRule(
  tx: Tx,
  audit: Auditor,
  access: Access,
  body: RuleCreate,
  who: { userId: string | null; now: Date },
  ruleKey: string = crypto.randomUUID(),
  version = 1,
) {
  const s = side(access, body);
  await checkParties(tx, body);
  const agreed = (mine: boolean) => (mine ? { by: who.userId, at: who.now } : { by: null, at: null });
  const a = agreed(s !== 'school');
  const b = agreed(s !== 'issuer');
  const [row] = await tx
    .insert(recognitionRules)
    .values({
      ...body,
      ruleKey,
      version,
      creditValue: String(body.creditValue),
      maxCredits: body.maxCredits === null ? null : String(body.maxCredits),
      status: 'proposed',
      issuerAgreedBy: a.by,
      issuerAgreedAt: a.at,
      schoolAgreedBy: b.by,
      schoolAgreedAt: b.at,
      createdBy: who.userId,
    })
    .returning();
  await audit.record({
    action: version === 1 ? 'create' : 'revise',
    entityType: 'recognitionRule',
    entityId: row!.id,
    after: { ruleKey, version, scope: body.scope, targetCourseCode: body.targetCourseCode, creditValue: body.creditValue },
  });
  if (a.at && b.at) return activate(tx, audit, row!.id, who.now);
  return getRule(tx, { kind: 'city' }, row!.id);
}

/** A new version of a rule, proposed by either party; the version in force stays until the new one is agreed. */
export async function reviseRule(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  body: Partial<RuleCreate> & Omit<RuleCreate, 'scope' | 'issuerId' | 'targetSchoolId'>,
  who: { userId: string | null; now: Date },
) {
  const current = await getRule(tx, access, id);
  side(access, current);
  const [latest] = await tx
    .select({ v: sql<number>`max(${recognitionRules.version})::int` })
    .from(recognitionRules)
    .where(eq(recognitionRules.ruleKey, current.ruleKey));
  const merged: RuleCreate = {
    ...body,
    scope: body.scope ?? current.scope,
    issuerId: current.issuerId,
    targetSchoolId: current.targetSchoolId,
  };
  return createRule(tx, audit, access, merged, who, current.ruleKey, (latest?.v ?? current.version) + 1);
}

export async function agreeRule(tx: Tx, audit: Auditor, access: Access, id: string, who: { userId: string | null; now: Date }) {
  const rule = await getRule(tx, access, id);
  if (rule.status !== 'proposed')
    throw new AppError('CONFLICT', rule.status === 'active' ? '该规则已生效' : '该规则已归档，不能再同意', {
      details: { reason: rule.status === 'archived' ? 'RULE_ARCHIVED' : 'RULE_ACTIVE' },
    });
  const s = side(access, rule);
  const set = {
    ...(s !== 'school' && !rule.issuerAgreedAt && { issuerAgreedBy: who.userId, issuerAgreedAt: who.now }),
    ...(s !== 'issuer' && !rule.schoolAgreedAt && { schoolAgreedBy: who.userId, schoolAgreedAt: who.now }),
  };
  if (!Object.keys(set).length) throw new AppError('CONFLICT', '本方已同意，等待对方确认', { details: { reason: 'AWAITING_OTHER_PARTY' } });
  await tx.update(recognitionRules).set(set).where(eq(recognitionRules.id, id));
  await audit.record({ action: 'agree', entityType: 'recognitionRule', entityId: id, after: { side: s } });
  const after = await getRule(tx, { kind: 'city' }, id);
  return after.issuerAgreedAt && after.schoolAgreedAt ? activate(tx, audit, id, who.now) : after;
}

/**
 * Both parties agreed: the version comes into force. Earlier versions of the same rule end where it begins
 * (their effectiveTo is brought forward), so exactly one version governs any day.
 */
async function activate(tx: Tx, audit: Auditor, id: string, _now: Date) {
  const [row] = await tx.update(recognitionRules).set({ status: 'active' }).where(eq(recognitionRules.id, id)).returning();
  await tx
    .update(recognitionRules)
    .set({ effectiveTo: row!.effectiveFrom })
    .where(
      and(
        eq(recognitionRules.ruleKey, row!.ruleKey),
        ne(recognitionRules.id, id),
        eq(recognitionRules.status, 'active'),
        lt(recognitionRules.version, row!.version),
        or(isNull(recognitionRules.effectiveTo), gt(recognitionRules.effectiveTo, row!.effectiveFrom)),
      ),
    );
  await audit.record({
    action: 'activate',
    entityType: 'recognitionRule',
    entityId: id,
    before: { status: 'proposed' },
    after: { status: 'active' },
  });
  return getRule(tx, { kind: 'city' }, id);
}

export async function archiveRule(tx: Tx, audit: Auditor, access: Access, id: string, reason: string, now: Date) {
  const rule = await getRule(tx, access, id);
  if (access.kind !== 'city') side(access, rule);
  if (rule.status === 'archived') throw new AppError('CONFLICT', '该规则已归档', { details: { reason: 'RULE_ARCHIVED' } });
  await tx.update(recognitionRules).set({ status: 'archived', archivedAt: now, archivedReason: reason }).where(eq(recognitionRules.id, id));
  await audit.record({
    action: 'archive',
    entityType: 'recognitionRule',
    entityId: id,
    before: { status: rule.status },
    after: { status: 'archived', reason },
  });
  return getRule(tx, { kind: 'city' }, id);
}

/** The rules of a target school that may apply (active ones; the core checks dates and matching). */
export async function activeRulesFor(tx: Tx, schoolId: string): Promise<RuleFacts[]> {
  const found = await tx
    .select()
    .from(recognitionRules)
    .where(and(eq(recognitionRules.targetSchoolId, schoolId), eq(recognitionRules.status, 'active')));
  return found.map(toRuleFacts);
}

export async function ruleRow(tx: Tx, id: string) {
  const [r] = await tx.select().from(recognitionRules).where(eq(recognitionRules.id, id));
  return r ?? null;
}
