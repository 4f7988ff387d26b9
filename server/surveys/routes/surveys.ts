import {
  answerBody,
  answerReceipt,
  enterpriseRatings as enterpriseRatingsSchema,
  enterpriseRatingsParams,
  invitationIdParams,
  myInvitations as myInvitationsSchema,
  roundIdParams,
  roundListQuery,
  roundOpen,
  roundResults as roundResultsSchema,
  roundSchoolParams,
  surveyRound,
  surveyRounds,
  unitResult as unitResultSchema,
} from '../../../contracts/surveys.ts';
import { accessFor, actingOrganisation, type Access, type Actor } from '../../../core/authz/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { answer } from '../repository/answers.ts';
import { myInvitations } from '../repository/invitations.ts';
import { enterpriseRatings } from '../repository/ratings.ts';
import { roundResults, unitResult } from '../repository/results.ts';
import { closeRound, getRound, listRounds, openRound } from '../repository/rounds.ts';

/**
 * 满意度调查 (三 18, 任务清单 27): rounds, results and response rates for the bureau and the schools; a respondent's
 * questionnaires and anonymous answers; an internship unit's ratings by its interns.
 */
const tags = ['surveys'];
const OPEN = { resource: 'surveyRound', action: 'open' } as const;
/** What the caller may open and close, beside the read access the route checked. */
const openAccessOf = (actor: Actor | null): Access => (actor ? accessFor(actor, OPEN) : { kind: 'none' });

const list = defineRoute({
  method: 'GET',
  url: '/api/surveys/rounds',
  tags,
  access: { resource: 'surveyRound', action: 'read' },
  summary: '调查轮次及应答率（全市轮次与本范围内学校的轮次；人数按数据范围统计）',
  query: roundListQuery,
  response: surveyRounds,
  handler: ({ services, access, actor, query }) => listRounds(services.database.db, access, openAccessOf(actor), query),
});

const open = defineRoute({
  method: 'POST',
  url: '/api/surveys/rounds',
  tags,
  access: OPEN,
  summary: '开启一轮满意度调查并向调查对象发送问卷（市教育局面向全市，学校面向本校学生、毕业生或合作企业）',
  body: roundOpen,
  response: surveyRound,
  status: 201,
  handler: async ({ services, access, actor, body, write }) => {
    const id = await write((tx, audit) =>
      openRound(tx, audit, access, actor ? actingOrganisation(actor, OPEN) : null, actor?.userId ?? null, body, services.now()),
    );
    return getRound(services.database.db, access, access, id);
  },
});

const results = defineRoute({
  method: 'GET',
  url: '/api/surveys/rounds/:id',
  tags,
  access: { resource: 'surveyRound', action: 'read' },
  summary: '一轮调查各学校的应答率和得分（答卷数不足最低样本量的只显示“样本不足”）',
  params: roundIdParams,
  response: roundResultsSchema,
  handler: ({ services, access, actor, params }) => roundResults(services.database.db, access, openAccessOf(actor), params.id),
});

const unit = defineRoute({
  method: 'GET',
  url: '/api/surveys/rounds/:id/schools/:schoolId',
  tags,
  access: { resource: 'surveyRound', action: 'read' },
  summary: '一所学校在一轮调查中的逐题平均分和汇总的意见建议（样本不足时不提供）',
  params: roundSchoolParams,
  response: unitResultSchema,
  handler: ({ services, access, actor, params }) =>
    unitResult(services.database.db, access, openAccessOf(actor), params.id, params.schoolId),
});

const close = defineRoute({
  method: 'POST',
  url: '/api/surveys/rounds/:id/close',
  tags,
  access: OPEN,
  summary: '结束一轮调查（开启的单位或市教育局）：不再接受作答，结果保留',
  params: roundIdParams,
  response: surveyRound,
  handler: async ({ services, access, params, write }) => {
    await write((tx, audit) => closeRound(tx, audit, access, params.id));
    return getRound(services.database.db, access, access, params.id);
  },
});

const mine = defineRoute({
  method: 'GET',
  url: '/api/surveys/mine',
  tags,
  access: { resource: 'surveyAnswer', action: 'answer' },
  summary: '我收到的问卷（含实习结束后的实习单位评价）及是否已填写',
  response: myInvitationsSchema,
  handler: ({ services, actor }) => myInvitations(services.database.db, services.pii, actor!.userId, services.now()),
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/surveys/mine/:id/answer',
  tags,
  access: { resource: 'surveyAnswer', action: 'answer' },
  summary: '匿名填写一份问卷（每人一次；答卷不记录作答人）',
  params: invitationIdParams,
  body: answerBody,
  response: answerReceipt,
  handler: ({ services, actor, params, body, write }) =>
    write((tx, audit) => answer(tx, audit, services.pii, actor!.userId, params.id, body, services.now())),
});

const ratings = defineRoute({
  method: 'GET',
  url: '/api/surveys/enterprise-ratings/:enterpriseId',
  tags,
  access: { resource: 'internshipRating', action: 'read' },
  summary: '实习生对一家实习单位的评价（逐年汇总；评价数不足最低样本量的年度只显示“样本不足”）',
  params: enterpriseRatingsParams,
  response: enterpriseRatingsSchema,
  handler: ({ services, access, params }) => enterpriseRatings(services.database.db, access, params.enterpriseId),
});

export const surveyRoutes: AnyRoute[] = [list, open, results, unit, close, mine, submit, ratings];
