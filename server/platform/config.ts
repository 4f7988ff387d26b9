import path from 'node:path';
import type { ThrottleRules } from '../../core/auth/throttle.ts';

/** Every environment variable the platform reads, in one place (the README's configuration table mirrors it). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite engine is used. */
  databaseUrl: string | undefined;
  /** A read-only standby (streaming replica) that reports and the cockpit may read from; the primary when absent. */
  databaseReadUrl: string | undefined;
  /** PostgreSQL schema for the tables (default public); tests give each run a schema of its own. */
  databaseSchema: string | undefined;
  /** Data folder of the embedded engine and of the local key file. */
  dataDir: string;
  demoPassword: string;
  demoPasswordIsDefault: boolean;
  /** Load the demo data set into an empty database at start. */
  seedDemo: boolean;
  /** `tiny` for browser tests, `demo` for `npm start`, `city` for benchmarks. */
  demoScale: 'tiny' | 'demo' | 'city';
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  /** 32-byte key (base64) that protects personal information at rest; generated into the data folder when absent. */
  piiKey: string | undefined;
  /** Earlier keys (base64, comma-separated, newest first), readable until `npm run pii:rotate` has finished. */
  piiKeyPrevious: string[];
  /** The blind-index key (base64), printed by `pii:rotate`; by default derived from the oldest key of the ring. */
  piiIndexKey: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  /** Largest spreadsheet accepted for import (413 above it), and most data rows in one import. */
  importMaxBytes: number;
  importMaxRows: number;
  /** Sign-in throttling per (account, address) pair, per account (the looser ceiling) and per address. */
  signInThrottle: ThrottleRules;
  /** What the daily clean-up keeps (server/platform/jobs/tidy.ts). */
  retention: Retention;
}

export interface Retention {
  /** Sessions are deleted once expired; this long after their idle or absolute end (kept briefly for support). */
  sessionDays: number;
  /** Sign-in throttle rows whose window and lock are over, this long after their window started. */
  throttleDays: number;
  /** Finished jobs keep their outcome; their input, checkpoint and any uploaded file bytes go after this long. */
  jobPayloadDays: number;
}

export const DEFAULT_DEMO_PASSWORD = 'Chanjiao@2025';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const demoPassword = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  return {
    port: intOr(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    demoPassword,
    demoPasswordIsDefault: !env.DEMO_PASSWORD,
    seedDemo: env.SEED_DEMO !== 'false',
    demoScale: env.DEMO_SCALE === 'city' || env.DEMO_SCALE === 'tiny' ? env.DEMO_SCALE : 'demo',
    sessionIdleMinutes: intOr(env.SESSION_IDLE_MINUTES, 120),
    sessionAbsoluteHours: intOr(env.SESSION_ABSOLUTE_HOURS, 12),
    cookieSecure: env.COOKIE_SECURE === 'true',
    piiKey: env.PII_KEY || undefined,
    piiKeyPrevious: (env.PII_KEY_PREVIOUS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    piiIndexKey: env.PII_INDEX_KEY || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: intOr(env.BODY_LIMIT_BYTES, 1024 * 1024),
    importMaxBytes: intOr(env.IMPORT_MAX_BYTES, 20 * 1024 * 1024),
    importMaxRows: intOr(env.IMPORT_MAX_ROWS, 200_000),
    signInThrottle: signInThrottle(env),
    retention: {
      sessionDays: intOr(env.SESSION_RETENTION_DAYS, 1),
      throttleDays: intOr(env.SIGN_IN_THROTTLE_RETENTION_DAYS, 1),
      jobPayloadDays: intOr(env.JOB_PAYLOAD_RETENTION_DAYS, 30),
    },
  };
}

/**
 * A few wrong passwords lock only the (account, address) pair; the per-account ceiling is looser, so that a
 * guesser elsewhere cannot lock a clerk out at her desk, and still stops a guess spread over many addresses.
 */
function signInThrottle(env: NodeJS.ProcessEnv): ThrottleRules {
  const windowSeconds = intOr(env.SIGN_IN_WINDOW_MINUTES, 15) * 60;
  const lockSeconds = intOr(env.SIGN_IN_LOCK_MINUTES, 15) * 60;
  return {
    pair: { maxFailures: intOr(env.SIGN_IN_PAIR_MAX_FAILURES, 5), windowSeconds, lockSeconds },
    account: { maxFailures: intOr(env.SIGN_IN_ACCOUNT_MAX_FAILURES, 30), windowSeconds, lockSeconds },
    address: { maxFailures: intOr(env.SIGN_IN_ADDRESS_MAX_FAILURES, 100), windowSeconds, lockSeconds },
  };
}

function intOr(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
