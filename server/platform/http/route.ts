import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Access, Actor, Permission } from '../../../core/authz/index.ts';
import type { Services } from '../services.ts';
import type { Auditor } from '../audit/auditor.ts';
import type { Tx } from '../db/engine.ts';

/**
 * Who may call a route, declared on the route itself: anyone, any signed-in user, or a permission of the
 * policy table (core/authz/grants.ts). A route cannot be registered without one.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in caller; null only on public routes. */
  actor: Actor | null;
  /** What the caller may reach for the route's permission (city-wide for public and authenticated routes). */
  access: Access;
  services: Services;
  requestId: string;
  req: FastifyRequest;
  reply: FastifyReply;
  /** Runs a write in one transaction with its audit rows: both commit or neither does. */
  write<T>(fn: (tx: Tx, audit: Auditor) => Promise<T>): Promise<T>;
}

export interface RouteDef<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined, R> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: RouteAccess;
  params?: PS;
  query?: QS;
  body?: BS;
  response?: z.ZodType<R>;
  /** HTTP status of success; 200 unless said otherwise. */
  status?: number;
  /** A route a user who must still change their password may call (sign-out, me, password change). */
  allowBeforePasswordChange?: boolean;
  /** Sign-in and similar: writes that come without a session cookie and so without a CSRF token. */
  skipCsrf?: boolean;
  handler(ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>>): Promise<R>;
}

// eslint-style escape hatch for heterogeneous route lists; each definition is checked where it is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

/** Identity function that gives a route definition its inferred types. */
export function defineRoute<
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
  R = unknown,
>(def: RouteDef<PS, QS, BS, R>): RouteDef<PS, QS, BS, R> {
  return def;
}
