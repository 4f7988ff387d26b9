import {
  confirmationBody,
  confirmationListQuery,
  confirmationPage,
  confirmationResult,
  myDestinations as myDestinationsSchema,
  correctionBody,
  destination,
  destinationCatalogue,
  destinationParams,
  destinationPut,
  figures,
  figuresDrillPage,
  figuresDrillQuery,
  figuresQuery,
  graduateDestinations,
  graduateExportQuery,
  graduateListQuery,
  graduatePage,
  studentIdParams,
} from '../../../contracts/graduates.ts';
import { idParams } from '../../../contracts/common.ts';
import { DESTINATION_GROUP_LABELS } from '../../../core/graduates/index.ts';
import { graduatesPolicy as policy } from '../../../policy/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  confirmDestination,
  correctDestination,
  getGraduate,
  listConfirmations,
  listGraduates,
  myDestinations,
  putDestination,
} from '../repository/destinations.ts';
import { figureGraduates, graduateFigures } from '../repository/figures.ts';
import { exportFigures, exportGraduates } from '../exports/graduates.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';

/**
 * 毕业去向 (issue 16): the school's graduates and their destinations at each survey point (form here, spreadsheet
 * through /api/imports/destinations), the employer's confirmation, the student's own view and correction, and the
 * two headline figures with their breakdown and masked drill-down.
 */
const tags = ['graduates'];

const catalogue = defineRoute({
  method: 'GET',
  url: '/api/graduates/catalogue',
  tags,
  access: 'authenticated',
  summary: '毕业去向分类与代码、就读层次、调查时点，以及留郑率和中职升学率的统计口径（政策文件）',
  response: destinationCatalogue,
  handler: async () => ({
    source: policy.categoriesSource,
    note: policy.note,
    categories: policy.categories.map((c) => ({ ...c, groupName: DESTINATION_GROUP_LABELS[c.group] })),
    studyLevels: policy.studyLevels,
    surveyPoints: policy.surveyPoints,
    retentionDefinition: policy.retention.definition,
    progressionDefinition: policy.progression.definition,
  }),
});

const list = defineRoute({
  method: 'GET',
  url: '/api/graduates',
  tags,
  access: { resource: 'graduateDestination', action: 'read' },
  summary: '毕业生名单及其在某调查时点的毕业去向（按数据范围；可按毕业年份、学校、登记情况筛选；有学生更正的排在前面）',
  query: graduateListQuery,
  response: graduatePage,
  handler: ({ services, access, query }) => listGraduates(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/graduates/:studentId',
  tags,
  access: { resource: 'graduateDestination', action: 'read' },
  summary: '一名毕业生在各调查时点的毕业去向',
  params: studentIdParams,
  response: graduateDestinations,
  handler: ({ services, access, params }) => getGraduate(services.database.db, access, params.studentId),
});

const put = defineRoute({
  method: 'PUT',
  url: '/api/graduates/:studentId/destinations/:surveyPoint',
  tags,
  access: { resource: 'graduateDestination', action: 'write' },
  summary: '登记或修改毕业生在某调查时点的毕业去向（修改时须提供读取时的版本号；学籍状态须为毕业）',
  params: destinationParams,
  body: destinationPut,
  response: destination,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) =>
      putDestination(tx, audit, access, actor?.userId ?? null, params.studentId, params.surveyPoint, body, services.now()),
    ),
});

const confirmations = defineRoute({
  method: 'GET',
  url: '/api/graduate-confirmations',
  tags,
  access: { resource: 'graduateDestination', action: 'confirm' },
  summary: '学校登记在本企业就业、待本企业确认的毕业生',
  query: confirmationListQuery,
  response: confirmationPage,
  handler: ({ services, access, query }) => listConfirmations(services.database.db, access, query),
});

const confirm = defineRoute({
  method: 'POST',
  url: '/api/graduate-confirmations/:id',
  tags,
  access: { resource: 'graduateDestination', action: 'confirm' },
  summary: '企业确认（或否认）毕业生在本企业就业',
  params: idParams,
  body: confirmationBody,
  response: confirmationResult,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => confirmDestination(tx, audit, access, actor!.userId, params.id, body, services.now())),
});

const mine = defineRoute({
  method: 'GET',
  url: '/api/my/graduate-destinations',
  tags,
  access: { resource: 'graduateDestination', action: 'readOwn' },
  summary: '本人的毕业去向（各调查时点）',
  response: myDestinationsSchema,
  handler: ({ services, access }) => myDestinations(services.database.db, access),
});

const correct = defineRoute({
  method: 'POST',
  url: '/api/my/graduate-destinations/:id/correction',
  tags,
  access: { resource: 'graduateDestination', action: 'correct' },
  summary: '学生更正本人的毕业去向（提交后由学校核实并修改）',
  params: idParams,
  body: correctionBody,
  response: destination,
  handler: ({ services, access, params, body, write }) =>
    write((tx, audit) => correctDestination(tx, audit, access, params.id, body, services.now())),
});

const figuresRoute = defineRoute({
  method: 'GET',
  url: '/api/graduate-figures',
  tags,
  access: { resource: 'graduateFigures', action: 'read' },
  summary: '留郑率与中职升学率（按毕业年份，按学校、专业、区县或产业集群分列；统计口径见政策文件）',
  query: figuresQuery,
  response: figures,
  handler: ({ services, access, query }) => graduateFigures(services.database.db, access, query),
});

const drill = defineRoute({
  method: 'GET',
  url: '/api/graduate-figures/graduates',
  tags,
  access: { resource: 'graduateFigures', action: 'read' },
  summary: '留郑率或中职升学率所统计的毕业生（姓名脱敏；计入分子的在前）',
  query: figuresDrillQuery,
  response: figuresDrillPage,
  handler: ({ services, access, query }) => figureGraduates(services.database.db, access, query),
});

const listExport = defineRoute({
  method: 'GET',
  url: '/api/exports/graduates',
  tags,
  access: { resource: 'graduateDestination', action: 'read' },
  summary: '导出毕业生去向（.xlsx，筛选条件同毕业生名单；身份证号脱敏）',
  query: graduateExportQuery,
  async handler({ services, access, query, reply }) {
    xlsxDownload(reply, '毕业生去向', services.now());
    return exportGraduates(services.database.db, access, query);
  },
});

const figuresExport = defineRoute({
  method: 'GET',
  url: '/api/exports/graduate-figures',
  tags,
  access: { resource: 'graduateFigures', action: 'read' },
  summary: '导出留郑率与中职升学率分列表（.xlsx，含合计）',
  query: figuresQuery,
  async handler({ services, access, query, reply }) {
    xlsxDownload(reply, '留郑率与中职升学率', services.now());
    return exportFigures(services.database.db, access, query);
  },
});

export const graduateRoutes: AnyRoute[] = [
  catalogue,
  list,
  detail,
  put,
  confirmations,
  confirm,
  mine,
  correct,
  figuresRoute,
  drill,
  listExport,
  figuresExport,
];
