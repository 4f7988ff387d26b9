import path from 'node:path';

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
    piiKeyPrevious: (env.PII_KEY_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    piiIndexKey: env.PII_INDEX_KEY || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: intOr(env.BODY_LIMIT_BYTES, 1024 * 1024),
    importMaxBytes: intOr(env.IMPORT_MAX_BYTES, 20 * 1024 * 1024),
    importMaxRows: intOr(env.IMPORT_MAX_ROWS, 200_000),
  };
}

function intOr(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
