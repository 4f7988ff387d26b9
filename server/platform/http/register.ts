import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cleanInput } from '../../../contracts/common.ts';
import { accessFor, actingOrganisation, type Access, type Actor } from '../../../core/authz/index.ts';
import { AppError, forbidden, validationFailed, type FieldErrors } from '../../../core/errors.ts';
import { loadActor } from '../auth/actor.ts';
import { findSession, SESSION_COOKIE, type SessionLookup } from '../auth/sessions.ts';
import { createAuditor } from '../audit/auditor.ts';
import type { Services } from '../services.ts';
import type { AnyRoute, RouteContext } from './route.ts';

const CITY: Access = { kind: 'city' };

declare module 'fastify' {
  interface FastifyRequest {
    session?: Extract<SessionLookup, { state: 'active' }>;
  }
}

/** Registers route definitions: schema validation, session, CSRF, authorisation and audit all happen here. */
export function registerRoutes(app: FastifyInstance, services: Services, routes: AnyRoute[]) {
  for (const route of routes) {
    if (!route.access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    app.route({
      method: route.method,
      url: route.url,
      handler: async (req, reply) => {
        const ctx = await buildContext(route, services, req, reply);
        const result = await route.handler(ctx);
        if (reply.sent) return reply;
        reply.code(route.status ?? 200);
        return result ?? null;
      },
    });
  }
}

async function buildContext(
  route: AnyRoute,
  services: Services,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<RouteContext<unknown, unknown, unknown>> {
  const { actor, access } = await authorise(route, services, req);
  const params = parse(route.params, req.params, 'params');
  const query = parse(route.query, req.query, 'query');
  const body = parse(route.body, req.body, 'body');
  const actorOrganisationId = !actor
    ? null
    : typeof route.access === 'object'
      ? actingOrganisation(actor, route.access)
      : (actor.memberships[0]?.organisationId ?? null);
  return {
    params,
    query,
    body,
    actor,
    access,
    services,
    req,
    reply,
    requestId: req.id,
    write: (fn) =>
      services.database.db.transaction((tx) =>
        fn(
          tx,
          createAuditor(tx, {
            actorUserId: actor?.userId ?? null,
            actorName: actor?.displayName ?? null,
            actorOrganisationId,
            requestId: req.id,
          }),
        ),
      ),
  };
}

async function authorise(route: AnyRoute, services: Services, req: FastifyRequest): Promise<{ actor: Actor | null; access: Access }> {
  if (route.access === 'public') return { actor: null, access: CITY };
  const { config, database } = services;
  const session = await findSession(
    database.db,
    req.cookies[SESSION_COOKIE],
    {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    },
    services.now(),
  );
  if (session.state === 'expired') throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  if (session.state === 'none') throw new AppError('UNAUTHENTICATED', '请先登录');
  req.session = session;
  if (req.method !== 'GET' && req.method !== 'HEAD' && !route.skipCsrf) checkCsrf(req, session.csrfToken);
  if (session.mustChangePassword && !route.allowBeforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
  }
  const actor = await loadActor(database.db, session.userId);
  if (!actor) throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  if (route.access === 'authenticated') return { actor, access: CITY };
  const access = accessFor(actor, route.access);
  if (access.kind === 'none') throw forbidden();
  return { actor, access };
}

/** Synchronizer token: cookie-authenticated writes must echo the session's token in a header. */
function checkCsrf(req: FastifyRequest, expected: string) {
  const sent = req.headers['x-csrf-token'];
  const ok =
    typeof sent === 'string' && sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new AppError('CSRF_FAILED', '请求校验失败，请刷新页面后重试');
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  // The text rule first, over every string of the part: the route's schema then sees only storable text.
  const clean = cleanInput.safeParse(value);
  if (!clean.success) throw validationFailed(fieldErrors(clean.error, where));
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw validationFailed(fieldErrors(result.error, where));
}

export function fieldErrors(error: z.ZodError, where: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不允许的字段';
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : where;
    fields[key] ??= issue.message;
  }
  return fields;
}
