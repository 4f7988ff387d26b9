import { idParams } from '../../../contracts/common.ts';
import { importAccepted, importSummary, importUploadQuery } from '../../../contracts/imports.ts';
import { IMPORT_ENTITIES, IMPORT_SPECS, type ImportEntity } from '../../../core/imports/index.ts';
import { attachment, XLSX_MIME } from '../../platform/exports/xlsx-stream.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { getImport, getImportIssues } from '../files.ts';
import { issueReport } from '../report.ts';
import { buildTemplate } from '../template.ts';
import { acceptUpload } from '../upload.ts';

/**
 * Spreadsheet import (任务 item 4): per register a template and an upload that queues an import job
 * (`import.<entity>`, followed at /api/jobs/:id); per import its summary and its error report.
 */
function entityRoutes(entity: ImportEntity): AnyRoute[] {
  const label = IMPORT_SPECS[entity].label;
  const permission = { resource: 'import', action: entity } as const;
  const template = defineRoute({
    method: 'GET',
    url: `/api/imports/${entity}/template`,
    tags: ['imports'],
    access: permission,
    summary: `下载${label}导入模板（.xlsx，中文表头和示例行）`,
    async handler({ reply }) {
      reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${label}导入模板.xlsx`));
      return buildTemplate(entity);
    },
  });
  const upload = defineRoute({
    method: 'POST',
    url: `/api/imports/${entity}`,
    tags: ['imports'],
    access: permission,
    status: 202,
    summary: `上传${label}表格（请求体为.xlsx或.csv文件内容，CSV可为UTF-8或GBK；文件名放在fileName参数或X-File-Name头），开始导入任务`,
    query: importUploadQuery,
    response: importAccepted,
    handler: (ctx) => acceptUpload(ctx, entity, permission),
  });
  return [template, upload];
}

const summary = defineRoute({
  method: 'GET',
  url: '/api/imports/:id',
  tags: ['imports'],
  access: { resource: 'job', action: 'read' },
  summary: '导入记录（文件、编码、结果、错误数）',
  params: idParams,
  response: importSummary,
  async handler({ services, access, params }) {
    const row = await getImport(services.database.db, access, params.id);
    return { ...row, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null };
  },
});

const report = defineRoute({
  method: 'GET',
  url: '/api/imports/:id/report',
  tags: ['imports'],
  access: { resource: 'job', action: 'read' },
  summary: '下载导入错误报告（.xlsx：行号、列、错误原因）',
  params: idParams,
  async handler({ services, access, params, reply }) {
    const row = await getImportIssues(services.database.db, access, params.id);
    const label = IMPORT_SPECS[row.entity].label;
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${label}导入错误报告.xlsx`));
    return issueReport(row.issues ?? [], row.issueCount ?? 0);
  },
});

export const importRoutes: AnyRoute[] = [...IMPORT_ENTITIES.flatMap(entityRoutes), summary, report];
