import { todayOf } from '../../../core/calendar.ts';
import { idParams } from '../../../contracts/common.ts';
import {
  declaration,
  declarationForm,
  declarationListQuery,
  declarationPage,
  declarationParams,
  declarationSave,
  stateOwnedDeclarationPage,
  stateOwnedDeclarationQuery,
  undeclaredPage,
  undeclaredQuery,
} from '../../../contracts/certification.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { exportDeclarations, exportStateOwnedDeclarations } from '../exports.ts';
import {
  declarationForm as loadForm,
  getDeclaration,
  listDeclarations,
  listStateOwnedDeclarations,
  saveDeclaration,
  undeclaredEnterprises,
} from '../repository/declarations.ts';

const tags = ['certification'];

const list = defineRoute({
  method: 'GET',
  url: '/api/certification/declarations',
  tags,
  access: { resource: 'declaration', action: 'read' },
  summary: '企业年度申报列表（一年一表；默认上一年度；企业本身、所在区县、市教育局）',
  query: declarationListQuery,
  response: declarationPage,
  handler: ({ services, access, query }) => listDeclarations(services.database.db, access, query, todayOf(services.now())),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/certification/declarations/:id',
  tags,
  access: { resource: 'declaration', action: 'read' },
  summary: '企业年度申报详情（含对照培训经费提取比例1.5%—2.5%、一线职工比例60%的达标情况）',
  params: idParams,
  response: declaration,
  handler: ({ services, access, params }) => getDeclaration(services.database.db, access, params.id),
});

const form = defineRoute({
  method: 'GET',
  url: '/api/certification/enterprises/:enterpriseId/declarations/:year',
  tags,
  access: { resource: 'declaration', action: 'read' },
  summary: '某企业某年度的申报表：已申报内容、登记数据中的实习岗位名额（展示，不需填报）与政策标准',
  params: declarationParams,
  response: declarationForm,
  handler: ({ services, access, params }) => loadForm(services.database.db, access, params.enterpriseId, params.year),
});

const save = defineRoute({
  method: 'PUT',
  url: '/api/certification/enterprises/:enterpriseId/declarations/:year',
  tags,
  access: { resource: 'declaration', action: 'save' },
  summary: '企业填报（或更正）本年度申报：工资总额、培训经费提取与使用、一线职工比例、培训人次、国有企业及监管机构；更正须带版本号',
  params: declarationParams,
  body: declarationSave,
  response: declaration,
  handler: async ({ services, access, actor, params, body, write }) => {
    const now = services.now();
    const out = await write((tx, audit) =>
      saveDeclaration(tx, audit, access, params.enterpriseId, params.year, body, actor!.userId, now, todayOf(now)),
    );
    return out.declaration;
  },
});

const exported = defineRoute({
  method: 'GET',
  url: '/api/exports/declarations',
  tags: ['exports', ...tags],
  access: { resource: 'declaration', action: 'read' },
  summary: '导出企业年度申报（.xlsx，筛选条件同申报列表）',
  query: declarationListQuery,
  async handler({ services, access, query, reply }) {
    const now = services.now();
    xlsxDownload(reply, '企业年度申报', now);
    return exportDeclarations(services.database.db, access, query, todayOf(now));
  },
});

const stateOwned = defineRoute({
  method: 'GET',
  url: '/api/certification/state-owned-declarations',
  tags,
  access: { resource: 'stateOwnedDeclaration', action: 'read' },
  summary: '国有企业年度申报及合计（市政府国资委用于国有企业绩效考核，三 18、任务清单 29）',
  query: stateOwnedDeclarationQuery,
  response: stateOwnedDeclarationPage,
  handler: ({ services, query }) => listStateOwnedDeclarations(services.database.db, query, todayOf(services.now())),
});

const stateOwnedExport = defineRoute({
  method: 'GET',
  url: '/api/exports/state-owned-declarations',
  tags: ['exports', ...tags],
  access: { resource: 'stateOwnedDeclaration', action: 'read' },
  summary: '导出国有企业年度申报（.xlsx）',
  query: stateOwnedDeclarationQuery,
  async handler({ services, query, reply }) {
    const now = services.now();
    xlsxDownload(reply, '国有企业年度申报', now);
    return exportStateOwnedDeclarations(services.database.db, query, todayOf(now));
  },
});

const undeclared = defineRoute({
  method: 'GET',
  url: '/api/certification/undeclared-enterprises',
  tags,
  access: { resource: 'declaration', action: 'read' },
  summary: '未申报企业：某年度尚未提交年度申报的规模以上企业（默认上一年度；区县看本区县）',
  query: undeclaredQuery,
  response: undeclaredPage,
  handler: ({ services, access, query }) => undeclaredEnterprises(services.database.db, access, query, todayOf(services.now())),
});

export const declarationRoutes: AnyRoute[] = [list, detail, form, save, exported, stateOwned, stateOwnedExport, undeclared];
