import { eq, sql } from 'drizzle-orm';
import { createAuditor } from '../platform/audit/auditor.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { jobs, type JobProgress } from '../platform/db/schema/jobs.ts';
import { JobRegistry, type JobHandler } from '../platform/jobs/registry.ts';
import { startJobRunner } from '../platform/jobs/runner.ts';
import { submitJob } from '../platform/jobs/submit.ts';
import type { PiiCipher } from '../platform/pii.ts';
import type { Services } from '../platform/services.ts';

export const PII_ROTATE_JOB = 'pii.rotate';

/** Every column that holds a value encrypted with the PII key, by table and its key column. */
export const PROTECTED_COLUMNS: readonly { table: string; key: string; columns: readonly string[] }[] = [
  { table: 'students', key: 'id', columns: ['id_number_cipher', 'phone_cipher'] },
  { table: 'teacher_id_numbers', key: 'teacher_id', columns: ['id_number_cipher'] },
  { table: 'internships', key: 'id', columns: ['enterprise_mentor_phone_cipher'] },
  { table: 'credential_keys', key: 'id', columns: ['private_key_cipher'] },
];

const BATCH = 500;

interface Checkpoint {
  /** Index in PROTECTED_COLUMNS of the table under way, and the last key done in it. */
  table: number;
  after: string | null;
  done: number;
}

/** A value the current key did not write: what is left to rotate. */
function stale(pii: PiiCipher, column: string) {
  return sql`(${sql.identifier(column)} is not null and ${sql.identifier(column)} not like ${`v2.${pii.keyId}.%`})`;
}

function anyStale(pii: PiiCipher, columns: readonly string[]) {
  return sql.join(
    columns.map((c) => stale(pii, c)),
    sql` or `,
  );
}

/** Rows holding a value not yet under the current key, over all protected tables. */
export async function countStale(db: Db, pii: PiiCipher): Promise<number> {
  let n = 0;
  for (const t of PROTECTED_COLUMNS) {
    const [r] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(t.table)} where ${anyStale(pii, t.columns)}`,
    );
    n += r!.n;
  }
  return n;
}

/**
 * Re-encrypts one batch of one table under the current key. The rows are locked for the batch's short
 * transaction, so an edit made meanwhile by an app server waits for it (or is waited for) and is never
 * overwritten with an older value; business fields, `version` and `updated_at` are left as they are.
 */
async function rotateBatch(db: Db, pii: PiiCipher, t: (typeof PROTECTED_COLUMNS)[number], after: string | null) {
  return db.transaction(async (tx) => {
    const key = sql.identifier(t.key);
    const cols = sql.join(
      t.columns.map((c) => sql.identifier(c)),
      sql`, `,
    );
    const batch = await rows<Record<string, string | null>>(
      tx,
      sql`
      select ${key}::text as k, ${cols} from ${sql.identifier(t.table)}
      where (${anyStale(pii, t.columns)}) ${after === null ? sql`` : sql`and ${key} > ${after}`}
      order by ${key} limit ${BATCH} for update`,
    );
    if (!batch.length) return { last: null, count: 0 };
    const values = batch.map(
      (r) =>
        sql`(${r.k}::uuid, ${sql.join(
          t.columns.map((c) => {
            const v = r[c] ?? null;
            return sql`${v === null || pii.isCurrent(v) ? v : pii.encrypt(pii.decrypt(v))}::text`;
          }),
          sql`, `,
        )})`,
    );
    const names = sql.join(
      t.columns.map((c) => sql.identifier(`n_${c}`)),
      sql`, `,
    );
    await tx.execute(sql`
      update ${sql.identifier(t.table)} as t set ${sql.join(
        t.columns.map((c) => sql`${sql.identifier(c)} = v.${sql.identifier(`n_${c}`)}`),
        sql`, `,
      )}
      from (values ${sql.join(values, sql`, `)}) as v(k, ${names})
      where t.${key} = v.k`);
    await createAuditor(tx, { actorUserId: null, actorName: 'pii:rotate', actorOrganisationId: null, requestId: null }).record({
      action: 'pii.rotate',
      entityType: t.table,
      entityId: pii.keyId,
      after: { rows: batch.length, from: batch[0]!.k, to: batch.at(-1)!.k },
    });
    return { last: batch.at(-1)!.k!, count: batch.length };
  });
}

/**
 * The rotation job: walks every protected table in key order, batch by batch, saving where it stands after
 * each batch, so that a run that is stopped (or whose process dies) resumes where it was. It needs the
 * current key to be the one the job was started for: a process with another ring would write under another key.
 */
export const piiRotateJob: JobHandler = async (ctx) => {
  const { pii } = ctx.services;
  const { db } = ctx.services.database;
  if (ctx.input.keyId !== pii.keyId)
    throw new Error(`this process writes under key ${pii.keyId}, the job rotates to ${String(ctx.input.keyId)}`);
  let at = (ctx.checkpoint as Checkpoint | null) ?? { table: 0, after: null, done: 0 };
  const total = at.done + (await countStale(db, pii));
  while (at.table < PROTECTED_COLUMNS.length) {
    const t = PROTECTED_COLUMNS[at.table]!;
    const { last, count } = await rotateBatch(db, pii, t, at.after);
    at = last === null ? { table: at.table + 1, after: null, done: at.done } : { table: at.table, after: last, done: at.done + count };
    await ctx.saveCheckpoint(at as unknown as Record<string, unknown>);
    await ctx.progress({ done: at.done, total, message: `正在用新密钥重新加密：${t.table}` });
  }
  // Values written under an older key while the walk was past them (a server not yet given the new ring).
  const left = await countStale(db, pii);
  return { keyId: pii.keyId, rows: at.done, left };
};

/**
 * What `npm run pii:rotate` does: submits the rotation to the current key (or takes up the one already
 * submitted: a failed or interrupted run resumes from its checkpoint, a finished one runs again when values under
 * an older key were written since), runs it in this process and reports its progress until it ends.
 */
export async function rotatePiiKey(services: Services, report: (p: JobProgress) => void, pollMs = 500) {
  const { db } = services.database;
  const { job, existing } = await submitJob(db, {
    kind: PII_ROTATE_JOB,
    input: { keyId: services.pii.keyId },
    idempotencyKey: services.pii.keyId,
    createdBy: null,
    organisationId: null,
  });
  if (existing && job.status !== 'running' && (job.status === 'failed' || (await countStale(db, services.pii)) > 0)) {
    const restart = job.status === 'succeeded' ? { checkpoint: null } : {};
    await db
      .update(jobs)
      .set({ status: 'queued', error: null, finishedAt: null, ...restart })
      .where(eq(jobs.id, job.id));
  }
  const registry = new JobRegistry();
  registry.register(PII_ROTATE_JOB, piiRotateJob);
  const runner = startJobRunner(services, registry, { pollMs });
  try {
    for (;;) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, job.id));
      report(row!.progress);
      if (row!.status === 'succeeded') return row!.result as { keyId: string; rows: number; left: number };
      if (row!.status === 'failed') throw new Error(`rotation failed: ${row!.error?.message ?? ''}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    await runner.stop();
  }
}
