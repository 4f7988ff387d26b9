import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import type { PiiCipher } from './pii.ts';

/** What route handlers and commands are given: the database, the configuration, the PII cipher, the clock, and a way to wake this process's job runner. */
export interface Services {
  database: Database;
  config: Config;
  pii: PiiCipher;
  now(): Date;
  /** Tells this process's job runner that work was submitted. */
  pokeJobs(): void;
}
