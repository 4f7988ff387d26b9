import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { ImportIssue, ProgramRecord } from '../../../core/imports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { reindexEntity } from '../../search/index.ts';
import { insertBatch, updateBatch } from '../sql-batch.ts';
import type { EntityWriter, Item } from './types.ts';

interface Stored {
  id: string;
  schoolId: string;
  code: string;
  status: string;
  startYear: number;
  enrolment: number;
  practiceShare: number | null;
  /** Years recorded for the program, and the row of the file's 统计年份 when there is one. */
  yearCount: number;
  hasYear: boolean;
  yearEnrolment: number | null;
  yearGraduates: number | null;
}

/**
 * 开设专业 by school + major code. The match is on the code, not the catalogue row: a program opened under
 * an older edition of the catalogue is the same program when the new edition keeps the code.
 */
async function stored(db: Db | Tx, batch: readonly Item<ProgramRecord>[]): Promise<Map<string, Stored>> {
  const found = await rows<Stored>(
    db,
    sql`
    select p.id, p.school_id as "schoolId", m.code, p.status, p.start_year as "startYear", p.enrolment,
      p.practice_share::float8 as "practiceShare",
      (select count(*)::int from program_years a where a.program_id = p.id) as "yearCount",
      y.program_id is not null as "hasYear", y.enrolment as "yearEnrolment", y.graduates as "yearGraduates"
    from programs p join majors m on m.id = p.major_id
    join unnest(${sql.param(batch.map((b) => b.record.schoolId))}::uuid[], ${sql.param(batch.map((b) => b.record.majorCode))}::text[],
      ${sql.param(batch.map((b) => b.record.year ?? null))}::int[]) as k(school_id, code, year)
      on k.school_id = p.school_id and k.code = m.code
    left join program_years y on y.program_id = p.id and y.year = k.year`,
  );
  return new Map(found.map((s) => [`${s.schoolId}/${s.code}`, s]));
}

const keyOf = (r: ProgramRecord) => `${r.schoolId}/${r.majorCode}`;

function problem(s: Stored, r: ProgramRecord): { column: string; reason: string } | null {
  if (s.status === 'archived') return { column: '专业代码', reason: '该开设专业已归档，不能通过导入修改' };
  // The current intake is the latest year's once years are recorded: a yearless figure would contradict it.
  if (r.year === undefined && r.enrolment !== undefined && s.yearCount > 0)
    return { column: '统计年份', reason: '该专业已按年度登记招生人数，请填写“统计年份”' };
  return null;
}

type New = { id: string; schoolId: string; majorId: string; startYear: number; enrolment: number; practiceShare: number | null };
type Year = { programId: string; year: number; enrolment: number | null; graduates: number | null };

