import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/engine.ts';
import { createPiiCipher } from '../../server/pii.ts';
import type { Services } from '../../server/services.ts';
import type { TestEngine } from './engines.ts';

export interface TestServer {
  url: string;
  services: Services;
  app: FastifyInstance;
  close(): Promise<void>;
}

const TEST_PII_KEY = Buffer.alloc(32, 7);

/** The real app on a free port over real HTTP, on a fresh in-memory PGlite or the test server database. */
export async function startTestServer(engine: TestEngine, env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ ...env, DATA_DIR: path.join(os.tmpdir(), 'chanjiao-test-unused'), SEED_DEMO: 'false' });
  const database = await openDatabase({ databaseUrl: engine.databaseUrl });
  const services: Services = { database, config, pii: createPiiCipher(TEST_PII_KEY), now: () => new Date() };
  return listen(services);
}

export async function listen(services: Services): Promise<TestServer> {
  const app = await buildApp(services, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address, services, app,
    async close() {
      await app.close();
      await services.database.close();
    },
  };
}
