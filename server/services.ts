import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import type { PiiCipher } from './pii.ts';

/** What route handlers and commands are given: the database, the configuration, the PII cipher and the clock. */
export interface Services {
  database: Database;
  config: Config;
  pii: PiiCipher;
  now(): Date;
}
