import { z } from 'zod';
import { evidenceFile, evidenceParams, evidenceUploadQuery } from '../../../contracts/cockpit.ts';
import { idParams } from '../../../contracts/common.ts';
import {
  carrier,
  carrierCreate,
  carrierListQuery,
  carrierPage,
  carrierUpdate,
  carrierVerifyOperating,
} from '../../../contracts/carriers.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { addEvidence, evidenceOf, readEvidence } from '../../platform/evidence.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { sendFile, uploadedFile } from '../../platform/http/upload.ts';
import {
  carrierForEvidence,
  createCarrier,
  getCarrier,
  listCarriers,
  setCarrierArchived,
  updateCarrier,
  verifyOperating,
} from '../repository/carriers.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/carriers',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'read' },
  summary: '产教融合载体列表（牵头单位、参与单位及其所在区县可见）',
  query: carrierListQuery,
  response: carrierPage,
  handler: ({ services, access, query }) => listCarriers(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/carriers/:id',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'read' },
  summary: '载体详情（含运行情况的佐证材料）',
  params: idParams,
  response: carrier.extend({ evidence: z.array(evidenceFile) }),
  async handler({ services, access, params }) {
    const db = services.database.db;
    const c = await getCarrier(db, access, params.id);
    return { ...c, evidence: (await evidenceOf(db, 'carrier', [c.id])).get(c.id) ?? [] };
  },
});

const upload = defineRoute({
  method: 'POST',
  url: '/api/carriers/:id/evidence',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'update' },
  status: 201,
  summary: '上传载体运行情况的佐证材料（application/octet-stream；PDF/JPG/PNG/XLSX/DOCX，不超过10 MB）',
  params: idParams,
  query: evidenceUploadQuery,
  response: evidenceFile,
  handler: ({ access, actor, params, query, req, write }) => {
    const { fileName, data } = uploadedFile(req, query.fileName);
    return write(async (tx, audit) => {
      const c = await carrierForEvidence(tx, access, params.id);
      return addEvidence(tx, audit, 'carrier', c.id, fileName, data, actor!.userId);
    });
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/carriers/:id/evidence/:fileId',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'read' },
  summary: '下载载体的佐证材料',
  params: evidenceParams,
  handler: async ({ services, access, params, reply }) => {
    const db = services.database.db;
    const c = await getCarrier(db, access, params.id);
    return sendFile(reply, await readEvidence(db, 'carrier', c.id, params.fileId));
  },
});

const verify = defineRoute({
  method: 'POST',
  url: '/api/carriers/:id/verify-operating',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'verify' },
  summary: '市教育局或所在区县依据佐证材料核验“运行中”载体的运行情况（核验后方计入目标；无佐证材料不能核验）',
  params: idParams,
  body: carrierVerifyOperating,
  response: carrier,
  handler: ({ services, access, actor, params, body, write }) =>
    write(async (tx, audit) => {
      const files = (await evidenceOf(tx, 'carrier', [params.id])).get(params.id)?.length ?? 0;
      return verifyOperating(tx, audit, access, actor!.userId, params.id, body.version, files, services.now());
    }),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/carriers',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'create' },
  status: 201,
  summary: '登记载体（学校、企业限本单位牵头；区县限本区县；认定信息限市教育局）',
  body: carrierCreate,
  response: carrier,
  handler: ({ access, actor, body, services, write }) => {
    const powers = { certify: accessFor(actor!, { resource: 'carrier', action: 'certify' }) };
    return write((tx, audit) => createCarrier(tx, audit, access, powers, body, services.now()));
  },
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/carriers/:id',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'update' },
  summary: '修改载体（需提供读取时的版本号；参与单位只能查看）',
  params: idParams,
  body: carrierUpdate,
  response: carrier,
  handler: ({ access, actor, params, body, services, write }) => {
    const powers = { certify: accessFor(actor!, { resource: 'carrier', action: 'certify' }) };
    return write((tx, audit) => updateCarrier(tx, audit, access, powers, params.id, body, services.now()));
  },
});

const archived = archiveRoutes({
  base: '/api/carriers',
  tag: 'carriers',
  access: { resource: 'carrier', action: 'archive' },
  noun: '载体',
  kept: '不删除',
  response: carrier,
  setArchived: setCarrierArchived,
});

export const carrierRoutes: AnyRoute[] = [list, detail, create, update, upload, download, verify, ...archived];
