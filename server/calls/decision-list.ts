import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { todayOf } from '../../core/calendar.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../platform/db/engine.ts';
import { callApplications, calls, organisations } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';
import { renderA4Pdf } from '../platform/pdf/a4-document.ts';
import { kindOf } from './repository/calls.ts';

const yuan = (n: number) => n.toLocaleString('zh-CN');

/**
 * 公示名单 (issue 15 items 4 and 7): the projects a call's decision funds, in rank order with score and amount, as an
 * A4 PDF to post and file — for the managing unit once decided (marked 拟公示 until published), and for anyone once
 * published, with the 公示 period and how to object. `manage` null: the public, who see only published results.
 */
export async function decisionListPdf(db: Db, manage: Access | null, id: string, now: Date): Promise<Buffer> {
  const [call] = await db
    .select({ call: calls, issuer: organisations.name })
    .from(calls)
    .innerJoin(organisations, eq(organisations.id, calls.organisationId))
    .where(
      and(
        eq(calls.id, id),
        manage ? inArray(calls.status, ['decided', 'published']) : eq(calls.status, 'published'),
        manage ? scopeWhere(manage, { organisationId: calls.organisationId }) : undefined,
      ),
    );
  if (!call) throw notFound(manage ? '已作出立项决定的申报指南' : '已公示的立项结果');
  const c = call.call;
  const funded = await db
    .select({
      rank: callApplications.rank,
      title: callApplications.title,
      applicant: organisations.name,
      score: callApplications.score,
      award: callApplications.awardYuan,
    })
    .from(callApplications)
    .innerJoin(organisations, eq(organisations.id, callApplications.applicantOrganisationId))
    .where(and(eq(callApplications.callId, id), eq(callApplications.decision, 'funded')))
    .orderBy(asc(callApplications.rank), asc(callApplications.id));
  const total = funded.reduce((s, f) => s + (f.award ?? 0), 0);
  const published = c.status === 'published';
  // The figures are the decision's: dated the day it was published (or made, while not yet published).
  const dataDate = c.publishedOn ?? (c.decidedAt ? todayOf(c.decidedAt) : todayOf(now));
  return renderA4Pdf({
    title: `${c.title}立项名单公示`,
    subtitle: published ? undefined : '（拟公示，尚未发布）',
    issuer: call.issuer,
    issuedOn: c.publishedOn ?? todayOf(now),
    generatedAt: now,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['项目类别', `${kindOf(c.kind).name}（${kindOf(c.kind).article}）`],
          ['发布单位', call.issuer],
          ['预算', `${yuan(c.budgetYuan)} 元`],
          ['拟立项', `${funded.length} 项，合计 ${yuan(total)} 元`],
          ['公示期', published ? `${c.publishedOn} 至 ${c.objectionEndsOn}` : '发布之日起，按政策文件规定天数'],
        ],
      },
      {
        kind: 'paragraph',
        text:
          '经专家评审、综合排名，现将拟立项项目名单予以公示。申报单位对评审结果有异议的，请在公示期内登录平台，' +
          '在本单位申报书页面提出异议并写明理由；发布单位在平台答复。公示期满且异议均已答复后，立项结果生效。',
      },
      {
        kind: 'table',
        table: {
          caption: '拟立项项目名单',
          dataDate,
          columns: [
            { title: '名次', width: 0.6, align: 'center' },
            { title: '项目名称', width: 3 },
            { title: '申报单位', width: 2.4 },
            { title: '评审得分', align: 'right' },
            { title: '立项金额（元）', width: 1.3, align: 'right' },
          ],
          rows: funded.map((f) => [
            String(f.rank ?? ''),
            f.title,
            f.applicant,
            f.score === null ? '—' : f.score.toFixed(2),
            yuan(f.award ?? 0),
          ]),
          empty: '本批无立项项目',
        },
      },
    ],
  });
}
