/**
 * Usernames of the accounts an organisation creates for its people: a letter for the kind, the organisation's
 * code (学校标识码, or an enterprise's USCC for its learners) and a sequence — t4101234567-0001,
 * s4101234567-00001, l91410100MA000000XY-00001 — so a clerk can tell from a username whose it is, and the next
 * batch continues where the last one stopped. Pure.
 */
export type MemberKind = 'teacher' | 'student';
/** Learners (employees in training) get generated usernames too, one at a time, when no username is chosen. */
export type UsernameKind = MemberKind | 'learner';

const KIND_LETTER: Record<UsernameKind, string> = { teacher: 't', student: 's', learner: 'l' };
/** Digits of the sequence: a school has hundreds of teachers and up to tens of thousands of students or trainees. */
const WIDTH: Record<UsernameKind, number> = { teacher: 4, student: 5, learner: 5 };

/** Usernames must start with a letter and use letters, digits, '.', '_' or '-' (contracts/accounts.ts). */
export function usernamePrefix(kind: UsernameKind, orgCode: string): string {
  const code = orgCode.replace(/[^A-Za-z0-9]/g, '').slice(0, 20);
  return `${KIND_LETTER[kind]}${code}-`;
}

/** The sequence number of a username of the prefix, or null when it is not one of the generated ones. */
export function sequenceOf(prefix: string, username: string): number | null {
  if (!username.startsWith(prefix)) return null;
  const rest = username.slice(prefix.length);
  return /^\d{1,9}$/.test(rest) ? Number(rest) : null;
}

/**
 * `count` new usernames continuing after the highest sequence among `existing` (usernames already taken that
 * start with the prefix), skipping any still taken. Deterministic: the same register gives the same names.
 */
export function nextUsernames(kind: UsernameKind, orgCode: string, existing: readonly string[], count: number): string[] {
  const prefix = usernamePrefix(kind, orgCode);
  const taken = new Set(existing);
  let seq = 0;
  for (const name of existing) seq = Math.max(seq, sequenceOf(prefix, name) ?? 0);
  const out: string[] = [];
  while (out.length < count) {
    seq += 1;
    const name = prefix + String(seq).padStart(WIDTH[kind], '0');
    if (!taken.has(name)) out.push(name);
  }
  return out;
}
