import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './platform/http/error-handler.ts';
import { registerRoutes } from './platform/http/register.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { registerUploadParser } from './imports/index.ts';
import { allRoutes } from './routes.ts';
import type { Services } from './platform/services.ts';

z.config(z.locales.zhCN());

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** The web/dist file a URL names, if it names one (has an extension, stays inside the folder). */
function builtFile(url: string): string | null {
  let file: string;
  try {
    file = path.posix.normalize(decodeURIComponent(url.split('?')[0]!)).replace(/^\/+/, '');
  } catch {
    return null;
  }
  return !file.includes('..') && path.posix.extname(file) ? file : null;
}

/**
 * The app shell with this answer's style nonce, which the app hands Ant Design (web/src/App.tsx) so that its
 * runtime styles pass the Content Security Policy. Read on each request: a rebuild changes it.
 */
async function sendShell(reply: FastifyReply, webRoot: string) {
  const html = await fs.promises.readFile(path.join(webRoot, 'index.html'), 'utf8');
  const meta = `<meta name="csp-nonce" content="${reply.cspNonce.style}" />`;
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(html.replace('<head>', `<head>\n    ${meta}`));
}

export interface AppOptions {
  /** Serve the built web app: `true` for web/dist, or another build folder (off in API tests). */
  serveWeb?: boolean | string;
  logger?: boolean;
  /** Where logs go (tests read them); stdout by default. */
  logStream?: NodeJS.WritableStream;
}

/** The HTTP application: API routes, error shape, and the built web app on the same port. */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: services.config.logLevel,
            redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
            ...(opts.logStream && { stream: opts.logStream }),
          },
    bodyLimit: services.config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    trustProxy: process.env.TRUST_PROXY === 'true',
    clientErrorHandler,
    frameworkErrors,
  });
  await installSecurityHeaders(app);
  await app.register(cookie);
  installErrorHandler(app);
  // Spreadsheet uploads: raw bodies with the import's own size limit (JSON keeps the small one).
  registerUploadParser(app, services.config);
  registerRoutes(app, services, allRoutes());
  const webRoot = typeof opts.serveWeb === 'string' ? opts.serveWeb : webDist;
  if (opts.serveWeb && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    // Client-side routes (/home, /audit …) all load the app shell. Files the static plugin did not see at start
    // (a `npm run build:web` while the server runs gives new hashed asset names) are served from disk here, and a
    // missing asset is a 404, not the shell: the browser would otherwise try to run HTML as a script.
    app.get('/*', (req, reply) => {
      const notFound = () => reply.code(404).send({ code: 'NOT_FOUND', message: '请求的地址不存在', requestId: req.id });
      if (req.url.startsWith('/api/')) return notFound();
      const file = builtFile(req.url);
      if (file && fs.existsSync(path.join(webRoot, file))) return reply.sendFile(file);
      if (file?.startsWith('assets/')) return notFound();
      return sendShell(reply, webRoot);
    });
  }
  return app;
}
