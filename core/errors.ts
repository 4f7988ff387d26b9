/**
 * Typed errors with stable codes. The core raises them; the HTTP shell maps each code to a status in one
 * table (server/platform/http/errors.ts). Callers branch on `code`, never on the message.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'INVALID_CREDENTIALS',
  'PASSWORD_CHANGE_REQUIRED',
  'WEAK_PASSWORD',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'RATE_LIMITED',
  'RULE_VIOLATION',
  'PLACES_EXHAUSTED',
  'INTERN_CAP_EXCEEDED',
  'INVALID_STATE',
  'ALREADY_APPLIED',
  'NOT_THE_PARTY',
  'ALREADY_SIGNED',
  'ALREADY_ANSWERED',
  'OVERLAPPING_INTERNSHIP',
  'DB_UNAVAILABLE',
  'POST_EXPIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path → Chinese explanation of what is wrong with it. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** Extra machine-readable facts for the client, e.g. `retryAfterSeconds`. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { fields?: FieldErrors; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = () => new AppError('FORBIDDEN', '您的角色无权进行此操作');
export const validationFailed = (fields: FieldErrors, message = '提交的内容有误，请按提示修改') =>
  new AppError('VALIDATION_FAILED', message, { fields });
export const versionConflict = () =>
  new AppError('VERSION_CONFLICT', '该记录已被他人修改，请刷新后重新编辑', { fields: { version: '版本已过期' } });
