import { sql, type SQL } from 'drizzle-orm';
import type { PersonalDataExport, PersonalDataSubject } from '../../contracts/personal-data.ts';
import { notFound } from '../../core/errors.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import type { PiiCipher } from '../platform/pii.ts';

/** Who the request is about, with the keys their records hang on. */
export interface Subject {
  kind: PersonalDataSubject;
  id: string;
  userId: string | null;
  accountId: string | null;
  /** The register row (students / teachers), for the clear ID number and phone. */
  register: Record<string, unknown> | null;
}

/** Resolves a subject, or 404. A learner is named by their credit account (a student's account goes with the student). */
export async function findSubject(db: Db, kind: PersonalDataSubject, id: string): Promise<Subject> {
  if (kind === 'student') {
    const [s] = await rows<Record<string, unknown>>(db, sql`select * from students where id = ${id}`);
    if (!s) throw notFound('学生');
    const [a] = await rows<{ id: string }>(db, sql`select id from credit_accounts where student_id = ${id}`);
    return { kind, id, userId: (s.user_id as string | null) ?? null, accountId: a?.id ?? null, register: s };
  }
  if (kind === 'teacher') {
    const [t] = await rows<Record<string, unknown>>(db, sql`select * from teachers where id = ${id}`);
    if (!t) throw notFound('教师');
    return { kind, id, userId: (t.user_id as string | null) ?? null, accountId: null, register: t };
  }
  const [a] = await rows<{ id: string; user_id: string | null }>(
    db,
    sql`select id, user_id from credit_accounts where id = ${id} and kind = 'learner'`,
  );
  if (!a) throw notFound('学习者账户');
  return { kind, id, userId: a.user_id, accountId: a.id, register: null };
}

/** Keys and secrets are the platform's, not the person's data: never exported (the clear values are added instead). */
const INTERNAL = /(_cipher|_index|^password_hash)$/;

function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (INTERNAL.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : v;
  }
  return out;
}

const none = sql`false`;
const inList = (column: SQL, ids: (string | null)[]) => {
  const present = ids.filter((x): x is string => x !== null);
  return present.length
    ? sql`${column} in (${sql.join(
        present.map((x) => sql`${x}`),
        sql`, `,
      )})`
    : none;
};

/**
 * Everything the platform holds about the person, by kind of record: the register entry with the clear ID
 * number and phone, the account, internships and what was written in them, the matching profile, the credit
 * bank (account, outcomes, transfers, ledger entries, credentials), notifications, the audit entries about
 * them or by them, and who read their personal information when (pii_access_log).
 */
