import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { actingOrganisation, type Permission } from '../../core/authz/index.ts';
import { CLEAN_TEXT_MESSAGE, isCleanText } from '../../contracts/common.ts';
import { AppError, validationFailed } from '../../core/errors.ts';
import type { ImportEntity } from '../../core/imports/index.ts';
import { importFiles, jobs } from '../platform/db/schema/index.ts';
import type { RouteContext } from '../platform/http/route.ts';
import { submitJob } from '../platform/jobs/submit.ts';
import { toJob } from '../platform/jobs/repository.ts';
import { ENCODING_LABELS } from './encoding.ts';
import type { ImportJobInput } from './job.ts';
import { importJobKind } from './kinds.ts';
import { openSheet } from './sheet.ts';

type Ctx = RouteContext<unknown, { fileName?: string }, unknown>;

/**
 * Takes an uploaded spreadsheet: checks that it can be read (format, encoding, zip) and is not over the row
 * limit, stores it, and queues its import job — the rows themselves are checked by the job. An
 * Idempotency-Key header makes a repeated upload (double click, retried request) return the first import.
 */
export async function acceptUpload(ctx: Ctx, entity: ImportEntity, permission: Permission) {
  const { req, services, actor, access } = ctx;
  const data = req.body;
  if (!Buffer.isBuffer(data) || data.length === 0) {
    throw new AppError('VALIDATION_FAILED', '请上传文件：请求体为文件内容，Content-Type为application/octet-stream', {
      fields: { file: '没有收到文件' },
    });
  }
  const fileName = ctx.query.fileName ?? headerFileName(req.headers['x-file-name']);
  if (!fileName)
    throw new AppError('VALIDATION_FAILED', '请提供文件名（查询参数fileName或请求头X-File-Name）', {
      fields: { fileName: '请提供文件名' },
    });
  if (!isCleanText(fileName)) throw validationFailed({ fileName: CLEAN_TEXT_MESSAGE }, `文件名${CLEAN_TEXT_MESSAGE}`);
  const sheet = await openSheet(fileName, data);
  const maxRows = services.config.importMaxRows;
  if (sheet.rowEstimate - 1 > maxRows) {
    throw new AppError(
      'VALIDATION_FAILED',
      `文件约有${sheet.rowEstimate - 1}行数据，超过单次导入上限${maxRows}行。请拆分为多个文件分批导入`,
      {
        fields: { file: `不能超过${maxRows}行` },
        details: { maxRows },
      },
    );
  }
  const key =
    typeof req.headers['idempotency-key'] === 'string' ? `${actor!.userId}:${req.headers['idempotency-key'].slice(0, 100)}` : undefined;
  const organisationId = actingOrganisation(actor!, permission);
  const { importId, job, existing } = await ctx.write(async (tx, audit) => {
    const importId = crypto.randomUUID();
    await tx.insert(importFiles).values({
      id: importId,
      entity,
      fileName,
      format: sheet.format,
      encoding: sheet.encoding,
      byteSize: data.length,
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
      data,
      createdBy: actor!.userId,
      organisationId,
    });
    const input: ImportJobInput = {
      importId,
      entity,
      access,
      actor: { userId: actor!.userId, displayName: actor!.displayName, organisationId, requestId: ctx.requestId },
    };
    const submitted = await submitJob(tx, {
      kind: importJobKind(entity),
      input: input as unknown as Record<string, unknown>,
      idempotencyKey: key,
      createdBy: actor!.userId,
      organisationId,
    });
    if (submitted.existing) {
      await tx.delete(importFiles).where(eq(importFiles.id, importId));
      return { importId: String(submitted.job.input.importId), job: submitted.job, existing: true };
    }
    await tx.update(importFiles).set({ jobId: submitted.job.id }).where(eq(importFiles.id, importId));
    await audit.record({
      action: 'import.upload',
      entityType: 'import',
      entityId: importId,
      after: { entity, fileName, format: sheet.format, encoding: sheet.encoding, byteSize: data.length, jobId: submitted.job.id },
    });
    return { importId, job: submitted.job, existing: false };
  });
  services.pokeJobs();
  return {
    importId,
    job: toJob(job as typeof jobs.$inferSelect),
    existing,
    format: sheet.format,
    encoding: sheet.encoding,
    encodingLabel: sheet.encoding ? ENCODING_LABELS[sheet.encoding] : null,
    rowEstimate: sheet.rowEstimate,
  };
}

function headerFileName(v: unknown): string | undefined {
  if (typeof v !== 'string' || !v) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(v);
  } catch {
    name = v;
  }
  // Cut by characters, not UTF-16 units: a cut pair would itself break the text rule.
  return isCleanText(name) ? [...name].slice(0, 200).join('') : name;
}
