import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { enoughAnswers, itemScore, responseRate, round1 } from '../../../core/surveys/index.ts';
import type { RoundResults, SchoolResult, UnitResult } from '../../../contracts/surveys.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { getRound } from './rounds.ts';

/**
 * A round's results per school in the caller's scope: invited, answered, the response rate, and the score only
 * from the policy's minimum number of answers on (below it: 样本不足, no figure at all). A school's per-question
 * averages and its free text are read one school at a time, again only above the minimum; free text comes in text
 * order with nothing about who wrote it.
 */
export async function roundResults(db: Db, access: Access, openAccess: Access, id: string): Promise<RoundResults> {
  const round = await getRound(db, access, openAccess, id);
  const found = await rows<{
    schoolId: string;
    schoolName: string;
    districtName: string | null;
    invited: number;
    responses: number;
    score: number | null;
  }>(
    db,
    sql`with inv as (select school_id, count(distinct respondent)::int as n from survey_invitations where round_id = ${id} group by 1),
      ans as (select school_id, count(*)::int as n, avg(score)::float8 as score from survey_answers where round_id = ${id} group by 1)
      select sch.id as "schoolId", sch.name as "schoolName", d.name as "districtName", coalesce(inv.n, 0) as invited,
        coalesce(ans.n, 0) as responses, ans.score
      from (select school_id from inv union select school_id from ans) x join organisations sch on sch.id = x.school_id
      left join organisations d on d.id = sch.district_id left join inv on inv.school_id = x.school_id left join ans on ans.school_id = x.school_id
      where ${scopeSqlOn(access, { organisationId: 'sch.id', districtId: 'sch.district_id' })}
      order by coalesce(ans.n, 0)::float8 / greatest(coalesce(inv.n, 0), 1), sch.name`,
  );
  return { round, minResponses: policy.minResponses, scale: policy.scale, schools: found.map(toSchoolResult) };
}

function toSchoolResult(r: {
  schoolId: string;
  schoolName: string;
  districtName: string | null;
  invited: number;
  responses: number;
  score: number | null;
}): SchoolResult {
  const sufficient = enoughAnswers(r.responses, policy.minResponses);
  return {
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    districtName: r.districtName,
    invited: r.invited,
    responses: r.responses,
    responseRate: responseRate(r.responses, r.invited),
    sufficient,
    score: sufficient && r.score !== null ? round1(r.score) : null,
  };
}

/** Per-question averages (0–100 and mean on the scale) and free text of the answers a condition selects, with enough answers. */
export async function answerDetail(db: Db | Tx, where: SQL, questions: { code: string; text: string }[]) {
  const points = policy.scale.length;
  const perQuestion = await rows<{ code: string; mean: number; n: number }>(
    db,
    sql`select v.key as code, avg(v.value::int)::float8 as mean, count(*)::int as n
      from survey_answers a join survey_rounds r on r.id = a.round_id, jsonb_each_text(a.values) v where ${where} group by 1`,
  );
  const comments = await rows<{ text: string }>(
    db,
    sql`select a.free_text as text from survey_answers a join survey_rounds r on r.id = a.round_id
      where ${where} and a.free_text is not null order by a.free_text`,
  );
  const known = new Map<string, { q: { code: string; text: string }; i: number }>();
  questions.forEach((q, i) => {
    if (!known.has(q.code)) known.set(q.code, { q, i });
  });
  return {
    questions: perQuestion
      .sort((a, b) => (known.get(a.code)?.i ?? 99) - (known.get(b.code)?.i ?? 99))
      .map((q) => ({
        code: q.code,
        text: known.get(q.code)?.q.text ?? q.code,
        score: round1(itemScore(q.mean, points)),
        mean: Math.round(q.mean * 100) / 100,
        answers: q.n,
      })),
    comments: comments.map((c) => c.text),
  };
}

export async function unitResult(db: Db, access: Access, openAccess: Access, id: string, schoolId: string): Promise<UnitResult> {
  const results = await roundResults(db, access, openAccess, id);
  const school = results.schools.find((s) => s.schoolId === schoolId);
  if (!school) throw notFound('学校的调查结果');
  const [round] = await rows<{ questions: { code: string; text: string }[] }>(
    db,
    sql`select questions from survey_rounds where id = ${id}`,
  );
  const detail = school.sufficient
    ? await answerDetail(db, sql`a.round_id = ${id} and a.school_id = ${schoolId}`, round!.questions)
    : { questions: [], comments: [] };
  return { ...school, ...detail };
}
