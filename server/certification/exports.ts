import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { LEVEL_LABELS, STAGE_LABELS } from '../../core/certification/lifecycle.ts';
import {
  SASAC_LEVEL_LABELS,
  type CaseListQuery,
  type DeclarationListQuery,
  type StateOwnedDeclarationQuery,
} from '../../contracts/certification.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { streamWorkbook } from '../platform/exports/xlsx-stream.ts';
import { listCases } from './repository/cases.ts';
import { declarationListWhere, declarationRows, declarationYearOn, toDeclaration } from './repository/declarations.ts';

const BATCH = 2000;
const COLUMNS = [
  { header: '统一社会信用代码', width: 22 },
  { header: '企业名称', width: 32 },
  { header: '所在区域' },
  { header: '年度', width: 8 },
  { header: '职工工资总额（元）' },
  { header: '提取培训经费（元）' },
  { header: '提取比例（%）', width: 12 },
  { header: '提取比例是否在规定区间' },
  { header: '使用培训经费（元）' },
  { header: '用于一线职工比例（%）' },
  { header: '一线比例是否达标' },
  { header: '培训职工人次' },
  { header: '实习岗位名额（登记数据）' },
  { header: '国有企业', width: 10 },
  { header: '国资监管机构' },
];

const DRAWN = { below: '低于下限', within: '在区间内', above: '高于上限' } as const;

/** Declarations of one year as .xlsx, paged on the USCC so 20,000 rows stream without one large query. */
function exportWhere(db: Db, year: number, where: SQL) {
  return streamWorkbook(`${year}年度企业申报`, COLUMNS, async (add, drain) => {
    let after = '';
    for (;;) {
      const page = (
        await rows<Parameters<typeof toDeclaration>[0]>(
          db,
          sql`${declarationRows(year, sql`${where} and o.code > ${after}`)} order by o.code limit ${BATCH}`,
        )
      ).map(toDeclaration);
      for (const d of page) {
        add([
          d.uscc,
          d.enterpriseName,
          d.districtName ?? '',
          d.year,
          d.payrollYuan,
          d.fundDrawnYuan,
          d.standing.drawnSharePct ?? '',
          d.standing.drawn ? DRAWN[d.standing.drawn] : '',
          d.fundSpentYuan,
          d.frontlineSharePct,
          d.standing.frontlineMeets ? '是' : '否',
          d.peopleTrained,
          d.internshipPlaces,
          d.stateOwned ? '是' : '否',
          d.sasacLevel ? SASAC_LEVEL_LABELS[d.sasacLevel] : '',
        ]);
      }
      await drain();
      if (page.length < BATCH) break;
      after = page.at(-1)!.uscc;
    }
  });
}

export function exportDeclarations(db: Db, access: Access, q: Omit<DeclarationListQuery, 'page' | 'pageSize'>, today: string) {
  return exportWhere(db, q.year ?? declarationYearOn(today), declarationListWhere(access, q));
}

export function exportStateOwnedDeclarations(db: Db, q: Omit<StateOwnedDeclarationQuery, 'page' | 'pageSize'>, today: string) {
  return exportWhere(
    db,
    q.year ?? declarationYearOn(today),
    sql`d.sasac_level is not null and ${q.sasacLevel ? sql`d.sasac_level = ${q.sasacLevel}` : sql`true`}`,
  );
}

const PIPELINE_COLUMNS = [
  { header: '企业名称', width: 32 },
  { header: '所在区域' },
  { header: '阶段', width: 22 },
  { header: '申报日期', width: 12 },
  { header: '纳入储备库', width: 12 },
  { header: '建设规划应公开日期', width: 14 },
  { header: '建设规划公开日期', width: 14 },
  { header: '建设规划逾期', width: 10 },
  { header: '培育期满', width: 12 },
  { header: '专家评审汇总分', width: 10 },
  { header: '认定级别', width: 10 },
  { header: '认定文号', width: 22 },
  { header: '认定日期', width: 12 },
  { header: '有效期至', width: 12 },
  { header: '已报送年度报告' },
  { header: '逾期未报年度报告' },
  { header: '取消认定日期', width: 12 },
  { header: '不得申报至', width: 12 },
];
const PIPELINE_PAGE = 200;

/** The pipeline board as .xlsx (same filters and scope as the list), one row a case with its dates and deadlines. */
export function exportPipeline(db: Db, access: Access, q: Omit<CaseListQuery, 'page' | 'pageSize'>, today: string) {
  return streamWorkbook('产教融合型企业培育认定', PIPELINE_COLUMNS, async (add, drain) => {
    for (let page = 1; ; page++) {
      const { items } = await listCases(db, access, { ...q, page, pageSize: PIPELINE_PAGE }, today);
      for (const c of items) {
        add([
          c.enterpriseName,
          c.districtName ?? '',
          STAGE_LABELS[c.stage],
          c.appliedOn,
          c.reserveOn ?? '',
          c.planDueOn ?? '',
          c.planPublishedOn ?? '',
          c.deadlines.planOverdue ? '是' : '',
          c.deadlines.cultivationEndsOn ?? '',
          c.expertReviewScore ?? '',
          c.level ? LEVEL_LABELS[c.level] : '',
          c.documentNo ?? '',
          c.certifiedOn ?? '',
          c.validUntil ?? '',
          c.reportedYears.join('、'),
          c.deadlines.reportsOverdue.join('、'),
          c.revokedOn ?? '',
          c.bannedUntil ?? '',
        ]);
      }
      await drain();
      if (items.length < PIPELINE_PAGE) break;
    }
  });
}
