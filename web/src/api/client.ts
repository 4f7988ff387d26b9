/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, the CSRF token of the
 * signed-in user on every write, and every failure turned into an ApiError carrying the server's stable code,
 * its Chinese message, the offending fields and the request id.
 *
 * Session problems are handled here once for every call: a missing or expired session (401) sends the user to
 * sign-in with the page they were on as `next`; a pending forced password change (403) sends them to the
 * change-password page.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;
  readonly requestId?: string;
  /** The whole error body: some codes carry details (e.g. `retryAfterSeconds` with TOO_MANY_ATTEMPTS). */
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' && body.message ? body.message : fallbackMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : status >= 500 ? 'INTERNAL' : 'UNKNOWN';
    if (body.fields && typeof body.fields === 'object') this.fields = body.fields as Record<string, string>;
    if (typeof body.requestId === 'string') this.requestId = body.requestId;
    this.body = body;
  }
}

function fallbackMessage(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  if (status >= 500) return `服务器暂时无法处理请求（${status}），请稍后重试`;
  return `请求失败（${status}）`;
}

/** Hooks the app installs at start: where the CSRF token comes from and how to react to session problems. */
export interface ClientHooks {
  csrfToken(): string | undefined;
  /** 401 UNAUTHENTICATED / SESSION_EXPIRED on any call but sign-in. */
  onSessionLost(error: ApiError): void;
  /** 403 PASSWORD_CHANGE_REQUIRED. */
  onPasswordChangeRequired(error: ApiError): void;
  /**
   * 403 CSRF_FAILED: the token held is stale (e.g. the user signed in again in another tab). Reload it;
   * the write is then sent once more.
   */
  refreshCsrfToken(): Promise<void>;
}

let hooks: ClientHooks = {
  csrfToken: () => undefined,
  onSessionLost: () => {},
  onPasswordChangeRequired: () => {},
  refreshCsrfToken: async () => {},
};

export function installClientHooks(h: ClientHooks) {
  hooks = h;
}

const SESSION_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x` + `?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  init: { signal?: AbortSignal; csrfRetried?: boolean; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  // A file (spreadsheet import) goes as the raw request body; everything else as JSON.
  const isFile = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = isFile ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = hooks.csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: init.signal,
      body: body === undefined ? undefined : isFile ? body : JSON.stringify(body),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'NETWORK', message: fallbackMessage(0) });
  }
  const text = await res.text();
  const data = text ? parseJson(text, res.status) : null;
  if (!res.ok) {
    const error = new ApiError(res.status, data && typeof data === 'object' ? (data as Record<string, unknown>) : {});
    if (res.status === 401 && SESSION_LOST.has(error.code) && path !== '/api/auth/login') hooks.onSessionLost(error);
    else if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired(error);
    else if (res.status === 403 && error.code === 'CSRF_FAILED' && !init.csrfRetried) {
      await hooks.refreshCsrfToken();
      return api<T>(method, path, body, { ...init, csrfRetried: true });
    }
    throw error;
  }
  return data as T;
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {
      code: status >= 500 ? 'INTERNAL' : 'UNKNOWN',
      message: status >= 400 ? fallbackMessage(status) : '服务器返回了无法识别的内容',
    };
  }
}

export const get = <T>(path: string, query?: Query, init?: { signal?: AbortSignal }) =>
  api<T>('GET', withQuery(path, query), undefined, init);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);
/** Uploads a file as the raw body (POST), with extra headers such as Idempotency-Key. */
export const postFile = <T>(path: string, file: Blob, headers?: Record<string, string>) => api<T>('POST', path, file, { headers });

/** The user-facing text of any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请稍后重试';
}
