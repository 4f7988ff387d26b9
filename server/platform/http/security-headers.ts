import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * The browser's security headers on every answer (@fastify/helmet): a Content Security Policy that lets the
 * page run only the web app's own scripts and styles — Ant Design's runtime styles carry the per-answer nonce
 * the app shell hands them (web/src/App.tsx), ECharts draws on a canvas — no framing by any site,
 * no Referer leaving the platform, no MIME sniffing. API answers are never stored by a browser or proxy:
 * most of them carry personal data, and the rest are cheap to ask again.
 */
export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Plain HTTP on a campus network or 127.0.0.1 must keep working; TLS in front sets HSTS itself.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
