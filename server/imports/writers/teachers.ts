import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inScope } from '../../../core/authz/index.ts';
import { maskIdNumber } from '../../../core/codes/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { TeacherRecord } from '../../../core/imports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { insertBatch, updateBatch } from '../sql-batch.ts';
import type { EntityWriter, WriteContext } from './types.ts';

interface Stored {
  status?: string;
  id: string;
  idx: string;
  schoolId: string;
  name: string;
  employment: string;
  subject: string;
  dualQualified: boolean;
}

/** Stored teachers by blind index of their ID number (teacher_id_numbers). */
async function stored(db: Db | Tx, indexes: string[]): Promise<Map<string, Stored>> {
  const found = await rows<Stored>(
    db,
    sql`
    select t.id, n.id_number_index as idx, t.school_id as "schoolId", t.name, t.employment, t.subject, t.dual_qualified as "dualQualified", t.status
    from teacher_id_numbers n join teachers t on t.id = n.teacher_id
    where n.id_number_index = any(${sql.param(indexes)}::text[])`,
  );
  return new Map(found.map((s) => [s.idx, s]));
}

function reachable(s: Stored, ctx: WriteContext) {
  return inScope(ctx.access, { organisationId: s.schoolId, districtId: ctx.refs.schoolById(s.schoolId)?.districtId ?? null });
}

const ELSEWHERE = '该身份证号码的教师已在您管理范围以外的学校登记，不能通过导入调入；请联系原学校或教育局办理';
const ARCHIVED = '该身份证号码的教师记录已归档，不能通过导入修改；如需恢复，请联系管理员';
type Row = Omit<Stored, 'idx' | 'status'>;

export const teacherWriter: EntityWriter<TeacherRecord> = {
  async conflicts(db, batch, ctx) {
    // One keyed hash per row: at 100,000 rows the HMACs are a good part of the time.
    const indexes = batch.map((b) => ctx.pii.index(b.record.idNumber));
    const existing = await stored(db, indexes);
    return batch.flatMap((b, i) => {
      const s = existing.get(indexes[i]!);
      if (!s) return [];
      if (!reachable(s, ctx)) return [{ row: b.row, column: '身份证号码', reason: ELSEWHERE }];
      return s.status === 'archived' ? [{ row: b.row, column: '身份证号码', reason: ARCHIVED }] : [];
    });
  },

  async write(tx, batch, ctx, tally) {
    const keyed = batch.map((b) => ({ ...b, idx: ctx.pii.index(b.record.idNumber) }));
    const existing = await stored(
      tx,
      keyed.map((k) => k.idx),
    );
    const inserts: (Row & { cipher: string; idx: string; masked: string })[] = [];
    const updates: Row[] = [];
    const view = (t: Row) => ({
      schoolId: t.schoolId,
      name: t.name,
      employment: t.employment,
      subject: t.subject,
      dualQualified: t.dualQualified,
    });
    for (const { row, record: r, idx } of keyed) {
      const s = existing.get(idx);
      if (!s) {
        const t = {
          id: crypto.randomUUID(),
          schoolId: r.schoolId,
          name: r.name,
          employment: r.employment,
          subject: r.subject,
          dualQualified: r.dualQualified ?? false,
        };
        inserts.push({ ...t, cipher: ctx.pii.encrypt(r.idNumber), idx, masked: maskIdNumber(r.idNumber) });
        ctx.audit.created('teacher', t.id, { ...view(t), idNumber: r.idNumber }, ['idNumber']);
        continue;
      }
      if (!reachable(s, ctx) || s.status === 'archived')
        throw new AppError('CONFLICT', `第${row}行：${s.status === 'archived' ? ARCHIVED : ELSEWHERE}。数据在校验后发生了变化，请重新导入`);
      const next = {
        id: s.id,
        schoolId: r.schoolId,
        name: r.name,
        employment: r.employment,
        subject: r.subject,
        dualQualified: r.dualQualified ?? s.dualQualified,
      };
      if (ctx.audit.updated('teacher', s.id, view(s), view(next))) updates.push(next);
      else tally.unchanged++;
    }
    const columns = [
      { name: 'id', type: 'uuid', value: (r: Row) => r.id },
      { name: 'school_id', type: 'uuid', value: (r: Row) => r.schoolId },
      { name: 'name', type: 'text', value: (r: Row) => r.name },
      { name: 'employment', type: 'text', value: (r: Row) => r.employment },
      { name: 'subject', type: 'text', value: (r: Row) => r.subject },
      { name: 'dual_qualified', type: 'boolean', value: (r: Row) => r.dualQualified },
    ];
    await insertBatch(tx, 'teachers', inserts, columns);
    await insertBatch(tx, 'teacher_id_numbers', inserts, [
      { name: 'teacher_id', type: 'uuid', value: (r) => r.id },
      { name: 'id_number_cipher', type: 'text', value: (r) => r.cipher },
      { name: 'id_number_index', type: 'text', value: (r) => r.idx },
      { name: 'id_number_masked', type: 'text', value: (r) => r.masked },
    ]);
    await updateBatch(tx, 'teachers', columns[0]!, updates, columns.slice(1), 'version = t.version + 1, updated_at = now()');
    await ctx.audit.flush(tx);
    tally.inserted += inserts.length;
    tally.updated += updates.length;
  },
};
