import { todayOf } from '../../../core/calendar.ts';
import { creditList, enterpriseCredit, enterpriseParams, surchargeCreditQuery } from '../../../contracts/certification.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { creditList as listCredits, enterpriseCredit as ledgerOf } from '../repository/surcharge-credit.ts';

const tags = ['certification'];
const access = { resource: 'surchargeCredit', action: 'read' } as const;

const mine = defineRoute({
  method: 'GET',
  url: '/api/certification/enterprises/:enterpriseId/surcharge-credit',
  tags,
  access,
  summary: '产教融合型企业教育费附加、地方教育附加抵免台账：认定年度的投资额×30%，当年应缴附加抵免后结转以后年度（由年度申报计算）',
  params: enterpriseParams,
  response: enterpriseCredit,
  handler: ({ services, access, params }) => ledgerOf(services.database.db, access, params.enterpriseId, todayOf(services.now())),
});

const list = defineRoute({
  method: 'GET',
  url: '/api/certification/surcharge-credits',
  tags,
  access,
  summary: '产教融合型企业附加抵免名单（某年度：投资额、可抵免额、上年结转、当年应缴、已抵免、结转下年；供税务、财政部门核实）',
  query: surchargeCreditQuery,
  response: creditList,
  handler: ({ services, access, query }) => listCredits(services.database.db, access, query, todayOf(services.now())),
});

const COLUMNS = [
  { header: '统一社会信用代码', width: 22 },
  { header: '企业名称', width: 32 },
  { header: '所在区域' },
  { header: '年度', width: 8 },
  { header: '兴办职业教育投资（元）' },
  { header: '本年可抵免额（元）' },
  { header: '上年结转（元）' },
  { header: '当年应缴教育费附加及地方教育附加（元）', width: 24 },
  { header: '本年抵免（元）' },
  { header: '结转以后年度（元）' },
];

const exported = defineRoute({
  method: 'GET',
  url: '/api/exports/surcharge-credits',
  tags: ['exports', ...tags],
  access,
  summary: '导出产教融合型企业附加抵免名单（.xlsx，筛选同名单）',
  query: surchargeCreditQuery,
  async handler({ services, access, query, reply }) {
    const now = services.now();
    const data = await listCredits(services.database.db, access, query, todayOf(now));
    xlsxDownload(reply, `产教融合型企业附加抵免_${data.year}年度`, now);
    return streamWorkbook(`${data.year}年度附加抵免`, COLUMNS, async (add, drain) => {
      for (const i of data.items)
        add([
          i.uscc,
          i.enterpriseName,
          i.districtName ?? '',
          i.year,
          i.investmentYuan ?? '',
          i.creditYuan,
          i.carriedInYuan,
          i.surchargesYuan ?? '',
          i.usedYuan,
          i.carriedOutYuan,
        ]);
      await drain();
    });
  },
});

export const surchargeCreditRoutes: AnyRoute[] = [mine, list, exported];
