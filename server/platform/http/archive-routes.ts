import type { z } from 'zod';
import { archiveRequest, idParams } from '../../../contracts/common.ts';
import type { Access, Permission } from '../../../core/authz/index.ts';
import type { Auditor } from '../audit/auditor.ts';
import type { Tx } from '../db/engine.ts';
import { defineRoute, type AnyRoute } from './route.ts';

/** The repository call both routes make: set or clear the archived state of one record at the version read. */
type SetArchived<R> = (tx: Tx, audit: Auditor, access: Access, id: string, version: number, archived: boolean, now: Date) => Promise<R>;

export interface ArchiveRoutes<R> {
  /** The resource's collection URL, e.g. `/api/programs`. */
  base: string;
  tag: string;
  /** The policy permission both routes need (restoring undoes archiving, so it is the same grant). */
  access: Permission;
  /** What is archived, in Chinese (开设专业), and why it is kept rather than deleted. */
  noun: string;
  kept: string;
  response: z.ZodType<R>;
  setArchived: SetArchived<R>;
}

/**
 * `POST <base>/:id/archive` and `POST <base>/:id/restore`: the register never deletes a record others may
 * refer to; it hides it from lists until restored. Both name the version they read (a stale one is 409).
 */
export function archiveRoutes<R>(d: ArchiveRoutes<R>): AnyRoute[] {
  const route = (archived: boolean) =>
    defineRoute({
      method: 'POST',
      url: `${d.base}/:id/${archived ? 'archive' : 'restore'}`,
      tags: [d.tag],
      access: d.access,
      summary: archived ? `归档${d.noun}（${d.kept}）` : `恢复已归档的${d.noun}`,
      params: idParams,
      body: archiveRequest,
      response: d.response,
      handler: ({ access, params, body, services, write }) =>
        write((tx, audit) => d.setArchived(tx, audit, access, params.id, body.version, archived, services.now())),
    });
  return [route(true), route(false)];
}
