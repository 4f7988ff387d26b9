import { asc, eq, sql } from 'drizzle-orm';
import { didKeyVerificationMethod } from '../../../core/credit-bank/multibase.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { credentialKeys } from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { generateSigningKey } from '../crypto.ts';
import { iso } from './scope.ts';

/**
 * The platform's Ed25519 signing keys. One is active; rotation retires it (credentials it signed still verify);
 * revocation makes everything it signed fail verification with the reason.
 */
type KeyRow = typeof credentialKeys.$inferSelect;

export function publicKey(k: KeyRow) {
  return {
    id: k.id,
    publicKeyMultibase: k.publicKeyMultibase,
    verificationMethod: didKeyVerificationMethod(k.publicKeyMultibase),
    status: k.status,
    createdAt: k.createdAt.toISOString(),
    retiredAt: iso(k.retiredAt),
    revokedAt: iso(k.revokedAt),
    revokedReason: k.revokedReason,
  };
}

export async function listKeys(db: Db) {
  const found = await db.select().from(credentialKeys).orderBy(asc(credentialKeys.createdAt));
  return { items: found.map(publicKey) };
}

/** The active key, created on first use (the platform needs no set-up step before its first credential). */
export async function activeKey(tx: Tx, pii: PiiCipher): Promise<KeyRow> {
  const [k] = await tx.select().from(credentialKeys).where(eq(credentialKeys.status, 'active'));
  if (k) return k;
  const [created] = await tx
    .insert(credentialKeys)
    .values({ ...generateSigningKey(pii), status: 'active' })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [other] = await tx.select().from(credentialKeys).where(eq(credentialKeys.status, 'active'));
  return other!;
}

export async function rotateKey(tx: Tx, audit: Auditor, pii: PiiCipher, now: Date) {
  // Rotations one at a time: a second one waits here and then retires the key the first created, instead of
  // inserting a second active key beside it (the unique index would refuse it: a 500 for two clicks at once).
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('credit-bank.key-rotation'))`);
  const [old] = await tx
    .update(credentialKeys)
    .set({ status: 'retired', retiredAt: now })
    .where(eq(credentialKeys.status, 'active'))
    .returning();
  const [created] = await tx
    .insert(credentialKeys)
    .values({ ...generateSigningKey(pii), status: 'active' })
    .returning();
  await audit.record({
    action: 'rotate',
    entityType: 'credentialKey',
    entityId: created!.id,
    after: { retired: old?.id ?? null, publicKeyMultibase: created!.publicKeyMultibase },
  });
  return publicKey(created!);
}

export async function revokeKey(tx: Tx, audit: Auditor, pii: PiiCipher, id: string, reason: string, now: Date) {
  const [k] = await tx.select().from(credentialKeys).where(eq(credentialKeys.id, id));
  if (!k) throw notFound('签名密钥');
  if (k.status === 'revoked') throw new AppError('CONFLICT', '该密钥已吊销', { details: { reason: 'ALREADY_REVOKED' } });
  const [row] = await tx
    .update(credentialKeys)
    .set({ status: 'revoked', revokedAt: now, revokedReason: reason })
    .where(eq(credentialKeys.id, id))
    .returning();
  await audit.record({
    action: 'revoke',
    entityType: 'credentialKey',
    entityId: id,
    before: { status: k.status },
    after: { status: 'revoked', reason },
  });
  // A revoked active key is replaced at once, so issuing never stops.
  if (k.status === 'active') await activeKey(tx, pii);
  return publicKey(row!);
}

export async function keyByPublic(db: Db, publicKeyMultibase: string) {
  const [k] = await db.select().from(credentialKeys).where(eq(credentialKeys.publicKeyMultibase, publicKeyMultibase));
  return k ?? null;
}
