import type { Access } from '../../../core/authz/index.ts';
import type { ImportIssue } from '../../../core/imports/index.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import type { AuditBatch } from '../audit-batch.ts';
import type { LoadedRefs } from '../references.ts';

/** A validated record and the sheet row it came from (for messages). */
export interface Item<R> {
  row: number;
  record: R;
}

export interface WriteContext {
  refs: LoadedRefs;
  access: Access;
  pii: PiiCipher;
  audit: AuditBatch;
}

export interface Tally {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * How an entity's validated records meet the register: upsert by natural key, where an unchanged record is
 * neither rewritten nor audited, and a record outside the caller's scope is not touched.
 */
export interface EntityWriter<R> {
  /** Rows whose natural key belongs to a stored record the caller may not change (read-only, before any write). */
  conflicts(db: Db, batch: readonly Item<R>[], ctx: WriteContext): Promise<ImportIssue[]>;
  /** Inserts new records and updates changed ones, with their audit rows, inside the import's transaction. */
  write(tx: Tx, batch: readonly Item<R>[], ctx: WriteContext, tally: Tally): Promise<void>;
}
