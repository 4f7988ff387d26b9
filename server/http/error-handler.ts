import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorCode } from '../../core/errors.ts';
import { isConnectionLost } from '../db/faults.ts';
import { ERROR_STATUS, type ErrorBody } from './errors.ts';

/** Fastify's own errors that come from bad input, by their stable codes. */
const FRAMEWORK_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_JSON', message: '请求长度与内容不符' },
};

/** The pool reconnects on the next request; a few seconds covers a PostgreSQL restart. */
const DB_RETRY_AFTER_SECONDS = 5;

/** One error shape for every answer: `{ code, message, fields?, requestId }`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let body: ErrorBody;
    if (err instanceof AppError) {
      body = { code: err.code, message: err.message, ...(err.fields && { fields: err.fields }), ...err.details };
      if (typeof err.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(err.details.retryAfterSeconds));
    } else if ('code' in err && err.code && FRAMEWORK_CODES[err.code]) {
      body = { ...FRAMEWORK_CODES[err.code]! };
    } else if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) {
      body = { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' };
    } else if (isConnectionLost(err)) {
      req.log.warn({ err }, 'database connection lost');
      body = { code: 'DB_UNAVAILABLE', message: '数据库连接暂时中断，本次操作可能未完成，请稍后刷新页面核对后重试' };
      reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
    } else {
      req.log.error({ err }, 'unhandled error');
      body = { code: 'INTERNAL', message: '服务器内部错误，请稍后重试；如问题持续，请联系管理员并提供请求编号' };
    }
    body.requestId = req.id;
    reply.code(ERROR_STATUS[body.code]).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在', requestId: req.id } satisfies ErrorBody);
  });
}
