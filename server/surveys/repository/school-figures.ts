import { sql } from 'drizzle-orm';
import { enoughAnswers, responseRate, round1, SURVEY_KINDS, type SurveyKind } from '../../../core/surveys/index.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { answerDetail } from './results.ts';

/**
 * A school's survey figures of a year, for the other capabilities (through index.ts): the quality evaluation's
 * satisfaction scores and the annual report's 学生反馈表. Every round of the year counts — the bureau's city-wide
 * rounds and the school's own — pooled per kind:
 * - student, graduate satisfaction: the school's students' and graduates' answers;
 * - employer satisfaction: the answers of enterprises asked about this school (an employer is asked once per school
 *   it partners with — its interns' schools and the schools whose graduates it employs — and the answer counts for
 *   the school it is about, not spread over all its partners);
 * - internship quality: the end-of-internship ratings given by this school's students.
 * A kind with fewer answers than the policy's minimum (surveys.minResponses) is left out: its figures could point at
 * the few who answered.
 */
export interface SurveyScore {
  schoolId: string;
  kind: SurveyKind;
  /** 0–100: the mean of the answers' scores. */
  score: number;
  responses: number;
  /** Respondents invited (an enterprise asked about the school counts once whoever of its staff were asked). */
  invited: number;
}

type Tally = { schoolId: string; kind: SurveyKind; responses: number; score: number | null; invited: number };

async function tallies(db: Db | Tx, year: number, schoolId?: string): Promise<Tally[]> {
  const only = schoolId ? sql`and x.school_id = ${schoolId}` : sql``;
  return rows<Tally>(
    db,
    sql`with invited as (
        select i.school_id, r.kind, count(distinct i.respondent)::int as n from survey_invitations i
          join survey_rounds r on r.id = i.round_id where r.year = ${year} group by 1, 2),
      answered as (
        select a.school_id, r.kind, count(*)::int as n, avg(a.score)::float8 as score from survey_answers a
          join survey_rounds r on r.id = a.round_id where r.year = ${year} group by 1, 2)
      select x.school_id as "schoolId", x.kind, coalesce(a.n, 0) as responses, a.score, coalesce(i.n, 0) as invited
      from (select school_id, kind from invited union select school_id, kind from answered) x
      left join invited i on i.school_id = x.school_id and i.kind = x.kind
      left join answered a on a.school_id = x.school_id and a.kind = x.kind
      where true ${only}
      order by x.school_id, x.kind`,
  );
}

/** Every school's satisfaction scores of the year, one row per school and kind with enough answers. */
export async function surveyScoresBySchool(db: Db | Tx, year: number): Promise<SurveyScore[]> {
  return (await tallies(db, year))
    .filter((t) => t.score !== null && enoughAnswers(t.responses, policy.minResponses))
    .map((t) => ({ schoolId: t.schoolId, kind: t.kind, score: round1(t.score!), responses: t.responses, invited: t.invited }));
}

/** One question's average over a school's answers of a kind: 0–100 and on the 1…points scale. */
export interface FeedbackQuestion {
  code: string;
  text: string;
  /** 0–100 (the same mapping as the scores). */
  score: number;
  /** The mean Likert value, 1…scale points. */
  mean: number;
  answers: number;
}

export interface FeedbackKind {
  kind: SurveyKind;
  name: string;
  invited: number;
  responses: number;
  /** Per cent answered of those invited; null when nobody was invited. */
  responseRate: number | null;
  /** False: fewer answers than the minimum, so no score, questions or comments are given (样本不足). */
  sufficient: boolean;
  score: number | null;
  questions: FeedbackQuestion[];
  /** The free-text answers, in text order (never in answer order, never with anything about who wrote them). */
  comments: string[];
}

/** What a school's annual report's 学生反馈表 needs for a year: per kind the response counts and, with enough answers, per-question averages. */
export interface SchoolFeedback {
  schoolId: string;
  year: number;
  minResponses: number;
  scale: string[];
  kinds: FeedbackKind[];
}

export async function surveyFeedbackForSchool(db: Db, schoolId: string, year: number): Promise<SchoolFeedback> {
  const byKind = new Map((await tallies(db, year, schoolId)).map((t) => [t.kind, t]));
  // The questions as the year's rounds asked them (a round keeps its version's), the policy's order first.
  const asked = await rows<{ kind: SurveyKind; questions: { code: string; text: string }[] }>(
    db,
    sql`select kind, questions from survey_rounds where year = ${year} order by created_at desc`,
  );
  const kinds: FeedbackKind[] = [];
  for (const kind of SURVEY_KINDS) {
    const t = byKind.get(kind);
    const responses = t?.responses ?? 0;
    const invited = t?.invited ?? 0;
    const sufficient = enoughAnswers(responses, policy.minResponses);
    const questions = [...policy.kinds[kind].questions, ...asked.filter((r) => r.kind === kind).flatMap((r) => r.questions)];
    const detail = sufficient
      ? await answerDetail(db, sql`r.year = ${year} and r.kind = ${kind} and a.school_id = ${schoolId}`, questions)
      : { questions: [], comments: [] };
    kinds.push({
      kind,
      name: policy.kinds[kind].name,
      invited,
      responses,
      responseRate: responseRate(responses, invited),
      sufficient,
      score: sufficient && t?.score != null ? round1(t.score) : null,
      ...detail,
    });
  }
  return { schoolId, year, minResponses: policy.minResponses, scale: policy.scale, kinds };
}
