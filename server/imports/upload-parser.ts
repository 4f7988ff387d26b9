import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { Config } from '../platform/config.ts';

/** Content types a spreadsheet upload may come with: raw bytes, or what a browser sets for the picked file. */
export const UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/vnd.ms-excel',
];

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

function tooLarge(size: number | null, limit: number) {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件${size === null ? '' : `大小为${mb(size)}，`}超过导入上限${mb(limit)}。请拆分为多个文件分批导入`,
    {
      fields: { file: `文件不能超过${mb(limit)}` },
      details: { maxBytes: limit },
    },
  );
}

/**
 * Spreadsheet uploads arrive as the raw request body. Only these content types get the import's size limit
 * (IMPORT_MAX_BYTES, 20 MB by default); JSON keeps the small global body limit. A declared length over the
 * limit is refused before a byte of the body is read; an undeclared one is counted and cut off at the limit.
 */
export function registerUploadParser(app: FastifyInstance, config: Pick<Config, 'importMaxBytes'>) {
  const limit = config.importMaxBytes;
  app.addContentTypeParser(UPLOAD_TYPES, async (req: { headers: Record<string, unknown> }, payload: NodeJS.ReadableStream) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, limit);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge(null, limit);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
  });
}
