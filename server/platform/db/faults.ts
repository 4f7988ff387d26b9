/**
 * Whether an error means the database connection failed, rather than the request: the server restarted or
 * terminated the session (SQLSTATE 57P01–57P03), a connection exception (class 08), or the socket went away.
 * Such an error answers 503 DB_UNAVAILABLE and is retried by jobs; it is never the end of the process.
 */
export function isConnectionLost(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (LOST_CODES.has(code) || code.startsWith('08'))) return true;
    // node-postgres raises these without a code when the socket closes under it (pg/lib/client.js).
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.startsWith(m))) return true;
  }
  return false;
}

const LOST_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * Runs `work` again while it fails for a lost connection: right after a cut the pool may still hand out a
 * connection whose end it has not yet heard of, and the next one is a fresh connection.
 */
export async function retryOnConnectionLoss<T>(work: () => Promise<T>, attempts = 3, delayMs = 500): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (i >= attempts || !isConnectionLost(err)) throw err;
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
