import { todayOf } from '../../../core/calendar.ts';
import type { FastifyReply } from 'fastify';
import { accessFor, type Access, type Actor } from '../../../core/authz/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { Services } from '../services.ts';
import type { PiiCipher } from '../pii.ts';
import { attachment, XLSX_MIME } from './xlsx-stream.ts';

/** Clear personal information: the cipher, the caller's PII scope, and who reads (for pii_access_log). */
export interface ClearPii {
  pii: PiiCipher;
  access: Access;
  userId: string;
  requestId: string;
}

/** Starts an .xlsx download named `<name>_<yyyymmdd>.xlsx` (the day in Zhengzhou), never cached: it may hold personal data. */
export function xlsxDownload(reply: FastifyReply, name: string, now: Date): void {
  reply
    .header('content-type', XLSX_MIME)
    .header('cache-control', 'no-store')
    .header('content-disposition', attachment(`${name}_${todayOf(now).replace(/-/g, '')}.xlsx`));
}

/** Starts an A4 PDF download named `<name>_<yyyymmdd>.pdf`; `inline` opens it in the browser's viewer to print. */
export function pdfDownload(reply: FastifyReply, name: string, now: Date, inline = false): void {
  reply
    .header('content-type', 'application/pdf')
    .header('cache-control', 'no-store')
    .header('content-disposition', attachment(`${name}_${todayOf(now).replace(/-/g, '')}.pdf`, inline ? 'inline' : 'attachment'));
}

/**
 * Students' ID numbers and phones in clear for an export, when asked for: only with the personal-information
 * grant (its scope then narrows the export), and every row read is logged against this reader and request.
 */
export function clearPiiFor(asked: boolean | undefined, actor: Actor, services: Services, requestId: string): ClearPii | null {
  if (!asked) return null;
  const access = accessFor(actor, { resource: 'studentPersonalInfo', action: 'read' });
  if (access.kind === 'none') throw new AppError('FORBIDDEN', '您无权导出学生身份证号和手机号原文，请导出脱敏版本');
  return { pii: services.pii, access, userId: actor.userId, requestId };
}
