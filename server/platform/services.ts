import type { Config } from './config.ts';
import type { Database } from './db/engine.ts';
import type { JobRegistry } from './jobs/registry.ts';
import type { PiiCipher } from './pii.ts';

/** What route handlers and commands are given: the database, the configuration, the PII cipher, the clock and the jobs. */
export interface Services {
  database: Database;
  config: Config;
  pii: PiiCipher;
  now(): Date;
  /** Job kinds this process can run. */
  jobs: JobRegistry;
  /** Tells this process's job runner that work was submitted. */
  pokeJobs(): void;
}
