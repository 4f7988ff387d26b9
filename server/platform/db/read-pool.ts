import pg from 'pg';
import { systemClock } from '../clock.ts';

/** After the standby failed, reads go to the primary for this long before the standby is tried again. */
const RETRY_STANDBY_MS = 10_000;

/** Errors that say the standby cannot serve now (down, starting, shut down, a recovery conflict), not a bad query. */
function standbyUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  if (typeof e?.code === 'string' && (/^(08|57P)/.test(e.code) || e.code === '40001' || /^E[A-Z]+$/.test(e.code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(e?.message ?? '');
}

/**
 * The pool behind `Database.readDb`: queries go to the streaming-replica standby (DATABASE_READ_URL), and to
 * the primary whenever the standby cannot answer — a report is then read where it is written, never refused.
 * Only plain queries are sent here (reports and the cockpit read; nothing writes or opens a transaction on it).
 */
export class ReadPool extends pg.Pool {
  readonly #primary: pg.Pool;
  #standbyDownUntil = 0;

  constructor(config: pg.PoolConfig, primary: pg.Pool) {
    super(config);
    this.#primary = primary;
    // An idle connection to a standby that restarts must not end the process.
    this.on('error', () => {
      this.#standbyDownUntil = systemClock().getTime() + RETRY_STANDBY_MS;
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const onPrimary = () => (this.#primary.query as (...a: unknown[]) => unknown)(...args);
    if (typeof args.at(-1) === 'function' || systemClock().getTime() < this.#standbyDownUntil) return onPrimary();
    return (super.query as (...a: unknown[]) => Promise<unknown>)(...args).catch((err: unknown) => {
      if (!standbyUnavailable(err)) throw err;
      this.#standbyDownUntil = systemClock().getTime() + RETRY_STANDBY_MS;
      return onPrimary();
    });
  }

  /** Whether reads are going to the standby now (false while they fall back to the primary). */
  get onStandby(): boolean {
    return systemClock().getTime() >= this.#standbyDownUntil;
  }
}
