import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/engine.ts';
import { createPiiCipher, loadPiiKey } from './pii.ts';
import type { Services } from './services.ts';

/** Opens the database named by the configuration (migrating it) and assembles the services. */
export async function bootstrap(config: Config = loadConfig()): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return {
    database,
    config,
    pii: createPiiCipher(loadPiiKey(config.piiKey, config.dataDir)),
    now: () => new Date(),
  };
}
