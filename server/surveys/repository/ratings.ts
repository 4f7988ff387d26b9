import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { enoughAnswers, round1 } from '../../../core/surveys/index.ts';
import type { EnterpriseRatings } from '../../../contracts/surveys.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { answerDetail } from './results.ts';

/**
 * What interns said of an internship unit (岗位实习评价), per year: the enterprise sees its own, staff, schools and
 * students any (to choose posts) — always aggregated, and only from the policy's minimum number of ratings on, so
 * an enterprise with a few interns cannot tell who said what.
 */
export async function enterpriseRatings(db: Db, access: Access, enterpriseId: string): Promise<EnterpriseRatings> {
  const [e] = await rows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from organisations o where o.id = ${enterpriseId} and o.kind = 'enterprise'
      and ${scopeSqlOn(access, { organisationId: 'o.id', districtId: 'o.district_id' })}`,
  );
  if (!e) throw notFound('企业');
  const years = await rows<{ year: number; n: number; score: number }>(
    db,
    sql`select r.year, count(*)::int as n, avg(a.score)::float8 as score from survey_answers a join survey_rounds r on r.id = a.round_id
      where r.kind = 'internship_quality' and a.enterprise_id = ${enterpriseId} group by 1 order by 1 desc`,
  );
  const out: EnterpriseRatings['years'] = [];
  for (const y of years) {
    const sufficient = enoughAnswers(y.n, policy.minResponses);
    const detail = sufficient
      ? await answerDetail(
          db,
          sql`r.kind = 'internship_quality' and r.year = ${y.year} and a.enterprise_id = ${enterpriseId}`,
          policy.kinds.internship_quality.questions,
        )
      : { questions: [], comments: [] };
    out.push({ year: y.year, responses: y.n, sufficient, score: sufficient ? round1(y.score) : null, ...detail });
  }
  return { enterpriseId: e.id, enterpriseName: e.name, minResponses: policy.minResponses, scale: policy.scale, years: out };
}

/**
 * The interns' rating of each of some enterprises over the last two years, for the post list students choose from:
 * only enterprises with at least the minimum number of ratings appear.
 */
export async function internshipRatingsOf(
  db: Db,
  enterpriseIds: readonly string[],
  thisYear: number,
): Promise<Map<string, { score: number; responses: number }>> {
  if (!enterpriseIds.length) return new Map();
  const found = await rows<{ enterpriseId: string; n: number; score: number }>(
    db,
    sql`select a.enterprise_id as "enterpriseId", count(*)::int as n, avg(a.score)::float8 as score
      from survey_answers a join survey_rounds r on r.id = a.round_id
      where r.kind = 'internship_quality' and r.year >= ${thisYear - 1} and a.enterprise_id in (${sql.join(
        enterpriseIds.map((x) => sql`${x}::uuid`),
        sql`, `,
      )}) group by 1`,
  );
  return new Map(
    found.filter((f) => enoughAnswers(f.n, policy.minResponses)).map((f) => [f.enterpriseId, { score: round1(f.score), responses: f.n }]),
  );
}