export const programWriter: EntityWriter<ProgramRecord> = {
  async conflicts(db, batch) {
    const existing = await stored(db, batch);
    const issues: ImportIssue[] = [];
    for (const b of batch) {
      const s = existing.get(keyOf(b.record));
      const p = s && problem(s, b.record);
      if (p) issues.push({ row: b.row, ...p });
    }
    return issues;
  },

  async write(tx, batch, ctx, tally) {
    const existing = await stored(tx, batch);
    const inserts: New[] = [];
    const updates: { id: string; startYear: number; practiceShare: number | null; enrolment: number }[] = [];
    const years: Year[] = [];
    for (const { row, record: r } of batch) {
      const s = existing.get(keyOf(r));
      const yearRow = (programId: string, before: { enrolment: number | null; graduates: number | null } | null) =>
        r.year === undefined || (r.enrolment === undefined && r.graduates === undefined)
          ? null
          : {
              programId,
              year: r.year,
              enrolment: r.enrolment ?? before?.enrolment ?? null,
              graduates: r.graduates ?? before?.graduates ?? null,
            };
      if (!s) {
        const p = {
          id: crypto.randomUUID(),
          schoolId: r.schoolId,
          majorId: r.majorId,
          startYear: r.startYear,
          enrolment: r.enrolment ?? 0,
          practiceShare: r.practiceShare ?? null,
        };
        inserts.push(p);
        const y = yearRow(p.id, null);
        if (y) years.push(y);
        ctx.audit.created('program', p.id, {
          schoolId: p.schoolId,
          majorId: p.majorId,
          startYear: p.startYear,
          enrolment: p.enrolment,
          practiceShare: p.practiceShare,
          ...yearView(y),
        });
        continue;
      }
      const p = problem(s, r);
      if (p) throw new AppError('CONFLICT', `第${row}行：${p.reason}。数据在校验后发生了变化，请重新导入`);
      const y = yearRow(s.id, s.hasYear ? { enrolment: s.yearEnrolment, graduates: s.yearGraduates } : null);
      const next = {
        id: s.id,
        startYear: r.startYear,
        practiceShare: r.practiceShare ?? s.practiceShare,
        enrolment: r.year === undefined ? (r.enrolment ?? s.enrolment) : s.enrolment,
      };
      const before = {
        startYear: s.startYear,
        practiceShare: s.practiceShare,
        enrolment: s.enrolment,
        ...(y && yearView({ ...y, enrolment: s.hasYear ? s.yearEnrolment : null, graduates: s.hasYear ? s.yearGraduates : null })),
      };
      const after = { startYear: next.startYear, practiceShare: next.practiceShare, enrolment: next.enrolment, ...yearView(y) };
      if (!ctx.audit.updated('program', s.id, before, after)) {
        tally.unchanged++;
        continue;
      }
      updates.push(next);
      if (y) years.push(y);
    }
    await insertBatch(tx, 'programs', inserts, [
      { name: 'id', type: 'uuid', value: (r) => r.id },
      { name: 'school_id', type: 'uuid', value: (r) => r.schoolId },
      { name: 'major_id', type: 'uuid', value: (r) => r.majorId },
      { name: 'start_year', type: 'int', value: (r) => r.startYear },
      { name: 'enrolment', type: 'int', value: (r) => r.enrolment },
      { name: 'practice_share', type: 'numeric', value: (r) => r.practiceShare },
    ]);
    await updateBatch(
      tx,
      'programs',
      { name: 'id', type: 'uuid', value: (r) => r.id },
      updates,
      [
        { name: 'start_year', type: 'int', value: (r) => r.startYear },
        { name: 'practice_share', type: 'numeric', value: (r) => r.practiceShare },
        { name: 'enrolment', type: 'int', value: (r) => r.enrolment },
      ],
      'version = t.version + 1, updated_at = now()',
    );
    if (years.length) {
      const param = <T>(f: (y: Year) => T) => sql.param(years.map(f));
      await tx.execute(sql`insert into program_years (program_id, year, enrolment, graduates)
        select * from unnest(${param((y) => y.programId)}::uuid[], ${param((y) => y.year)}::int[], ${param((y) => y.enrolment)}::int[], ${param((y) => y.graduates)}::int[])
        on conflict (program_id, year) do update set enrolment = excluded.enrolment, graduates = excluded.graduates`);
      // The current intake is the latest recorded year's, as the programs API keeps it.
      await tx.execute(sql`update programs p set enrolment = coalesce((select y.enrolment from program_years y
          where y.program_id = p.id and y.enrolment is not null order by y.year desc limit 1), p.enrolment)
        where p.id = any(${param((y) => y.programId)}::uuid[])`);
    }
    await ctx.audit.flush(tx);
    await reindexEntity(
      tx,
      'program',
      [...inserts, ...updates].map((r) => r.id),
    );
    tally.inserted += inserts.length;
    tally.updated += updates.length;
  },
};

/** A year's figures as audit fields named by the year ("enrolment:2024"), so the log says which year changed. */
function yearView(y: { year: number; enrolment: number | null; graduates: number | null } | null) {
  return y ? { [`enrolment:${y.year}`]: y.enrolment, [`graduates:${y.year}`]: y.graduates } : {};
}
