import { sql } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import { answerProblems, answerScore } from '../../../core/surveys/index.ts';
import type { AnswerBody } from '../../../contracts/surveys.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Tx } from '../../platform/db/engine.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { surveyAnswers, surveyParticipations } from '../../platform/db/schema/index.ts';

/**
 * One anonymous answer (三 18). The participation row (the round and a keyed hash of the respondent) and the answer
 * row (random id, the unit it counts for, the values; no person, no user, no time) are inserted in one transaction;
 * the participation's primary key makes a second answer — however many race — fail before any answer is kept.
 * The audit row says that the caller answered the round, never what or which answer.
 */
export async function answer(
  tx: Tx,
  audit: Auditor,
  pii: PiiCipher,
  userId: string,
  invitationId: string,
  body: AnswerBody,
  now: Date,
): Promise<{ answered: true; roundId: string }> {
  const [inv] = await rows<{
    roundId: string;
    respondent: string;
    schoolId: string;
    enterpriseId: string | null;
    status: 'open' | 'closed';
    closesOn: string;
    questions: { code: string; text: string }[];
  }>(
    tx,
    sql`select i.round_id as "roundId", i.respondent, i.school_id as "schoolId", i.enterprise_id as "enterpriseId", r.status,
      to_char(r.closes_on, 'YYYY-MM-DD') as "closesOn", r.questions
      from survey_invitations i join survey_rounds r on r.id = i.round_id where i.id = ${invitationId} and i.user_id = ${userId}`,
  );
  if (!inv) throw notFound('问卷');
  if (inv.status !== 'open' || inv.closesOn < todayOf(now)) throw new AppError('INVALID_STATE', '该问卷已截止，不能再填写');
  const fields = answerProblems(body, inv.questions, { points: policy.scale.length, freeTextMaxLength: policy.freeTextMaxLength });
  if (Object.keys(fields).length) throw validationFailed(fields);
  const taken = await tx
    .insert(surveyParticipations)
    .values({ roundId: inv.roundId, respondentKey: participationKey(pii, inv.respondent) })
    .onConflictDoNothing()
    .returning({ roundId: surveyParticipations.roundId });
  if (!taken.length)
    throw new AppError(
      'ALREADY_ANSWERED',
      inv.respondent.startsWith('enterprise:') ? '本单位已填写过这份问卷' : '您已填写过这份问卷，每人只能填写一次',
    );
  const values = Object.fromEntries(inv.questions.map((q) => [q.code, body.values[q.code]!]));
  await tx.insert(surveyAnswers).values({
    roundId: inv.roundId,
    schoolId: inv.schoolId,
    enterpriseId: inv.enterpriseId,
    values,
    score: answerScore(values, inv.questions, policy.scale.length),
    freeText: body.freeText?.trim() || null,
  });
  await audit.record({ action: 'answer', entityType: 'surveyRound', entityId: inv.roundId });
  return { answered: true, roundId: inv.roundId };
}

/** The participation's key: a keyed hash (the PII blind index) of the respondent, so the table names nobody in clear. */
export function participationKey(pii: PiiCipher, respondent: string): string {
  return pii.index(`survey:${respondent}`);
}
