import { sql } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { MyInvitations } from '../../../contracts/surveys.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { deliverToUsers } from '../../platform/notifications.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import type { SurveyKind } from '../../../core/surveys/index.ts';
import { participationKey } from './answers.ts';

/**
 * A respondent's questionnaires: every invitation of the caller with its questions, whether it can still be answered
 * and whether the caller answered it (the participation's keyed hash, recomputed here: the tables do not link them).
 */
export async function myInvitations(db: Db, pii: PiiCipher, userId: string, now: Date): Promise<MyInvitations> {
  const today = todayOf(now);
  const found = await rows<{
    id: string;
    roundId: string;
    kind: SurveyKind;
    title: string;
    respondent: string;
    aboutName: string | null;
    closesOn: string;
    status: 'open' | 'closed';
    questions: { code: string; text: string }[];
    freeTextPrompt: string;
  }>(
    db,
    sql`select i.id, i.round_id as "roundId", r.kind, r.title, i.respondent,
      case when r.kind = 'internship_quality' then e.name when r.kind = 'employer_satisfaction' then s.name end as "aboutName",
      to_char(r.closes_on, 'YYYY-MM-DD') as "closesOn", r.status, r.questions, r.free_text_prompt as "freeTextPrompt"
      from survey_invitations i join survey_rounds r on r.id = i.round_id
      left join organisations e on e.id = i.enterprise_id left join organisations s on s.id = i.school_id
      where i.user_id = ${userId} order by r.closes_on desc, i.id limit 100`,
  );
  const answered = new Set<string>();
  if (found.length) {
    const keys = found.map((f) => sql`(${f.roundId}::uuid, ${participationKey(pii, f.respondent)})`);
    const done = await rows<{ roundId: string; key: string }>(
      db,
      sql`select round_id as "roundId", respondent_key as key from survey_participations
        where (round_id, respondent_key) in (${sql.join(keys, sql`, `)})`,
    );
    for (const d of done) answered.add(`${d.roundId}:${d.key}`);
  }
  const items = found.map((f) => ({
    id: f.id,
    roundId: f.roundId,
    kind: f.kind,
    kindName: policy.kinds[f.kind].name,
    title: f.title,
    aboutName: f.aboutName,
    closesOn: f.closesOn,
    open: f.status === 'open' && f.closesOn >= today,
    answered: answered.has(`${f.roundId}:${participationKey(pii, f.respondent)}`),
    questions: f.questions,
    freeTextPrompt: f.freeTextPrompt,
  }));
  // What is still to be answered first.
  items.sort((a, b) => Number(a.answered || !a.open) - Number(b.answered || !b.open));
  return { items, total: items.length, scale: policy.scale, freeTextMaxLength: policy.freeTextMaxLength };
}

/**
 * The end-of-internship rating (岗位实习评价): when an internship completes, its student is asked to rate the
 * enterprise. The invitation belongs to the platform's standing round of the year (created by the year's first
 * completion) with the internship as subject, so each internship is rated once; the answer counts for the
 * student's school (internship quality) and carries the enterprise (its ratings), never the student.
 */
export async function inviteInternshipRating(
  tx: Tx,
  i: { internshipId: string; studentUserId: string | null; schoolId: string; enterpriseId: string; enterpriseName: string },
  now: Date,
): Promise<void> {
  if (!i.studentUserId) return;
  const today = todayOf(now);
  const year = Number(today.slice(0, 4));
  const k = policy.kinds.internship_quality;
  // Open until the end of the next year: an internship completed in December can still be rated.
  await tx.execute(sql`insert into survey_rounds (kind, year, title, closes_on, questions, free_text_prompt, policy_version)
    values ('internship_quality', ${year}, ${`${year}年度${k.name}`}, ${`${year + 1}-12-31`}, ${JSON.stringify(k.questions)}::jsonb,
      ${k.freeText}, ${policy.version})
    on conflict (year) where kind = 'internship_quality' and owner_id is null do nothing`);
  const [round] = await rows<{ id: string }>(
    tx,
    sql`select id from survey_rounds where kind = 'internship_quality' and owner_id is null and year = ${year}`,
  );
  await tx.execute(sql`insert into survey_invitations (round_id, user_id, subject, respondent, school_id, enterprise_id, invited_on)
    values (${round!.id}, ${i.studentUserId}, ${i.internshipId}, ${`internship:${i.internshipId}`}, ${i.schoolId}, ${i.enterpriseId}, ${today})
    on conflict do nothing`);
  await deliverToUsers(
    tx,
    {
      kind: 'survey',
      dedupeKey: `internship-rating:${i.internshipId}`,
      title: `请评价实习单位：${i.enterpriseName}`,
      body: '你的岗位实习已结束。评价匿名，实习单位只能看到多名实习生的汇总结果；你的评价也会帮助学弟学妹选择实习岗位。',
      link: '/surveys/mine',
      detail: { roundId: round!.id },
    },
    sql`select ${i.studentUserId}::uuid as user_id`,
  );
}
