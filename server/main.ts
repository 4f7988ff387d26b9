import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { bootstrap, startWorkers } from './bootstrap.ts';
import { loadConfig } from './platform/config.ts';
import { seedIfEmpty, type DemoLogin } from './demo/index.ts';
import { beginFirstStart, embeddedDatabaseDir, endFirstStart } from './first-start.ts';
import { startDailyJobs } from './platform/jobs/daily.ts';
import { DAILY_JOBS } from './job-kinds.ts';
import type { Services } from './platform/services.ts';
import { startFailure } from './start-errors.ts';

/**
 * `npm start`: open and migrate the database, load the demo data on first start, serve API and web app.
 *
 * On a terminal the request log (pino's JSON, one line a request) goes to `server.log` in the data folder, so that
 * what a person reads is the progress of the start and then, last, the banner: where the platform is, which
 * database, and how to sign in. The log stays machine-readable for `grep`/`jq` and is not lost in the scroll. Off a
 * terminal (a service manager, a container) or with LOG_FORMAT=json the log is JSON on stdout as servers expect.
 */
const config = loadConfig();
const tty = process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json';
const logFile = tty ? path.join(config.dataDir, 'server.log') : null;
const say = (msg: string) => {
  if (tty) console.log(`  ${msg}`);
};

let services: Services | undefined;
let app: FastifyInstance | undefined;
let firstStart = false;
try {
  // A busy port is known at once, not after minutes of migrating and seeding (listen() reports it again if it is
  // taken in between).
  await portFree(config.port, config.host);
  if (!config.databaseUrl) {
    firstStart = !fs.existsSync(embeddedDatabaseDir(config.dataDir));
    const restarted = beginFirstStart(config.dataDir);
    if (restarted) console.log(restarted);
    firstStart ||= restarted !== null;
  }
  let logStream: NodeJS.WritableStream | undefined;
  if (logFile) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    logStream = fs.createWriteStream(logFile, { flags: 'a' });
  }
  if (firstStart) say(`首次启动：在 ${config.dataDir} 建立数据库并导入演示数据，需要一两分钟…`);
  services = await bootstrap(config);
  app = await buildApp(services, { serveWeb: true, logStream });
  const log = app.log;
  services.database.onConnectionError = (err) => log.warn({ err }, 'database connection lost (the pool reconnects)');
  const logins = await seedIfEmpty(services, (msg: string) => {
    log.info(msg);
    say(msg);
  });
  if (!config.databaseUrl) endFirstStart(config.dataDir);
  const runner = startWorkers(services, (msg, err) => log.error({ err }, msg));
  const daily = startDailyJobs(services, DAILY_JOBS, (msg, err) => log.error({ err }, msg));
  await app.listen({ port: config.port, host: config.host });
  printBanner(services, logins);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      daily.stop();
      await runner.stop();
      await app!.close();
      await services!.database.close();
      process.exit(0);
    });
  }
} catch (err) {
  app?.log.error({ err }, 'start failed');
  console.error(startFailure(err, config, firstStart));
  if (logFile && app) console.error(`  详细信息见 ${logFile}`);
  await app?.close().catch(() => {});
  await services?.database.close().catch(() => {});
  process.exit(1);
}

function portFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

function printBanner(s: Services, logins: DemoLogin[]) {
  const url = `http://localhost:${config.port}/`;
  const engine = s.database.engine === 'pglite' ? '内置 PGlite' : 'PostgreSQL 服务器（DATABASE_URL）';
  const rule = '─'.repeat(64);
  const lines = [
    '',
    rule,
    `  产教 Chanjiao 已启动   ${url}`,
    `  数据库     ${engine}`,
    `  数据文件夹 ${config.dataDir}`,
    ...(logFile ? [`  请求日志   ${logFile}（JSON；LOG_FORMAT=json 输出到终端）`] : []),
  ];
  if (logins.length) {
    lines.push(`  演示账号   密码 ${config.demoPasswordIsDefault ? config.demoPassword : '见环境变量 DEMO_PASSWORD'}`);
    for (const l of logins) lines.push(`    ${l.username.padEnd(18)} ${l.label}`);
  }
  lines.push(rule, '  Ctrl-C 停止', '');
  console.log(lines.join('\n'));
}
