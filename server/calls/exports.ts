import { and, asc, eq, sql } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { todayOf } from '../../core/calendar.ts';
import { AGGREGATION_LABELS } from '../../core/expert-review/index.ts';
import { notFound } from '../../core/errors.ts';
import { APPLICATION_STATUS_LABELS } from '../../contracts/calls.ts';
import type { Db } from '../platform/db/engine.ts';
import { callApplicationPartners, callApplications, calls, organisations } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';
import { streamWorkbook } from '../platform/exports/xlsx-stream.ts';
import { roundResults } from '../expert-review/index.ts';
import { kindOf } from './repository/calls.ts';

async function ownCall(db: Db, manage: Access, id: string) {
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), scopeWhere(manage, { organisationId: calls.organisationId })));
  if (!call) throw notFound('申报指南');
  return call;
}

/** Every application of a call (drafts and withdrawn ones included, marked), its partners and the decision. */
export async function exportApplications(db: Db, manage: Access, id: string) {
  const call = await ownCall(db, manage, id);
  const rows = await db
    .select({
      title: callApplications.title,
      applicant: organisations.name,
      status: callApplications.status,
      requestedYuan: callApplications.requestedYuan,
      submittedAt: callApplications.submittedAt,
      partners: sql<string>`(select string_agg(o.name || case when p.confirmed_at is null then '（未确认）' else '' end, '、' order by o.name_sort)
        from ${callApplicationPartners} p join ${organisations} o on o.id = p.organisation_id where p.application_id = ${callApplications.id})`,
    })
    .from(callApplications)
    .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId))
    .where(eq(callApplications.callId, id))
    .orderBy(asc(organisations.nameSort), asc(callApplications.id));
  return streamWorkbook(
    `${kindOf(call.kind).name}申报`.slice(0, 31),
    [
      { header: '项目名称', width: 40 },
      { header: '申报单位', width: 32 },
      { header: '合作单位', width: 40 },
      { header: '申请金额（元）' },
      { header: '状态' },
      { header: '提交日期', width: 14 },
    ],
    async (add) => {
      for (const r of rows)
        add([
          r.title,
          r.applicant,
          r.partners ?? '',
          r.requestedYuan,
          APPLICATION_STATUS_LABELS[r.status],
          r.submittedAt ? todayOf(r.submittedAt) : '',
        ]);
    },
  );
}

/** Every expert's sheet: item scores, total, outlier flag and comment, with each application's aggregate and rank. */
export async function exportScores(db: Db, manage: Access, id: string) {
  const call = await ownCall(db, manage, id);
  if (!call.reviewRoundId) throw notFound('评审');
  const results = await roundResults(db, manage, call.reviewRoundId);
  return streamWorkbook(
    '专家评分',
    [
      { header: '排名' },
      { header: '项目名称', width: 40 },
      { header: '申报单位', width: 32 },
      { header: `汇总分（${AGGREGATION_LABELS[results.aggregation]}）`, width: 22 },
      { header: '评审专家' },
      ...results.rubric.map((i) => ({ header: `${i.label}（${i.min}-${i.max}）`, width: 18 })),
      { header: '总分' },
      { header: '偏离提示' },
      { header: '评审意见', width: 50 },
    ],
    async (add) => {
      for (const s of results.subjects)
        for (const sheet of s.sheets)
          add([
            s.rank ?? '',
            s.title,
            s.applicantNames,
            s.score ?? '',
            sheet.expertName,
            ...results.rubric.map((i) => sheet.scores?.[i.code] ?? ''),
            sheet.total ?? '未提交',
            sheet.outlier ? '偏离中位数' : '',
            sheet.comment ?? '',
          ]);
    },
  );
}

/** The decision list: rank, score, funded or not, the amount. */
export async function exportDecisions(db: Db, manage: Access, id: string) {
  await ownCall(db, manage, id);
  const rows = await db
    .select({
      rank: callApplications.rank,
      title: callApplications.title,
      applicant: organisations.name,
      score: callApplications.score,
      requestedYuan: callApplications.requestedYuan,
      decision: callApplications.decision,
      awardYuan: callApplications.awardYuan,
    })
    .from(callApplications)
    .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId))
    .where(and(eq(callApplications.callId, id), eq(callApplications.status, 'submitted')))
    .orderBy(sql`${callApplications.rank} nulls last`, asc(callApplications.id));
  return streamWorkbook(
    '立项结果',
    [
      { header: '排名' },
      { header: '项目名称', width: 40 },
      { header: '申报单位', width: 32 },
      { header: '评审得分' },
      { header: '申请金额（元）' },
      { header: '结果' },
      { header: '立项金额（元）' },
    ],
    async (add) => {
      for (const r of rows)
        add([
          r.rank ?? '',
          r.title,
          r.applicant,
          r.score ?? '',
          r.requestedYuan,
          r.decision === 'funded' ? '立项' : r.decision === 'not_funded' ? '未立项' : '未决定',
          r.awardYuan ?? '',
        ]);
    },
  );
}
