import { diffFields } from '../../../core/audit/diff.ts';
import type { Tx } from '../db/engine.ts';
import { auditLog } from '../db/schema/index.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields recorded as changed without their values (personal information). */
  redact?: readonly string[];
}

export interface AuditContext {
  actorUserId: string | null;
  actorName: string | null;
  actorOrganisationId: string | null;
  requestId: string | null;
}

/** Writes audit rows inside the caller's transaction, so the write and its record commit together. */
export interface Auditor {
  record(entry: AuditEntry): Promise<void>;
}

export function createAuditor(tx: Tx, context: AuditContext): Auditor {
  return {
    async record(entry) {
      await tx.insert(auditLog).values({
        ...context,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        changes: diffFields(entry.before ?? null, entry.after ?? null, entry.redact),
      });
    },
  };
}
