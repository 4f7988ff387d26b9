import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inScope } from '../../../core/authz/index.ts';
import { maskIdNumber, maskPhone } from '../../../core/codes/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { StudentRecord } from '../../../core/imports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { insertBatch, updateBatch } from '../sql-batch.ts';
import type { EntityWriter, WriteContext } from './types.ts';

interface Stored {
  archived?: boolean;
  id: string;
  idx: string;
  schoolId: string;
  programId: string | null;
  name: string;
  cohort: number;
  birthDate: string;
  sex: 'male' | 'female';
  phoneCipher: string | null;
  phoneMasked: string | null;
  status: string;
}

/** Stored students by blind index of the ID number (the number itself is never stored or compared in clear). */
async function stored(db: Db | Tx, indexes: string[]): Promise<Map<string, Stored>> {
  const found = await rows<Stored>(
    db,
    sql`
    select id, id_number_index as idx, school_id as "schoolId", program_id as "programId", name, cohort,
      birth_date::text as "birthDate", sex, phone_cipher as "phoneCipher", phone_masked as "phoneMasked", status,
      archived_at is not null as archived
    from students where id_number_index = any(${sql.param(indexes)}::text[])`,
  );
  return new Map(found.map((s) => [s.idx, s]));
}

function reachable(s: Stored, ctx: WriteContext): boolean {
  const school = ctx.refs.schoolById(s.schoolId);
  return inScope(ctx.access, { organisationId: s.schoolId, districtId: school?.districtId ?? null });
}

const ELSEWHERE = '该身份证号码的学生已在您管理范围以外的学校登记，不能通过导入转入；请联系原学校或教育局办理';
const ARCHIVED = '该身份证号码的学生记录已归档，不能通过导入修改；如需恢复，请联系管理员';

type Change = Omit<Stored, 'idx' | 'archived'>;
type Insert = Change & { idNumberCipher: string; idNumberIndex: string; idNumberMasked: string };

export const studentWriter: EntityWriter<StudentRecord> = {
  async conflicts(db, batch, ctx) {
    // One keyed hash per row: at 100,000 rows the HMACs are a good part of the time.
    const indexes = batch.map((b) => ctx.pii.index(b.record.idNumber));
    const existing = await stored(db, indexes);
    return batch.flatMap((b, i) => {
      const s = existing.get(indexes[i]!);
      if (!s) return [];
      if (!reachable(s, ctx)) return [{ row: b.row, column: '身份证号码', reason: ELSEWHERE }];
      return s.archived ? [{ row: b.row, column: '身份证号码', reason: ARCHIVED }] : [];
    });
  },

  async write(tx, batch, ctx, tally) {
    const keyed = batch.map((b) => ({ ...b, idx: ctx.pii.index(b.record.idNumber) }));
    const existing = await stored(
      tx,
      keyed.map((k) => k.idx),
    );
    const inserts: Insert[] = [];
    const updates: Change[] = [];
    for (const { row, record: r, idx } of keyed) {
      const s = existing.get(idx);
      if (!s) {
        const id = crypto.randomUUID();
        const phoneCipher = r.phone ? ctx.pii.encrypt(r.phone) : null;
        inserts.push({
          id,
          schoolId: r.schoolId,
          programId: r.programId ?? null,
          name: r.name,
          cohort: r.cohort,
          birthDate: r.birthDate,
          sex: r.sex,
          phoneCipher,
          phoneMasked: r.phone ? maskPhone(r.phone) : null,
          status: r.status ?? 'enrolled',
          idNumberCipher: ctx.pii.encrypt(r.idNumber),
          idNumberIndex: idx,
          idNumberMasked: maskIdNumber(r.idNumber),
        });
        ctx.audit.created('student', id, { ...auditView(inserts.at(-1)!), idNumber: r.idNumber, phone: r.phone ?? null }, [
          'idNumber',
          'phone',
        ]);
        continue;
      }
      // Checked before writing too; a record moved out of scope since then means the file must be re-checked.
      if (!reachable(s, ctx) || s.archived)
        throw new AppError('CONFLICT', `第${row}行：${s.archived ? ARCHIVED : ELSEWHERE}。数据在校验后发生了变化，请重新导入`);
      const oldPhone = s.phoneCipher ? ctx.pii.decrypt(s.phoneCipher) : null;
      const phone = r.phone ?? oldPhone;
      const next: Change = {
        id: s.id,
        schoolId: r.schoolId,
        programId: r.programId ?? s.programId,
        name: r.name,
        cohort: r.cohort,
        birthDate: r.birthDate,
        sex: r.sex,
        status: r.status ?? s.status,
        phoneCipher: phone === oldPhone ? s.phoneCipher : ctx.pii.encrypt(phone!),
        phoneMasked: phone === oldPhone ? s.phoneMasked : maskPhone(phone!),
      };
      if (ctx.audit.updated('student', s.id, { ...auditView(s), phone: oldPhone }, { ...auditView(next), phone }, ['phone']))
        updates.push(next);
      else tally.unchanged++;
    }
    await insertBatch<Insert>(tx, 'students', inserts, [
      ...COLUMNS,
      { name: 'id_number_cipher', type: 'text', value: (r) => r.idNumberCipher },
      { name: 'id_number_index', type: 'text', value: (r) => r.idNumberIndex },
      { name: 'id_number_masked', type: 'text', value: (r) => r.idNumberMasked },
    ]);
    // An import edit is an edit: the version moves, so a form opened before the import is told it is stale.
    await updateBatch(tx, 'students', ID, updates, COLUMNS.slice(1), 'version = t.version + 1, updated_at = now()');
    await ctx.audit.flush(tx);
    tally.inserted += inserts.length;
    tally.updated += updates.length;
  },
};

/** The fields an audit row shows (ciphers never; the phone separately, redacted). */
function auditView(s: Omit<Change, 'phoneCipher' | 'phoneMasked'>) {
  return {
    schoolId: s.schoolId,
    programId: s.programId,
    name: s.name,
    cohort: s.cohort,
    birthDate: s.birthDate,
    sex: s.sex,
    status: s.status,
  };
}

const ID = { name: 'id', type: 'uuid', value: (r: Change) => r.id };
const COLUMNS = [
  ID,
  { name: 'school_id', type: 'uuid', value: (r: Change) => r.schoolId },
  { name: 'program_id', type: 'uuid', value: (r: Change) => r.programId },
  { name: 'name', type: 'text', value: (r: Change) => r.name },
  { name: 'cohort', type: 'int', value: (r: Change) => r.cohort },
  { name: 'birth_date', type: 'date', value: (r: Change) => r.birthDate },
  { name: 'sex', type: 'text', value: (r: Change) => r.sex },
  { name: 'status', type: 'text', value: (r: Change) => r.status },
  { name: 'phone_cipher', type: 'text', value: (r: Change) => r.phoneCipher },
  { name: 'phone_masked', type: 'text', value: (r: Change) => r.phoneMasked },
];
