import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { installErrorHandler } from './http/error-handler.ts';
import { registerRoutes } from './http/register.ts';
import { registerUploadParser } from './imports/upload-parser.ts';
import { allRoutes } from './routes/index.ts';
import type { Services } from './services.ts';

z.config(z.locales.zhCN());

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export interface AppOptions {
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  logger?: boolean;
  /** Where logs go (tests read them); stdout by default. */
  logStream?: NodeJS.WritableStream;
}

/** The HTTP application: API routes, error shape, and the built web app on the same port. */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: services.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      ...(opts.logStream && { stream: opts.logStream }),
    },
    bodyLimit: services.config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    trustProxy: process.env.TRUST_PROXY === 'true',
  });
  await app.register(cookie);
  installErrorHandler(app);
  // Spreadsheet uploads: raw bodies with the import's own size limit (JSON keeps the small one).
  registerUploadParser(app, services.config);
  registerRoutes(app, services, allRoutes());
  if (opts.serveWeb && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
    // Client-side routes (/home, /audit …) all load the app shell.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.code(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在', requestId: req.id });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
