import { erasureRequest, erasureResult, personalDataExport, personalDataParams, personalDataQuery } from '../../contracts/personal-data.ts';
import { todayOf } from '../../core/calendar.ts';
import { piiAccessLog } from '../platform/db/schema/index.ts';
import { XLSX_MIME } from '../platform/exports/xlsx-stream.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { collectPersonalData, findSubject } from './collect.ts';
import { erasePersonalData } from './erase.ts';
import { personalDataWorkbook } from './workbook.ts';

const exportData = defineRoute({
  method: 'GET',
  url: '/api/personal-data/:kind/:id',
  tags: ['personal-data'],
  access: { resource: 'personalData', action: 'export' },
  summary:
    '个人信息副本：平台保存的某学生、教师或学习者（学分银行账户编号）的全部个人信息（JSON，或 format=xlsx），应本人申请由市教育局导出；每次导出记入查阅记录和审计日志',
  params: personalDataParams,
  query: personalDataQuery,
  async handler({ services, actor, params, query, requestId, reply, write }) {
    const { db } = services.database;
    const now = services.now();
    const data = await collectPersonalData(db, services.pii, await findSubject(db, params.kind, params.id), now);
    await write(async (tx, audit) => {
      await tx
        .insert(piiAccessLog)
        .values({ userId: actor!.userId, entityType: params.kind, entityId: params.id, fields: ['personalDataExport'], requestId });
      await audit.record({ action: 'personal_data.export', entityType: params.kind, entityId: params.id, after: { format: query.format } });
    });
    reply.header('cache-control', 'no-store');
    if (query.format === 'json') return personalDataExport.parse(data);
    const name = `个人信息_${params.kind}_${todayOf(now).replace(/-/g, '')}.xlsx`;
    reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="personal-data.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return personalDataWorkbook(data);
  },
});

const erase = defineRoute({
  method: 'POST',
  url: '/api/personal-data/:kind/:id/erasure',
  tags: ['personal-data'],
  access: { resource: 'personalData', action: 'erase' },
  summary:
    '应本人申请删除个人信息：姓名、身份证号、手机号、账号等删除或替换为“已删除”，统计所需字段保留；学分账本不含个人信息，哈希链保持有效；再次删除为409',
  params: personalDataParams,
  body: erasureRequest,
  response: erasureResult,
  handler: ({ services, params, body, write }) =>
    write((tx, audit) => erasePersonalData(tx, audit, services.pii, params.kind, params.id, body.reason, services.now())),
});

export const personalDataRoutes: AnyRoute[] = [exportData, erase];
