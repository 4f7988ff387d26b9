import { evidenceFile, evidenceParams, evidenceUploadQuery } from '../../../contracts/cockpit.ts';
import { idParams } from '../../../contracts/common.ts';
import {
  internationalExportQuery,
  internationalListQuery,
  internationalPage,
  internationalRecord,
  internationalRecordDetail,
  internationalRecordInput,
  internationalRecordUpdate,
  internationalReview,
} from '../../../contracts/international.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { AppError } from '../../../core/errors.ts';
import { addEvidence, evidenceOf, readEvidence } from '../../platform/evidence.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { sendFile, uploadedFile } from '../../platform/http/upload.ts';
import { exportRecords } from '../exports/records.ts';
import { createRecord, getRecord, listRecords, reviewRecord, updateRecord } from '../repository/records.ts';

/**
 * 国际交流与合作 (二 (四) 13, 任务清单 17): a school or enterprise records its exchanges, recognitions, competitions
 * and 鲁班工坊 with evidence; the bureau verifies them; its district, the bureau and the departments list them.
 */
const tags = ['international'];

const list = defineRoute({
  method: 'GET',
  url: '/api/international/records',
  tags,
  access: { resource: 'internationalRecord', action: 'read' },
  summary: '国际交流合作记录（按数据范围；待核验的排在前面），含各状态条数',
  query: internationalListQuery,
  response: internationalPage,
  handler: ({ services, access, actor, query }) =>
    listRecords(services.database.db, access, query, {
      enter: !!actor && accessFor(actor, { resource: 'internationalRecord', action: 'write' }).kind !== 'none',
      review: !!actor && accessFor(actor, { resource: 'internationalRecord', action: 'verify' }).kind !== 'none',
    }),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/international/records/:id',
  tags,
  access: { resource: 'internationalRecord', action: 'read' },
  summary: '一条国际交流合作记录及其佐证材料',
  params: idParams,
  response: internationalRecordDetail,
  async handler({ services, access, actor, params }) {
    const db = services.database.db;
    const r = await getRecord(db, access, params.id);
    const write = actor ? accessFor(actor, { resource: 'internationalRecord', action: 'write' }) : { kind: 'none' as const };
    const own = write.kind === 'limited' && write.organisationIds.includes(r.organisationId);
    const review = !!actor && accessFor(actor, { resource: 'internationalRecord', action: 'verify' }).kind !== 'none';
    return {
      ...r,
      evidence: (await evidenceOf(db, 'internationalRecord', [r.id])).get(r.id) ?? [],
      canEdit: own && r.status !== 'verified',
      canReview: review && r.status === 'submitted',
    };
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/international/records',
  tags,
  access: { resource: 'internationalRecord', action: 'write' },
  status: 201,
  summary: '登记本单位的一条国际交流合作（师生交流、资格互认、技能大赛、鲁班工坊），提交后上传佐证材料、待市教育局核验',
  body: internationalRecordInput,
  response: internationalRecord,
  handler: ({ services, access, actor, body, write }) =>
    write((tx, audit) => createRecord(tx, audit, access, actor?.userId ?? null, body, services.now())),
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/international/records/:id',
  tags,
  access: { resource: 'internationalRecord', action: 'write' },
  summary: '更正本单位尚未核验的记录（须提供读取时的版本号；被退回的记录更正后重新待核验）',
  params: idParams,
  body: internationalRecordUpdate,
  response: internationalRecord,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => updateRecord(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const review = defineRoute({
  method: 'POST',
  url: '/api/international/records/:id/review',
  tags,
  access: { resource: 'internationalRecord', action: 'verify' },
  summary: '市教育局核验（须有佐证材料，核验后计入国际合作项目目标）或退回（须写明原因）一条待核验的记录',
  params: idParams,
  body: internationalReview,
  response: internationalRecord,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => reviewRecord(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const upload = defineRoute({
  method: 'POST',
  url: '/api/international/records/:id/evidence',
  tags,
  access: { resource: 'internationalRecord', action: 'write' },
  status: 201,
  summary: '上传佐证材料（application/octet-stream；PDF/JPG/PNG/XLSX/DOCX，不超过10 MB；已核验的记录不能再上传）',
  params: idParams,
  query: evidenceUploadQuery,
  response: evidenceFile,
  handler: ({ access, actor, params, query, req, write }) => {
    const { fileName, data } = uploadedFile(req, query.fileName);
    return write(async (tx, audit) => {
      // The write grant reaches the caller's own organisation: another's record is not found.
      const r = await getRecord(tx, access, params.id, true);
      if (r.status === 'verified') throw new AppError('CONFLICT', '已核验的记录不能再上传材料');
      return addEvidence(tx, audit, 'internationalRecord', r.id, fileName, data, actor!.userId);
    });
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/international/records/:id/evidence/:fileId',
  tags,
  access: { resource: 'internationalRecord', action: 'read' },
  summary: '下载佐证材料',
  params: evidenceParams,
  handler: async ({ services, access, params, reply }) => {
    const db = services.database.db;
    const r = await getRecord(db, access, params.id);
    return sendFile(reply, await readEvidence(db, 'internationalRecord', r.id, params.fileId));
  },
});

const exportList = defineRoute({
  method: 'GET',
  url: '/api/exports/international-records',
  tags,
  access: { resource: 'internationalRecord', action: 'read' },
  summary: '导出国际交流合作记录（.xlsx，筛选条件同列表）',
  query: internationalExportQuery,
  async handler({ services, access, query, reply }) {
    xlsxDownload(reply, '国际交流合作', services.now());
    return exportRecords(services.database.db, access, query);
  },
});

export const internationalRoutes: AnyRoute[] = [list, detail, create, update, review, upload, download, exportList];
