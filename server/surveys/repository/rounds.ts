import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import { responseRate, type SurveyKind } from '../../../core/surveys/index.ts';
import type { RoundOpen, SurveyRound } from '../../../contracts/surveys.ts';
import { surveysPolicy as policy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';
import { deliverToUsers } from '../../platform/notifications.ts';
import { audienceQuery } from './audience.ts';

/**
 * Survey rounds: the bureau opens a city-wide round of a kind for a year, a school one for its own students,
 * graduates or partner enterprises; the invitations are written and delivered to the inbox in the same transaction.
 * What a reader sees of a round is what its scope reaches: a school its own invited and answers, a district its
 * schools', the bureau all. A school's round is not found by another school (404).
 */
type RoundRow = {
  id: string;
  kind: SurveyKind;
  year: number;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  schoolId: string | null;
  schoolName: string | null;
  schoolDistrictId: string | null;
  status: 'open' | 'closed';
  closesOn: string;
  policyVersion: string;
};

const ROUND = sql`select r.id, r.kind, r.year, r.title, r.owner_id as "ownerId", ow.name as "ownerName", r.school_id as "schoolId",
  so.name as "schoolName", so.district_id as "schoolDistrictId", r.status, to_char(r.closes_on, 'YYYY-MM-DD') as "closesOn",
  r.policy_version as "policyVersion"
  from survey_rounds r left join organisations ow on ow.id = r.owner_id left join organisations so on so.id = r.school_id`;

/** The rounds a caller sees: every city-wide round, and the schools' own rounds in scope. */
const visible = (access: Access): SQL =>
  sql`(r.school_id is null or ${scopeSqlOn(access, { organisationId: 'r.school_id', districtId: 'so.district_id' })})`;

/** The schools whose figures a caller sees, over a query's school alias. */
const schoolsInScope = (access: Access, alias: string): SQL =>
  scopeSqlOn(access, { organisationId: `${alias}.id`, districtId: `${alias}.district_id` });

/** The caller may close a round: the bureau any; a school its own. */
const mayClose = (access: Access, r: RoundRow) =>
  access.kind === 'city' || (access.kind === 'limited' && r.schoolId !== null && access.organisationIds.includes(r.schoolId));

async function counts(db: Db | Tx, access: Access, roundIds: string[]) {
  if (!roundIds.length) return new Map<string, { invited: number; responses: number }>();
  const ids = sql.join(
    roundIds.map((x) => sql`${x}::uuid`),
    sql`, `,
  );
  const found = await rows<{ roundId: string; invited: number; responses: number }>(
    db,
    sql`select r.id as "roundId",
      (select count(distinct i.respondent) from survey_invitations i join organisations sch on sch.id = i.school_id
        where i.round_id = r.id and ${schoolsInScope(access, 'sch')})::int as invited,
      (select count(*) from survey_answers a join organisations sch on sch.id = a.school_id
        where a.round_id = r.id and ${schoolsInScope(access, 'sch')})::int as responses
      from survey_rounds r where r.id in (${ids})`,
  );
  return new Map(found.map((c) => [c.roundId, c]));
}

function toRound(r: RoundRow, c: { invited: number; responses: number } | undefined, closeAccess: Access): SurveyRound {
  const invited = c?.invited ?? 0;
  const responses = c?.responses ?? 0;
  return {
    id: r.id,
    kind: r.kind,
    kindName: policy.kinds[r.kind].name,
    year: r.year,
    title: r.title,
    scopeName: r.schoolName ?? '全市',
    ownerName: r.ownerName,
    status: r.status,
    closesOn: r.closesOn,
    policyVersion: r.policyVersion,
    invited,
    responses,
    responseRate: responseRate(responses, invited),
    canClose: r.status === 'open' && mayClose(closeAccess, r),
  };
}

export async function listRounds(
  db: Db,
  access: Access,
  openAccess: Access,
  q: { year?: number | undefined; kind?: SurveyKind | undefined },
): Promise<{ items: SurveyRound[]; total: number; minResponses: number; canOpen: boolean }> {
  const found = await rows<RoundRow>(
    db,
    sql`${ROUND} where ${visible(access)} ${q.year ? sql`and r.year = ${q.year}` : sql``} ${q.kind ? sql`and r.kind = ${q.kind}` : sql``}
      order by r.year desc, r.created_at desc limit 200`,
  );
  const c = await counts(
    db,
    access,
    found.map((r) => r.id),
  );
  return {
    items: found.map((r) => toRound(r, c.get(r.id), openAccess)),
    total: found.length,
    minResponses: policy.minResponses,
    canOpen: openAccess.kind !== 'none',
  };
}

export async function findRound(db: Db | Tx, access: Access, id: string): Promise<RoundRow> {
  const [r] = await rows<RoundRow>(db, sql`${ROUND} where r.id = ${id} and ${visible(access)}`);
  if (!r) throw notFound('调查轮次');
  return r;
}

export async function getRound(db: Db | Tx, access: Access, openAccess: Access, id: string): Promise<SurveyRound> {
  const r = await findRound(db, access, id);
  return toRound(r, (await counts(db, access, [id])).get(id), openAccess);
}

/** The school a school account acts for (its own organisation), else not found. */
async function ownSchool(db: Db | Tx, access: Access): Promise<{ id: string; name: string }> {
  const ids = access.kind === 'limited' ? access.organisationIds : [];
  const [s] = ids.length
    ? await rows<{ id: string; name: string }>(
        db,
        sql`select o.id, o.name from organisations o where o.kind = 'school' and o.status = 'active' and o.id in (${sql.join(
          ids.map((x) => sql`${x}::uuid`),
          sql`, `,
        )}) limit 1`,
      )
    : [];
  if (!s) throw notFound('学校');
  return s;
}

/**
 * Opens a round and invites its audience: the bureau (city access) for the whole city, a school for its own. The
 * questions are copied from the policy in force, so a later version of the questionnaire leaves it unchanged.
 */
export async function openRound(
  tx: Tx,
  audit: Auditor,
  access: Access,
  actingOrganisationId: string | null,
  userId: string | null,
  body: RoundOpen,
  now: Date,
): Promise<string> {
  const today = todayOf(now);
  const thisYear = Number(today.slice(0, 4));
  const fields: Record<string, string> = {};
  if (body.year < thisYear - 1 || body.year > thisYear) fields.year = `只能为今年或上一年度（${thisYear - 1}～${thisYear}年）开启调查`;
  if (body.closesOn <= today) fields.closesOn = '截止日期须晚于今天';
  if (Object.keys(fields).length) throw validationFailed(fields);
  const school = access.kind === 'city' ? null : await ownSchool(tx, access);
  const ownerId = school?.id ?? actingOrganisationId;
  const k = policy.kinds[body.kind];
  const title = body.title ?? `${body.year}年度${school ? school.name : '全市'}${k.name}`;
  const [round] = await rows<{ id: string }>(
    tx,
    sql`insert into survey_rounds (kind, year, title, owner_id, school_id, closes_on, questions, free_text_prompt, policy_version, created_by)
      values (${body.kind}, ${body.year}, ${title}, ${ownerId}, ${school?.id ?? null}, ${body.closesOn}, ${JSON.stringify(k.questions)}::jsonb,
        ${k.freeText}, ${policy.version}, ${userId})
      on conflict (owner_id, kind, year) where owner_id is not null do nothing returning id`,
  );
  if (!round) throw new AppError('CONFLICT', `${body.year}年度已开启过${k.name}，不能重复开启`, { fields: { kind: '本年度已开启' } });
  const audience = k.audience === 'internship' ? null : audienceQuery(k.audience, body.year, school?.id ?? null);
  if (!audience) throw validationFailed({ kind: '岗位实习评价在实习结束时由平台自动发给学生' });
  await tx.execute(sql`insert into survey_invitations (round_id, user_id, subject, respondent, school_id, enterprise_id, invited_on)
    select ${round.id}::uuid, q.user_id, q.subject, q.respondent, q.school_id, q.enterprise_id, ${today}::date from (${audience}) q
    on conflict do nothing`);
  const [{ n }] = (await rows<{ n: number }>(tx, sql`select count(*)::int as n from survey_invitations where round_id = ${round.id}`)) as [
    { n: number },
  ];
  if (!n) throw validationFailed({ kind: `${school ? '本校' : '全市'}暂无可邀请的调查对象（须有平台账号）` });
  await deliverToUsers(
    tx,
    {
      kind: 'survey',
      dedupeKey: `survey:${round.id}`,
      title: `请填写：${title}`,
      body: `匿名问卷，约 3 分钟，${body.closesOn} 截止。学校和单位只能看到汇总结果，看不到您的答案。`,
      link: '/surveys/mine',
      detail: { roundId: round.id },
    },
    sql`select user_id from survey_invitations where round_id = ${round.id}::uuid`,
  );
  await audit.record({
    action: 'create',
    entityType: 'surveyRound',
    entityId: round.id,
    after: { kind: body.kind, year: body.year, schoolId: school?.id ?? null, closesOn: body.closesOn, invited: n },
  });
  return round.id;
}

/** Closes a round: no more answers; its results stay. */
export async function closeRound(tx: Tx, audit: Auditor, access: Access, id: string): Promise<void> {
  const r = await findRound(tx, access, id);
  if (!mayClose(access, r)) throw new AppError('FORBIDDEN', '只有开启该调查的单位或市教育局可以结束调查');
  if (r.status !== 'open') throw new AppError('INVALID_STATE', '该调查已结束');
  await tx.execute(sql`update survey_rounds set status = 'closed' where id = ${id}`);
  await audit.record({ action: 'close', entityType: 'surveyRound', entityId: id, before: { status: 'open' }, after: { status: 'closed' } });
}
