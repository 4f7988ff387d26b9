import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { outcomeCredential, transcriptCredential, type CredentialOutcome } from '../../../core/credit-bank/credential.ts';
import { didKeyVerificationMethod } from '../../../core/credit-bank/multibase.ts';
import { attachProof, prepareVerification, proofConfiguration, signingInput } from '../../../core/credit-bank/proof.ts';
import { decideVerdict } from '../../../core/credit-bank/verdict.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  creditAccounts,
  creditLedger,
  credentials,
  learningOutcomes,
  organisations,
  programs,
  majors,
} from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { sha256Bytes, signWith, verifyWith } from '../crypto.ts';
import { countOf } from '../../platform/db/paging.ts';
import { ownAccount } from './accounts.ts';
import { activeKey, keyByPublic } from './keys.ts';
import { accountScope, iso, num } from './scope.ts';

type CredentialRow = typeof credentials.$inferSelect;

function toRecord(c: CredentialRow) {
  return {
    id: c.id,
    accountId: c.accountId,
    kind: c.kind,
    outcomeId: c.outcomeId,
    keyId: c.keyId,
    status: c.status,
    revokedAt: iso(c.revokedAt),
    revokedReason: c.revokedReason,
    createdAt: c.createdAt.toISOString(),
    document: JSON.parse(c.document) as Record<string, unknown>,
  };
}

