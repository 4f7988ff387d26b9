import { sql } from 'drizzle-orm';
import type { PersonalDataSubject } from '../../contracts/personal-data.ts';
import { AppError } from '../../core/errors.ts';
import type { Auditor } from '../platform/audit/auditor.ts';
import { rows, type Tx } from '../platform/db/engine.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { findSubject } from './collect.ts';

/** What replaces a name; an erased blind index is `erased:<id>`, which no HMAC (base64url) can equal. */
export const ERASED = '已删除';
const ERASED_INDEX = (id: string) => `erased:${id}`;
/** Fields of audit rows' recorded changes that name the person. */
const NAMING_FIELDS = ['name', 'holderName', 'displayName', 'username', 'birthDate', 'guardianName'];

/**
 * Erasure on request (个人信息保护法 第47条): the person's identifying fields are removed or replaced, in one
 * transaction with its audit row. What the register's statistics and the credit bank need stays, no longer
 * pointing at anyone: the school, cohort, sex and birth year; outcomes and credits under the pseudonymous
 * account. The ledger is not touched — it holds account ids, amounts and codes, never a name or ID number — so
 * its hash chain stays valid. Credentials, which carry the name, are revoked and their stored copy de-named.
 */
export async function erasePersonalData(
  tx: Tx,
  audit: Auditor,
  pii: PiiCipher,
  kind: PersonalDataSubject,
  id: string,
  reason: string,
  now: Date,
) {
  const subject = await findSubject(tx, kind, id);
  const changed: Record<string, number> = {};
  const count = async (table: string, query: ReturnType<typeof sql>) => {
    const n = (await rows<{ n: number }>(tx, sql`with c as (${query} returning 1) select count(*)::int as n from c`))[0]!.n;
    if (n) changed[table] = (changed[table] ?? 0) + n;
  };

  if (kind === 'student') {
    if (String(subject.register!.id_number_index).startsWith('erased:')) throw alreadyErased();
    await count(
      'students',
      sql`update students set name = ${ERASED}, birth_date = date_trunc('year', birth_date)::date,
      id_number_cipher = ${pii.encrypt('')}, id_number_index = ${ERASED_INDEX(id)}, id_number_masked = ${ERASED},
      phone_cipher = null, phone_masked = null, version = version + 1, updated_at = ${now} where id = ${id}`,
    );
    const mine = sql`(select id from internships where student_id = ${id})`;
    await count('internship_logs', sql`update internship_logs set content = ${ERASED} where internship_id in ${mine}`);
    await count(
      'internship_checkins',
      sql`update internship_checkins set location = null where internship_id in ${mine} and location is not null`,
    );
    await count('student_profiles', sql`delete from student_profiles where student_id = ${id}`);
    // The destinations stay for the statistics (no longer anyone's once the name is erased); their free text goes.
    await count(
      'graduate_destinations',
      sql`update graduate_destinations set note = null, correction = null, confirmation_note = null where student_id = ${id}
        and (note is not null or correction is not null or confirmation_note is not null)`,
    );
  } else if (kind === 'teacher') {
    if (subject.register!.name === ERASED) throw alreadyErased();
    await count(
      'teachers',
      sql`update teachers set name = ${ERASED}, dual_certificate_number = null,
      version = version + 1, updated_at = ${now} where id = ${id}`,
    );
    await count('teacher_id_numbers', sql`delete from teacher_id_numbers where teacher_id = ${id}`);
  }

  if (subject.accountId) {
    const [a] = await rows<{ holder_name: string; id_number_index: string }>(
      tx,
      sql`select holder_name, id_number_index from credit_accounts where id = ${subject.accountId}`,
    );
    if (kind === 'learner' && a!.id_number_index.startsWith('erased:')) throw alreadyErased();
    await count(
      'credit_accounts',
      sql`update credit_accounts set holder_name = ${ERASED}, id_number_index = ${ERASED_INDEX(subject.accountId)},
      id_number_masked = ${ERASED} where id = ${subject.accountId}`,
    );
    const held = await rows<{ id: string; document: string }>(
      tx,
      sql`select id, document from credentials where account_id = ${subject.accountId}`,
    );
    for (const c of held) {
      await count(
        'credentials',
        sql`update credentials set document = ${JSON.stringify(deName(JSON.parse(c.document), a!.holder_name))},
        status = 'revoked', revoked_at = coalesce(revoked_at, ${now}), revoked_reason = coalesce(revoked_reason, '本人申请删除个人信息')
        where id = ${c.id}`,
      );
    }
  }

  if (subject.userId) {
    await count(
      'users',
      sql`update users set username = ${`erased-${subject.userId}`}, display_name = ${ERASED},
      password_hash = '!erased', disabled = true where id = ${subject.userId}`,
    );
    await count('sessions', sql`delete from sessions where user_id = ${subject.userId}`);
    await count('notifications', sql`delete from notifications where user_id = ${subject.userId}`);
    await count('audit_log', sql`update audit_log set actor_name = ${ERASED} where actor_user_id = ${subject.userId}`);
  }
  // The audit log keeps what happened; the person's name and birth date in its recorded changes go.
  const ids = [id, subject.userId, subject.accountId].filter((x): x is string => x !== null);
  const named = await rows<{ id: number; changes: Record<string, { before: unknown; after: unknown }> }>(
    tx,
    sql`
    select id, changes from audit_log where entity_id in (${sql.join(
      ids.map((x) => sql`${x}`),
      sql`, `,
    )})
      and (${sql.join(
        NAMING_FIELDS.map((f) => sql`changes ? ${f}`),
        sql` or `,
      )})`,
  );
  for (const r of named) {
    const changes = { ...r.changes };
    for (const f of NAMING_FIELDS) {
      const c = changes[f];
      if (c) changes[f] = { before: c.before == null ? c.before : ERASED, after: c.after == null ? c.after : ERASED };
    }
    await count('audit_log', sql`update audit_log set changes = ${JSON.stringify(changes)}::jsonb where id = ${r.id}`);
  }

  await audit.record({ action: 'personal_data.erase', entityType: kind, entityId: id, after: { reason, changed } });
  return { subject: { kind, id }, erasedAt: now.toISOString(), changed };
}

function alreadyErased() {
  return new AppError('CONFLICT', '该人员的个人信息已按申请删除，无需重复操作');
}

/** The credential as issued, with every occurrence of the holder's name replaced. */
function deName(value: unknown, name: string): unknown {
  if (typeof value === 'string') return value === name ? ERASED : value;
  if (Array.isArray(value)) return value.map((v) => deName(v, name));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deName(v, name)]));
  return value;
}
