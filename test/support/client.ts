/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  readonly base: string;
  cookie = '';
  csrfToken = '';

  constructor(base: string) {
    this.base = base;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('cj_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await res.text();
    let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  /** A download's bytes (PDF, .xlsx), with the session cookie. */
  async bytes(path: string) {
    const res = await fetch(this.base + path, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }

  async login(username: string, password: string) {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
