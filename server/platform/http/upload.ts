import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLEAN_TEXT_MESSAGE, isCleanText } from '../../../contracts/common.ts';
import { AppError, validationFailed } from '../../../core/errors.ts';

/**
 * An evidence file arrives as the raw request body (Content-Type application/octet-stream, the import
 * upload's parser) with its name in `?fileName=` or the X-File-Name header (URI-encoded).
 */
export function uploadedFile(req: FastifyRequest, queryName: string | undefined): { fileName: string; data: Buffer } {
  const data = req.body;
  if (!Buffer.isBuffer(data) || data.length === 0) {
    throw new AppError('VALIDATION_FAILED', '请上传文件：请求体为文件内容，Content-Type为application/octet-stream', {
      fields: { file: '没有收到文件' },
    });
  }
  const header = req.headers['x-file-name'];
  let fileName = queryName;
  if (!fileName && typeof header === 'string' && header) {
    try {
      fileName = decodeURIComponent(header);
    } catch {
      fileName = header;
    }
  }
  if (!fileName)
    throw new AppError('VALIDATION_FAILED', '请提供文件名（查询参数fileName或请求头X-File-Name）', {
      fields: { fileName: '请提供文件名' },
    });
  if (!isCleanText(fileName)) throw validationFailed({ fileName: CLEAN_TEXT_MESSAGE }, `文件名${CLEAN_TEXT_MESSAGE}`);
  // Cut by characters, not UTF-16 units: a cut pair would itself break the text rule.
  fileName = [...fileName.replace(/[\\/\r\n]/g, '_')].slice(0, 200).join('');
  return { fileName, data };
}

/** Sets a stored file up as a download (the handler returns the bytes); nosniff so a browser never renders it as something else. */
export function sendFile(reply: FastifyReply, f: { fileName: string; mediaType: string; data: Buffer }): Buffer {
  reply
    .header('content-type', f.mediaType)
    .header('content-disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return f.data;
}
