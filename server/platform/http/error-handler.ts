import crypto from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../../core/errors.ts';
import { isConnectionLost } from '../db/faults.ts';
import { ERROR_STATUS, type ErrorBody } from './errors.ts';

/** Fastify's own errors that come from bad input, by their stable codes. */
const FRAMEWORK_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: '请求内容为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_JSON', message: '请求长度与内容不符' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', message: '请求地址的编码不正确' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'BAD_REQUEST', message: '请求地址中的编号过长' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', message: '请求无法识别' },
};

/** The pool reconnects on the next request; a few seconds covers a PostgreSQL restart. */
const DB_RETRY_AFTER_SECONDS = 5;
/**
 * Input the database refused that the edge did not catch (a code naming a row that is not there, a number
 * over the column): still the client's mistake, a 400 naming the field, never a 500.
 */
const DATABASE_INPUT_ERRORS: Record<string, string> = {
  '23503': '所选的记录不存在',
  '22003': '数值超出允许的范围',
  '22001': '内容过长',
  '22021': '含有无法保存的字符',
  '22P05': '含有无法保存的字符',
  '22P02': '格式不正确',
  '22007': '日期或时间格式不正确',
  '22008': '日期或时间超出范围',
};

/** The PostgreSQL error under a driver's or Drizzle's wrapper, if the error is one. */
function databaseError(err: unknown): { code: string; detail?: string; column?: string } | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { code?: unknown; detail?: unknown; column?: unknown };
    if (typeof o.code === 'string' && o.code in DATABASE_INPUT_ERRORS) {
      return {
        code: o.code,
        detail: typeof o.detail === 'string' ? o.detail : undefined,
        column: typeof o.column === 'string' ? o.column : undefined,
      };
    }
  }
  return null;
}

/** `Key (cluster_code)=(x) is not present …` → `clusterCode`: the field of the API named like the column. */
function fieldOf(db: { detail?: string; column?: string }): string {
  const column = db.column ?? db.detail?.match(/^Key \(([a-z_0-9]+)\)/)?.[1];
  return column ? column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : 'body';
}

/** One error shape for every answer: `{ code, message, fields?, requestId }`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    let body: ErrorBody;
    const db = err instanceof AppError ? null : databaseError(err);
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
    } else if (db) {
      // Worth a look (the contract could say it first), but the client's mistake: a warning, not an error.
      req.log.warn({ err }, 'input refused by the database');
      const reason = DATABASE_INPUT_ERRORS[db.code]!;
      body = { code: 'VALIDATION_FAILED', message: `提交的内容有误：${reason}`, fields: { [fieldOf(db)]: reason } };
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

/**
 * Errors Fastify's router meets before a route is chosen (a broken percent-encoding, an over-long path
 * parameter): the same shape, and the security headers the hooks would have set.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const body: ErrorBody = {
    ...(FRAMEWORK_CODES[err.code] ?? { code: 'BAD_REQUEST', message: '请求格式不正确，服务器无法识别' }),
    requestId: req.id,
  };
  reply.code(ERROR_STATUS[body.code]).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(body);
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (a 100,000-character address is a 431, a
 * broken request line a 400), answered in the platform's error shape rather than Fastify's own.
 */
export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const body: ErrorBody =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? { code: 'HEADERS_TOO_LARGE', message: '请求地址或请求头过长，请缩短查询条件后重试' }
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { code: 'REQUEST_TIMEOUT', message: '请求超时，请重试' }
        : { code: 'BAD_REQUEST', message: '请求格式不正确，服务器无法识别' };
  body.requestId = crypto.randomUUID();
  const status = ERROR_STATUS[body.code];
  const json = JSON.stringify(body);
  this.log.debug({ err, requestId: body.requestId }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(err);
}
