import {
  declarationExportQuery,
  declarationIdParams,
  declarationListQuery,
  declarationPage,
  declarationPut,
  fundingDeclaration,
  fundingYearParams,
  highSchoolFigure,
  highSchoolFigures,
  highSchoolPut,
  myDeclarations as myDeclarationsSchema,
} from '../../../contracts/funding.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';
import {
  getDeclaration,
  listDeclarations,
  listHighSchool,
  myDeclarations,
  putDeclaration,
  putHighSchool,
} from '../repository/declarations.ts';
import { exportDeclarations } from '../exports/declarations.ts';

/**
 * 生均财政拨款 (二 (五) 14, 任务清单 20): a school declares its yearly figure; its district, the bureau and the
 * departments list the declarations with their standing (and export them); the 市财政局 enters the 普高 figure.
 */
const tags = ['funding'];

const list = defineRoute({
  method: 'GET',
  url: '/api/funding/declarations',
  tags,
  access: { resource: 'fundingDeclaration', action: 'read' },
  summary: '某年度各学校的生均财政拨款申报及达标情况（按数据范围；默认最近申报年度；未达标的排在前面）',
  query: declarationListQuery,
  response: declarationPage,
  handler: ({ services, access, query }) => listDeclarations(services.database.db, access, query, services.now()),
});

const mine = defineRoute({
  method: 'GET',
  url: '/api/funding/my-declarations',
  tags,
  access: { resource: 'fundingDeclaration', action: 'declare' },
  summary: '本校历年生均财政拨款申报及达标情况',
  response: myDeclarationsSchema,
  handler: ({ services, access }) => myDeclarations(services.database.db, access),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/funding/declarations/:id',
  tags,
  access: { resource: 'fundingDeclaration', action: 'read' },
  summary: '一份生均财政拨款申报及其达标情况',
  params: declarationIdParams,
  response: fundingDeclaration,
  handler: ({ services, access, params }) => getDeclaration(services.database.db, access, params.id),
});

const put = defineRoute({
  method: 'PUT',
  url: '/api/funding/my-declarations/:year',
  tags,
  access: { resource: 'fundingDeclaration', action: 'declare' },
  summary: '申报或更正本校某年度的一般公共预算财政拨款总额（元）和在校生数（更正时须提供读取时的版本号）',
  params: fundingYearParams,
  body: declarationPut,
  response: fundingDeclaration,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => putDeclaration(tx, audit, access, actor?.userId ?? null, params.year, body, services.now())),
});

const exportList = defineRoute({
  method: 'GET',
  url: '/api/exports/funding-declarations',
  tags,
  access: { resource: 'fundingDeclaration', action: 'read' },
  summary: '导出某年度生均财政拨款申报及达标情况（.xlsx，筛选条件同列表）',
  query: declarationExportQuery,
  async handler({ services, access, query, reply }) {
    xlsxDownload(reply, '生均财政拨款', services.now());
    return exportDeclarations(services.database.db, access, query, services.now());
  },
});

const highSchool = defineRoute({
  method: 'GET',
  url: '/api/funding/high-school',
  tags,
  access: { resource: 'highSchoolFunding', action: 'read' },
  summary: '历年当地普通高中生均财政拨款（市财政局录入，中职学校的比较标准）',
  response: highSchoolFigures,
  // Whether the caller may enter the figure: the enter grant's reach (the caller's own unit), checked against funding.enteredBy.
  handler: ({ services, actor }) =>
    listHighSchool(services.database.db, actor ? accessFor(actor, { resource: 'highSchoolFunding', action: 'enter' }) : { kind: 'none' }),
});

const putHigh = defineRoute({
  method: 'PUT',
  url: '/api/funding/high-school/:year',
  tags,
  access: { resource: 'highSchoolFunding', action: 'enter' },
  summary: '市财政局录入或更正某年度当地普通高中生均财政拨款（元；更正时须提供读取时的版本号）',
  params: fundingYearParams,
  body: highSchoolPut,
  response: highSchoolFigure,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => putHighSchool(tx, audit, access, actor?.userId ?? null, params.year, body, services.now())),
});

export const fundingRoutes: AnyRoute[] = [list, mine, detail, put, exportList, highSchool, putHigh];