export async function collectPersonalData(db: Db, pii: PiiCipher, subject: Subject, now: Date): Promise<PersonalDataExport> {
  const sections: PersonalDataExport['sections'] = [];
  const add = async (name: string, title: string, query: SQL) => {
    sections.push({ name, title, rows: (await rows<Record<string, unknown>>(db, query)).map(plain) });
  };
  const { id, userId, accountId } = subject;
  if (subject.kind === 'student') {
    const s = subject.register!;
    sections.push({
      name: 'student',
      title: '学生档案',
      rows: [
        {
          ...plain(s),
          id_number: pii.decrypt(s.id_number_cipher as string),
          phone: s.phone_cipher ? pii.decrypt(s.phone_cipher as string) : null,
          ...(
            await rows<Record<string, unknown>>(
              db,
              sql`
          select o.name as school_name, m.name as program_name from students s join organisations o on o.id = s.school_id
          left join programs p on p.id = s.program_id left join majors m on m.id = p.major_id where s.id = ${id}`,
            )
          )[0],
        },
      ],
    });
    await add('internshipApplications', '实习申请', sql`select * from internship_applications where student_id = ${id}`);
    await add(
      'internships',
      '实习',
      sql`
      select i.id, i.status, i.planned_start, i.planned_end, i.started_on, i.ended_on, i.outcome, i.end_reason, i.location,
        i.monthly_pay_yuan, i.school_id, i.enterprise_id, i.post_id
      from internships i where i.student_id = ${id} order by i.planned_start`,
    );
    const mine = sql`(select id from internships where student_id = ${id})`;
    await add('internshipLogs', '实习周志', sql`select * from internship_logs where internship_id in ${mine} order by week_start`);
    await add('internshipCheckins', '实习签到', sql`select * from internship_checkins where internship_id in ${mine} order by date`);
    await add(
      'internshipEvaluations',
      '实习评价',
      sql`select * from internship_evaluations where internship_id in ${mine} order by internship_id, stage, party`,
    );
    await add('studentProfile', '求职画像', sql`select * from student_profiles where student_id = ${id}`);
    await add('allocationProposals', '实习分配方案', sql`select * from allocation_proposals where student_id = ${id}`);
    await add(
      'graduateDestinations',
      '毕业去向',
      sql`select * from graduate_destinations where student_id = ${id} order by graduation_year, survey_point`,
    );
  } else if (subject.kind === 'teacher') {
    const [idn] = await rows<{ id_number_cipher: string }>(
      db,
      sql`select id_number_cipher from teacher_id_numbers where teacher_id = ${id}`,
    );
    sections.push({
      name: 'teacher',
      title: '教师档案',
      rows: [{ ...plain(subject.register!), id_number: idn ? pii.decrypt(idn.id_number_cipher) : null }],
    });
    await add('practicePeriods', '企业实践经历', sql`select * from teacher_practice_periods where teacher_id = ${id} order by start_date`);
    await add(
      'mentoredInternships',
      '指导的实习',
      sql`select id, status, planned_start, planned_end, student_id from internships where school_mentor_id = ${id}`,
    );
  }
  await add(
    'account',
    '登录账号',
    sql`
    select u.id, u.username, u.display_name, u.disabled, u.created_at, u.password_changed_at,
      (select string_agg(m.role || '@' || o.name, '；') from memberships m join organisations o on o.id = m.organisation_id where m.user_id = u.id) as roles
    from users u where ${inList(sql`u.id`, [userId])}`,
  );
  await add('creditAccount', '学分银行账户', sql`select * from credit_accounts where ${inList(sql`id`, [accountId])}`);
  await add(
    'learningOutcomes',
    '学习成果',
    sql`select * from learning_outcomes where ${inList(sql`account_id`, [accountId])} order by achieved_on`,
  );
  await add('creditTransfers', '学分转换申请', sql`select * from credit_transfers where ${inList(sql`account_id`, [accountId])}`);
  await add(
    'creditLedger',
    '学分账本条目',
    sql`select seq, kind, credits, outcome_id, program_id, course_code, created_at from credit_ledger where ${inList(sql`account_id`, [accountId])} order by seq`,
  );
  await add(
    'credentials',
    '学习凭证',
    sql`select id, kind, status, created_at, revoked_at, document from credentials where ${inList(sql`account_id`, [accountId])} order by created_at`,
  );
  await add('notifications', '站内通知', sql`select * from notifications where ${inList(sql`user_id`, [userId])} order by created_at`);
  await add(
    'auditLog',
    '操作记录（关于本人或由本人操作）',
    sql`
    select at, actor_name, action, entity_type, entity_id, changes from audit_log
    where ${inList(sql`entity_id`, [id, userId, accountId])} or ${inList(sql`actor_user_id`, [userId])} order by id`,
  );
  await add(
    'piiAccessLog',
    '个人信息查阅记录',
    sql`
    select l.at, u.display_name as reader, l.fields, l.entity_type from pii_access_log l left join users u on u.id = l.user_id
    where ${inList(sql`l.entity_id`, [id])} order by l.id`,
  );
  return { subject: { kind: subject.kind, id }, generatedAt: now.toISOString(), sections };
}
