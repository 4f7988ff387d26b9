import { diffFields, type FieldChanges } from '../../core/audit/diff.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import { insertBatch } from './sql-batch.ts';

/** Who an import writes for: the uploader, recorded on every audit row of the import. */
export interface ImportActor {
  userId: string;
  displayName: string;
  organisationId: string | null;
  /** The upload request, so the audit rows of one import can be found together. */
  requestId: string;
}

interface AuditRow {
  action: string;
  entityType: string;
  entityId: string;
  changes: FieldChanges;
}

/**
 * The audit rows of an import, written in batches with the data they describe and in the same transaction
 * (the shape of server/audit's auditor, without one INSERT per row: an import may change 100,000 records).
 * Personal information is recorded as changed without its values.
 */
export class AuditBatch {
  readonly #actor: ImportActor;
  #pending: AuditRow[] = [];

  constructor(actor: ImportActor) {
    this.#actor = actor;
  }

  /** The uploader, for records that name their creator (created_by). */
  get actorUserId(): string {
    return this.#actor.userId;
  }

  created(entityType: string, entityId: string, after: Record<string, unknown>, redact: readonly string[] = []) {
    this.#pending.push({ action: 'import.create', entityType, entityId, changes: diffFields(null, after, redact) });
  }

  /** Records an update when something changed; answers whether it did. */
  updated(
    entityType: string,
    entityId: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    redact: readonly string[] = [],
  ): boolean {
    const changes = diffFields(before, after, redact);
    if (!Object.keys(changes).length) return false;
    this.#pending.push({ action: 'import.update', entityType, entityId, changes });
    return true;
  }

  async flush(tx: Db | Tx) {
    const a = this.#actor;
    await insertBatch(tx, 'audit_log', this.#pending, [
      { name: 'actor_user_id', type: 'uuid', value: () => a.userId },
      { name: 'actor_name', type: 'text', value: () => a.displayName },
      { name: 'actor_organisation_id', type: 'uuid', value: () => a.organisationId },
      { name: 'request_id', type: 'text', value: () => a.requestId },
      { name: 'action', type: 'text', value: (r) => r.action },
      { name: 'entity_type', type: 'text', value: (r) => r.entityType },
      { name: 'entity_id', type: 'text', value: (r) => r.entityId },
      { name: 'changes', type: 'jsonb', value: (r) => r.changes },
    ]);
    this.#pending = [];
  }
}
