import { systemClock } from './platform/clock.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { openDatabase } from './platform/db/engine.ts';
import { createJobRegistry } from './job-kinds.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { createPiiCipher, loadPiiKeyRing } from './platform/pii.ts';
import type { Services } from './platform/services.ts';

/** Opens the database named by the configuration (migrating it) and assembles the services. */
export async function bootstrap(config: Config = loadConfig()): Promise<Services> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    dataDir: config.dataDir,
    schema: config.databaseSchema,
  });
  return {
    database,
    config,
    pii: createPiiCipher(loadPiiKeyRing(config)),
    now: systemClock,
    pokeJobs: () => {},
  };
}

/** Starts this process's job runner and lets submitted work wake it. */
export function startWorkers(services: Services, log?: (msg: string, err?: unknown) => void) {
  const runner = startJobRunner(services, createJobRegistry(), { log, pollMs: 1000 });
  services.pokeJobs = runner.poke;
  return runner;
}
