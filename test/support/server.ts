import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app.ts';
import { startWorkers } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { createPiiCipher } from '../../server/platform/pii.ts';
import type { Services } from '../../server/platform/services.ts';
import { openTestDatabase, type TestEngine } from './engines.ts';

export interface TestServer {
  url: string;
  services: Services;
  app: FastifyInstance;
  /** Stops the HTTP server and job runner but keeps the database open (a process restart over the same data). */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

const TEST_PII_KEY = Buffer.alloc(32, 7);

/** The real app on a free port over real HTTP, on a fresh in-memory PGlite or the test server database. */
export async function startTestServer(
  engine: TestEngine,
  env: Record<string, string> = {},
  logStream?: NodeJS.WritableStream,
): Promise<TestServer> {
  const config = loadConfig({ ...env, DATA_DIR: path.join(os.tmpdir(), 'chanjiao-test-unused'), SEED_DEMO: 'false' });
  const database = await openTestDatabase(engine);
  const services: Services = { database, config, pii: createPiiCipher(TEST_PII_KEY), now: () => new Date(), pokeJobs: () => {} };
  return listen(services, logStream);
}

export async function listen(services: Services, logStream?: NodeJS.WritableStream): Promise<TestServer> {
  const app = await buildApp(services, logStream ? { logStream } : { logger: false });
  const runner = startWorkers(services);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const stopApp = async () => {
    await runner.stop();
    await app.close();
  };
  return {
    url: address,
    services,
    app,
    stopApp,
    async close() {
      await stopApp();
      await services.database.close();
    },
  };
}
