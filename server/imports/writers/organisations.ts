import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inScope } from '../../../core/authz/index.ts';
import { AppError } from '../../../core/errors.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { reindexEntity } from '../../search/index.ts';
import { insertBatch, updateBatch, type BatchColumn } from '../sql-batch.ts';
import type { EntityWriter, WriteContext } from './types.ts';

/**
 * Schools and enterprises are organisations (name, natural key as `code`, district) with a table of their
 * own facts keyed by the organisation id. This writer upserts both halves by natural key; `details`
 * describes the entity's own table.
 */
export interface OrgKind<R> {
  kind: 'school' | 'enterprise';
  /** Audit and search entity type, and the column a conflict is reported on. */
  entityType: 'school' | 'enterprise';
  keyHeader: string;
  code(r: R): string;
  name(r: R): string;
  districtId(r: R): string;
  detailsTable: string;
  /** Columns of the details table (without organisation_id), read from a stored row and from a record. */
  details: readonly { name: string; type: string; field: string }[];
  /** The details a record sets, with `undefined` for "keep what is stored" and defaults for new records. */
  detailValues(r: R, stored: Record<string, unknown> | null): Record<string, unknown>;
}

interface Stored {
  id: string;
  code: string;
  name: string;
  districtId: string | null;
  status: string;
  details: Record<string, unknown> | null;
}

async function stored<R>(db: Db | Tx, k: OrgKind<R>, codes: string[]): Promise<Map<string, Stored>> {
  const cols = k.details.map((d) => `'${d.field}', d."${d.name}"`).join(', ');
  const found = await rows<Stored>(
    db,
    sql`
    select o.id, o.code, o.name, o.district_id as "districtId", o.status,
      case when d.organisation_id is null then null else json_build_object(${sql.raw(cols)}) end as details
    from organisations o left join ${sql.identifier(k.detailsTable)} d on d.organisation_id = o.id
    where o.kind = ${k.kind} and o.code = any(${sql.param(codes)}::text[])`,
  );
  return new Map(found.map((s) => [s.code, s]));
}

const reachable = (s: Stored, ctx: WriteContext) => inScope(ctx.access, { organisationId: s.id, districtId: s.districtId });

export function organisationWriter<R>(k: OrgKind<R>): EntityWriter<R> {
  const elsewhere = `该${k.keyHeader}已由您管理范围以外的区县登记，您无权修改`;
  const archived = `该${k.keyHeader}的记录已归档，不能通过导入修改；如需恢复，请联系管理员`;
  const detailColumns: BatchColumn<{ id: string; values: Record<string, unknown> }>[] = [
    { name: 'organisation_id', type: 'uuid', value: (r) => r.id },
    ...k.details.map((d) => ({ name: d.name, type: d.type, value: (r: { values: Record<string, unknown> }) => r.values[d.field] })),
  ];
  return {
    async conflicts(db, batch, ctx) {
      const existing = await stored(
        db,
        k,
        batch.map((b) => k.code(b.record)),
      );
      return batch.flatMap((b) => {
        const s = existing.get(k.code(b.record));
        if (!s) return [];
        if (!reachable(s, ctx)) return [{ row: b.row, column: k.keyHeader, reason: elsewhere }];
        return s.status === 'archived' ? [{ row: b.row, column: k.keyHeader, reason: archived }] : [];
      });
    },

    async write(tx, batch, ctx, tally) {
      const existing = await stored(
        tx,
        k,
        batch.map((b) => k.code(b.record)),
      );
      const newOrgs: { id: string; code: string; name: string; districtId: string }[] = [];
      const changedOrgs: { id: string; name: string; districtId: string }[] = [];
      const details: { id: string; values: Record<string, unknown> }[] = [];
      for (const { row, record } of batch) {
        const s = existing.get(k.code(record));
        const org = { name: k.name(record), districtId: k.districtId(record) };
        if (!s) {
          const id = crypto.randomUUID();
          const values = k.detailValues(record, null);
          newOrgs.push({ id, code: k.code(record), ...org });
          details.push({ id, values });
          ctx.audit.created(k.entityType, id, { code: k.code(record), ...org, ...values });
          continue;
        }
        if (!reachable(s, ctx) || s.status === 'archived')
          throw new AppError(
            'CONFLICT',
            `第${row}行：${s.status === 'archived' ? archived : elsewhere}。数据在校验后发生了变化，请重新导入`,
          );
        const values = k.detailValues(record, s.details);
        const before = { name: s.name, districtId: s.districtId, ...(s.details ?? {}) };
        if (!ctx.audit.updated(k.entityType, s.id, before, { ...org, ...values })) {
          tally.unchanged++;
          continue;
        }
        // The organisation row carries the version of the whole record (name, district and details alike).
        changedOrgs.push({ id: s.id, ...org });
        details.push({ id: s.id, values });
        tally.updated++;
      }
      await insertBatch(tx, 'organisations', newOrgs, [
        { name: 'id', type: 'uuid', value: (r) => r.id },
        { name: 'kind', type: 'text', value: () => k.kind },
        { name: 'code', type: 'text', value: (r) => r.code },
        { name: 'name', type: 'text', value: (r) => r.name },
        { name: 'district_id', type: 'uuid', value: (r) => r.districtId },
      ]);
      await updateBatch(
        tx,
        'organisations',
        { name: 'id', type: 'uuid', value: (r) => r.id },
        changedOrgs,
        [
          { name: 'name', type: 'text', value: (r) => r.name },
          { name: 'district_id', type: 'uuid', value: (r) => r.districtId },
        ],
        'version = t.version + 1, updated_at = now()',
      );
      // Insert or refresh the details row in one statement (an organisation may lack one).
      if (details.length) {
        const names = k.details.map((d) => `"${d.name}" = excluded."${d.name}"`).join(', ');
        await insertDetails(
          tx,
          k.detailsTable,
          details,
          detailColumns,
          `on conflict (organisation_id) do update set ${names}, updated_at = now()`,
        );
      }
      await ctx.audit.flush(tx);
      // The search index changes with the register, in the same transaction (as the repositories do).
      await reindexEntity(
        tx,
        k.entityType,
        details.map((d) => d.id),
      );
      tally.inserted += newOrgs.length;
    },
  };
}

async function insertDetails<T>(tx: Tx, table: string, rowsIn: T[], columns: BatchColumn<T>[], onConflict: string) {
  const list = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const arrays = columns.map((c) => sql`${sql.param(rowsIn.map((r) => c.value(r) ?? null))}::${sql.raw(c.type)}[]`);
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) select * from unnest(${sql.join(arrays, sql`, `)}) as u(${list}) ${sql.raw(onConflict)}`,
  );
}
