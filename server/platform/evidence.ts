import crypto from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, validationFailed } from '../../core/errors.ts';
import { checkEvidence, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from '../../core/supervision/index.ts';
import type { Auditor } from './audit/auditor.ts';
import type { Db, Tx } from './db/engine.ts';
import { evidenceFiles } from './db/schema/index.ts';

type OwnerKind = 'taskReport' | 'indicatorReport' | 'certificationCase' | 'internationalRecord' | 'carrier';

const listed = {
  id: evidenceFiles.id,
  ownerId: evidenceFiles.ownerId,
  fileName: evidenceFiles.fileName,
  type: evidenceFiles.type,
  mediaType: evidenceFiles.mediaType,
  byteSize: evidenceFiles.byteSize,
  createdAt: evidenceFiles.createdAt,
};

/** The evidence files of some reports (without their bytes), per report id. */
export async function evidenceOf(db: Db | Tx, ownerKind: OwnerKind, ownerIds: string[]) {
  const out = new Map<
    string,
    Array<{ id: string; fileName: string; type: string; mediaType: string; byteSize: number; createdAt: string }>
  >();
  if (!ownerIds.length) return out;
  const found = await db
    .select(listed)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.ownerKind, ownerKind), inArray(evidenceFiles.ownerId, ownerIds)))
    .orderBy(asc(evidenceFiles.createdAt));
  for (const { ownerId, createdAt, ...f } of found) {
    const list = out.get(ownerId) ?? [];
    list.push({ ...f, createdAt: createdAt.toISOString() });
    out.set(ownerId, list);
  }
  return out;
}

/**
 * Stores an evidence file after checking its content type (magic bytes, not only the name) and size. A
 * refused file leaves the report as it was: nothing is written.
 */
export async function addEvidence(
  tx: Tx,
  audit: Auditor,
  ownerKind: OwnerKind,
  ownerId: string,
  fileName: string,
  data: Buffer,
  userId: string,
) {
  const check = checkEvidence(fileName, data, EVIDENCE_MAX_BYTES);
  if (!check.ok) {
    if (check.reason === 'tooLarge')
      throw new AppError('PAYLOAD_TOO_LARGE', check.message, {
        fields: { file: check.message },
        details: { maxBytes: EVIDENCE_MAX_BYTES },
      });
    if (check.reason === 'type') throw new AppError('UNSUPPORTED_MEDIA_TYPE', check.message, { fields: { file: check.message } });
    throw validationFailed({ file: check.message }, check.message);
  }
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.ownerKind, ownerKind), eq(evidenceFiles.ownerId, ownerId)))) as [{ n: number }];
  if (n >= EVIDENCE_MAX_FILES) throw new AppError('CONFLICT', `每份报告最多上传${EVIDENCE_MAX_FILES}个佐证材料`);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  const [row] = await tx
    .insert(evidenceFiles)
    .values({
      ownerKind,
      ownerId,
      fileName,
      type: check.type,
      mediaType: check.mediaType,
      byteSize: data.length,
      sha256,
      data,
      uploadedBy: userId,
    })
    .returning(listed);
  await audit.record({
    action: 'evidence.add',
    entityType: ownerKind === 'taskReport' ? 'task_report' : ownerKind === 'indicatorReport' ? 'indicator_report' : ownerKind,
    entityId: ownerId,
    after: { fileName, type: check.type, byteSize: data.length, sha256 },
  });
  const { ownerId: _o, createdAt, ...f } = row!;
  return { ...f, createdAt: createdAt.toISOString() };
}

/** One file's bytes; the caller has already checked that the report is within its scope. */
export async function readEvidence(db: Db, ownerKind: OwnerKind, ownerId: string, fileId: string) {
  const [f] = await db
    .select({ fileName: evidenceFiles.fileName, mediaType: evidenceFiles.mediaType, data: evidenceFiles.data })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, fileId), eq(evidenceFiles.ownerKind, ownerKind), eq(evidenceFiles.ownerId, ownerId)));
  if (!f) throw new AppError('NOT_FOUND', '佐证材料不存在或您无权查看');
  return f;
}
