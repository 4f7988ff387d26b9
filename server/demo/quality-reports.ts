import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import type { ReportKind, ReportStatus } from '../../core/quality-reports/index.ts';
import { qualityReportsPolicy as policy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { qualityReportPartners, qualityReports } from '../platform/db/schema/index.ts';
import { liveTables, partnerSchoolsOf } from '../quality-reports/index.ts';

/**
 * 质量年度报告 in the demo city (issue 17 item 4), last year's, in every state so each page has something to show:
 * school1 (高职) has its report returned with a comment (its editor shows the comment and the counters), school2 and
 * two more 中职 schools have published theirs (the public list, and the city report's tables), one more 中职 school's
 * waits for the bureau's review, another is a draft; enterprise1's report waits for its partner schools (school1 among
 * them when it is one) to confirm; the city's 中职 report is a draft the bureau can publish. Tables of submitted and
 * published reports are frozen from the demo's data as submission would.
 */
export interface QualityReportsDemoResult {
  year: number;
  reports: number;
  published: number;
}

const partText = (kind: ReportKind, code: string, title: string, name: string, year: number) =>
  `${name}${year}年度${title}情况。` +
  (kind === 'school'
    ? `本年度学校围绕郑州市产业集群调整专业布局，深化校企合作，${title}工作取得新进展。\n详见文末附表，附表数据由平台按数据日期生成。`
    : kind === 'enterprise'
      ? `企业与合作职业学校共建实训基地、接收岗位实习学生，${title}情况如下。\n相关数据见附表。`
      : `全市中等职业学校${title}总体情况。\n附表汇总各中职学校已公开报告的数据。`) +
  (code === 'challenges' ? '\n下一年度将针对上述问题制定改进措施。' : '');

export async function seedQualityReportsDemo(db: Db, opts: { now: Date }): Promise<QualityReportsDemoResult> {
  const today = todayOf(opts.now);
  const year = Number(today.slice(0, 4)) - 1;
  const byUser = async (username: string) =>
    (
      await rows<{ id: string }>(
        db,
        sql`select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.username = ${username} limit 1`,
      )
    )[0]?.id ?? null;
  const [school1, school2, enterprise1, bureau] = await Promise.all([
    byUser('school1'),
    byUser('school2'),
    byUser('enterprise1'),
    byUser('admin'),
  ]);
  const secondary = await rows<{ id: string }>(
    db,
    sql`select o.id from organisations o join schools s on s.organisation_id = o.id
      where o.is_demo and o.status = 'active' and s.level = 'secondary' and o.id <> ${school2 ?? sql`null`} order by o.code, o.id limit 4`,
  );
  const plan: [string | null, ReportStatus][] = [
    [school1, 'returned'],
    [school2, 'published'],
    [secondary[0]?.id ?? null, 'published'],
    [secondary[1]?.id ?? null, 'published'],
    [secondary[2]?.id ?? null, 'submitted'],
    [secondary[3]?.id ?? null, 'draft'],
    [enterprise1, 'submitted'],
    [bureau, 'draft'],
  ];
  let reports = 0;
  let published = 0;
  for (const [organisationId, status] of plan) {
    if (!organisationId) continue;
    const [org] = await rows<{ name: string; kind: string; districtId: string | null }>(
      db,
      sql`select name, kind, district_id as "districtId" from organisations where id = ${organisationId}`,
    );
    const kind: ReportKind = org!.kind === 'school' ? 'school' : org!.kind === 'enterprise' ? 'enterprise' : 'city';
    const author = { id: organisationId, name: org!.name, kind, districtId: kind === 'city' ? null : org!.districtId, districtName: null };
    const partners = kind === 'enterprise' ? await partnerSchoolsOf(db, organisationId, year) : [];
    if (kind === 'enterprise' && !partners.length) continue;
    const frozen = status === 'submitted' || status === 'published' ? await liveTables(db, author, year, today) : null;
    const parts = Object.fromEntries(policy.parts[kind].map((p) => [p.code, partText(kind, p.code, p.title, org!.name, year)]));
    const [created] = await db
      .insert(qualityReports)
      .values({
        kind,
        organisationId,
        districtId: author.districtId,
        year,
        status,
        parts,
        comments: status === 'returned' ? { challenges: '请补充改进措施的具体时间表和责任部门。' } : {},
        tables: frozen?.tables ?? null,
        dataDate: frozen?.dataDate ?? null,
        submittedAt: status === 'draft' ? null : opts.now,
        reviewedAt: status === 'returned' || status === 'published' ? opts.now : null,
        publishedAt: status === 'published' ? opts.now : null,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .onConflictDoNothing()
      .returning({ id: qualityReports.id });
    if (!created) continue;
    if (partners.length)
      await db.insert(qualityReportPartners).values(
        partners.map((p, i) => ({
          reportId: created.id,
          schoolId: p.id,
          // Every partner but school1 (and the first when school1 is not one) has confirmed: someone still to confirm.
          confirmedAt: p.id !== school1 && (i > 0 || partners.some((x) => x.id === school1)) ? opts.now : null,
        })),
      );
    reports++;
    if (status === 'published') published++;
  }
  return { year, reports, published };
}
