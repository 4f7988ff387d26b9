import { systemClock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/engine.ts';
import { createJobRegistry } from './jobs/kinds.ts';
import { startJobRunner } from './jobs/runner.ts';
import { createPiiCipher, loadPiiKeyRing } from './pii.ts';
import type { Services } from './services.ts';

/** Opens the database named by the configuration (migrating it) and assembles the services. */
export async function bootstrap(config: Config = loadConfig()): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, readUrl: config.databaseReadUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  return {
    database,
    config,
    pii: createPiiCipher(loadPiiKeyRing(config)),
    now: systemClock,
    jobs: createJobRegistry(),
    pokeJobs: () => {},
  };
}

/** Starts this process's job runner and lets submitted work wake it. */
export function startWorkers(services: Services, log?: (msg: string, err?: unknown) => void) {
  const runner = startJobRunner(services, services.jobs, { log, pollMs: 1000 });
  services.pokeJobs = runner.poke;
  return runner;
}