export async function listCredentials(db: Db, access: Access, q: { accountId?: string; page: number; pageSize: number }) {
  const where = and(accountScope(access), q.accountId ? eq(credentials.accountId, q.accountId) : undefined);
  const [found, total] = await Promise.all([
    db
      .select({ c: credentials })
      .from(credentials)
      .innerJoin(creditAccounts, eq(creditAccounts.id, credentials.accountId))
      .where(where)
      .orderBy(desc(credentials.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(credentials)
        .innerJoin(creditAccounts, eq(creditAccounts.id, credentials.accountId))
        .where(where),
    ),
  ]);
  return { items: found.map((r) => toRecord(r.c)), total, page: q.page, pageSize: q.pageSize };
}

export async function getCredential(db: Db | Tx, access: Access, id: string) {
  const [row] = await db
    .select({ c: credentials })
    .from(credentials)
    .innerJoin(creditAccounts, eq(creditAccounts.id, credentials.accountId))
    .where(and(eq(credentials.id, id), accountScope(access)));
  if (!row) throw notFound('凭证');
  return toRecord(row.c);
}

async function outcomesFor(tx: Tx, where: ReturnType<typeof eq>): Promise<CredentialOutcome[]> {
  const found = await tx
    .select({ o: learningOutcomes, issuerName: organisations.name })
    .from(learningOutcomes)
    .innerJoin(organisations, eq(organisations.id, learningOutcomes.issuerId))
    .where(and(where, eq(learningOutcomes.status, 'active')))
    .orderBy(asc(learningOutcomes.achievedOn), asc(learningOutcomes.id));
  return found.map(({ o, issuerName }) => ({
    id: o.id,
    kind: o.kind,
    code: o.code,
    title: o.title,
    issuerId: o.issuerId,
    issuerName,
    field: o.field,
    level: o.level,
    credits: num(o.credits),
    grade: o.grade,
    hours: o.hours,
    awardRank: o.awardRank,
    achievedOn: o.achievedOn,
    evidenceUrl: o.evidenceUrl,
  }));
}

/** Issues a signed credential for one outcome or for the whole account (transcript), and keeps the exact JSON. */
export async function issueCredential(
  tx: Tx,
  audit: Auditor,
  access: Access,
  pii: PiiCipher,
  body: { kind: 'outcome'; outcomeId: string } | { kind: 'transcript'; accountId?: string },
  who: { userId: string | null; now: Date },
) {
  let accountId: string;
  let outcomeId: string | null = null;
  if (body.kind === 'outcome') {
    const [o] = await tx
      .select({ accountId: learningOutcomes.accountId, status: learningOutcomes.status })
      .from(learningOutcomes)
      .innerJoin(creditAccounts, eq(creditAccounts.id, learningOutcomes.accountId))
      .where(and(eq(learningOutcomes.id, body.outcomeId), accountScope(access)));
    if (!o) throw notFound('学习成果');
    if (o.status !== 'active') throw new AppError('CONFLICT', '已撤销的学习成果不能出具凭证', { details: { reason: 'OUTCOME_REVOKED' } });
    accountId = o.accountId;
    outcomeId = body.outcomeId;
  } else {
    accountId = body.accountId ?? (access.kind === 'limited' && access.userId ? await ownAccount(tx, access.userId) : '');
    if (!accountId) throw validationFailed({ accountId: '请指定学习账户' });
  }
  const [account] = await tx
    .select()
    .from(creditAccounts)
    .where(and(eq(creditAccounts.id, accountId), accountScope(access)));
  if (!account) throw notFound('学习账户');
  const id = crypto.randomUUID();
  // Seconds precision, as the VC data model's dateTimeStamp examples use.
  const issuedAt = `${who.now.toISOString().slice(0, 19)}Z`;
  const learner = { accountNo: account.accountNo, name: account.holderName };
  let unsecured: Record<string, unknown>;
  if (outcomeId) {
    const [outcome] = await outcomesFor(tx, eq(learningOutcomes.id, outcomeId));
    unsecured = outcomeCredential({ id, issuedAt, learner, outcome: outcome! });
  } else {
    const recognitions = await tx
      .select({
        credits: sql<string>`sum(${creditLedger.credits})`,
        courseCode: creditLedger.courseCode,
        programName: majors.name,
        outcomeTitle: learningOutcomes.title,
      })
      .from(creditLedger)
      .innerJoin(programs, eq(programs.id, creditLedger.programId))
      .innerJoin(majors, eq(majors.id, programs.majorId))
      .leftJoin(learningOutcomes, eq(learningOutcomes.id, creditLedger.outcomeId))
      .where(and(eq(creditLedger.accountId, accountId), inArray(creditLedger.kind, ['recognition', 'compensation'])))
      .groupBy(creditLedger.transferItemId, creditLedger.courseCode, majors.name, learningOutcomes.title)
      .having(sql`sum(${creditLedger.credits}) > 0`);
    unsecured = transcriptCredential({
      id,
      issuedAt,
      learner,
      outcomes: await outcomesFor(tx, eq(learningOutcomes.accountId, accountId)),
      recognitions: recognitions.map((r) => ({
        programName: r.programName,
        courseCode: r.courseCode,
        credits: Number(r.credits),
        outcomeTitle: r.outcomeTitle,
      })),
    });
  }
  const key = await activeKey(tx, pii);
  const config = proofConfiguration(unsecured, { created: issuedAt, verificationMethod: didKeyVerificationMethod(key.publicKeyMultibase) });
  const signature = signWith(pii, key.privateKeyCipher, signingInput(unsecured, config, sha256Bytes));
  const document = attachProof(unsecured, config, signature);
  const [row] = await tx
    .insert(credentials)
    .values({
      id,
      accountId,
      kind: body.kind,
      outcomeId,
      keyId: key.id,
      document: JSON.stringify(document),
      createdBy: who.userId,
    })
    .returning();
  await audit.record({
    action: 'issue',
    entityType: 'credential',
    entityId: id,
    after: { kind: body.kind, accountNo: account.accountNo, outcomeId, keyId: key.id },
  });
  return toRecord(row!);
}

export async function revokeCredential(tx: Tx, audit: Auditor, access: Access, id: string, reason: string, now: Date) {
  const c = await getCredential(tx, access, id);
  if (c.status === 'revoked') throw new AppError('CONFLICT', '该凭证已撤销', { details: { reason: 'ALREADY_REVOKED' } });
  await tx.update(credentials).set({ status: 'revoked', revokedAt: now, revokedReason: reason }).where(eq(credentials.id, id));
  await audit.record({
    action: 'revoke',
    entityType: 'credential',
    entityId: id,
    before: { status: 'active' },
    after: { status: 'revoked', reason },
  });
  return getCredential(tx, { kind: 'city' }, id);
}

/** The public check of a pasted credential: signature first, then the records of key and credential. */
export async function verifyCredential(db: Db, document: unknown) {
  const prepared = prepareVerification(document);
  const name = typeof (document as { name?: unknown })?.name === 'string' ? (document as { name: string }).name : null;
  const credentialId = typeof (document as { id?: unknown })?.id === 'string' ? (document as { id: string }).id : null;
  if (!prepared.ok) {
    return {
      ...decideVerdict({ problem: prepared.problem, key: null, signatureValid: false, credential: null }),
      credentialId,
      verificationMethod: null,
      name,
    };
  }
  const key = await keyByPublic(db, prepared.publicKeyMultibase);
  const signatureValid = key
    ? verifyWith(prepared.publicKeyMultibase, signingInput(prepared.unsecured, prepared.config, sha256Bytes), prepared.signature)
    : false;
  const uuid = credentialId?.startsWith('urn:uuid:') ? credentialId.slice(9) : null;
  const [record] = uuid && /^[0-9a-f-]{36}$/i.test(uuid) ? await db.select().from(credentials).where(eq(credentials.id, uuid)) : [];
  const verdict = decideVerdict({
    problem: null,
    signatureValid,
    key: key && { status: key.status, revokedReason: key.revokedReason, revokedAt: iso(key.revokedAt) },
    credential: record ? { status: record.status, revokedReason: record.revokedReason, revokedAt: iso(record.revokedAt) } : null,
  });
  return { ...verdict, credentialId, verificationMethod: prepared.verificationMethod, name };
}

/** The stored credential behind a shared link or QR code, with its verdict; nothing else about the learner. */
export async function publicCredential(db: Db, id: string) {
  const [record] = await db.select().from(credentials).where(eq(credentials.id, id));
  if (!record) throw notFound('凭证');
  const document = JSON.parse(record.document) as Record<string, unknown>;
  return { credential: document, verification: await verifyCredential(db, document) };
}
