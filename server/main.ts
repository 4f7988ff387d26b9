import { buildApp } from './app.ts';
import { bootstrap, startWorkers } from './bootstrap.ts';
import { seedIfEmpty } from './demo/seed.ts';
import { startDailyJobs } from './jobs/daily.ts';
import { DAILY_JOBS } from './jobs/kinds.ts';

/** `npm start`: open and migrate the database, load the demo data on first start, serve API and web app. */
const services = await bootstrap();
const { config } = services;
const app = await buildApp(services, { serveWeb: true });
services.database.onConnectionError = (err) => app.log.warn({ err }, 'database connection lost (the pool reconnects)');
const logins = await seedIfEmpty(services, (msg: string) => app.log.info(msg));
const runner = startWorkers(services, (msg, err) => app.log.error({ err }, msg));
const daily = startDailyJobs(services, DAILY_JOBS, (msg, err) => app.log.error({ err }, msg));
await app.listen({ port: config.port, host: config.host });

const url = `http://localhost:${config.port}/`;
const engine = services.database.engine === 'pglite' ? `embedded PGlite (${config.dataDir})` : 'PostgreSQL server';
console.log(`\n产教 Chanjiao is running at ${url}  [database: ${engine}]`);
if (logins.length) {
  console.log(`Demo sign-ins (password: ${config.demoPasswordIsDefault ? config.demoPassword : 'the value of DEMO_PASSWORD'}):`);
  for (const l of logins) console.log(`  ${l.username.padEnd(18)} ${l.label}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    daily.stop();
    await runner.stop();
    await app.close();
    await services.database.close();
    process.exit(0);
  });
}
