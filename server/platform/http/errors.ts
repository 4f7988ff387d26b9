import type { ErrorCode } from '../../../core/errors.ts';

/** The one table from error code to HTTP status. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  /** A request HTTP itself cannot read: a broken address or request line. */
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The address (a very long query string) or the headers over the server's limit. */
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  RULE_VIOLATION: 422,
  PLACES_EXHAUSTED: 409,
  INTERN_CAP_EXCEEDED: 409,
  INVALID_STATE: 409,
  ALREADY_APPLIED: 409,
  /** A signature by someone who is not that party of the agreement. */
  NOT_THE_PARTY: 403,
  ALREADY_SIGNED: 409,
  /** A second answer to an anonymous survey by the same respondent (one answer per person, 三 18). */
  ALREADY_ANSWERED: 409,
  OVERLAPPING_INTERNSHIP: 409,
  /** The database connection failed under the request (server restart, failover): nothing to fix in the input. */
  DB_UNAVAILABLE: 503,
  /** An application for a post whose dates are over (已截止). */
  POST_EXPIRED: 409,
  INTERNAL: 500,
};

/** The body of every error answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  requestId?: string;
  [detail: string]: unknown;
}
