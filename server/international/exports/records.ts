import type { Access } from '../../../core/authz/index.ts';
import type { InternationalListQuery, InternationalRecord } from '../../../contracts/international.ts';
import type { Db } from '../../platform/db/engine.ts';
import { exportListPages, type ExportColumn } from '../../platform/exports/paged.ts';
import { listRecords } from '../repository/records.ts';

/** The international records in scope as .xlsx: what the list shows, with the same filters. */
const columns: ExportColumn<InternationalRecord>[] = [
  { header: '登记单位', width: 28, value: (r) => r.organisationName },
  { header: '所在区域', width: 14, value: (r) => r.districtName ?? '' },
  { header: '类型', value: (r) => r.kindLabel },
  { header: '名称', width: 32, value: (r) => r.title },
  { header: '合作国家（地区）', width: 16, value: (r) => r.country },
  { header: '境外合作机构', width: 28, value: (r) => r.partner },
  { header: '开始日期', width: 12, value: (r) => r.startedOn },
  { header: '结束日期', width: 12, value: (r) => r.endedOn ?? '' },
  { header: '内容', width: 28, value: (r) => r.detail },
  { header: '佐证材料（份）', value: (r) => r.evidenceCount },
  { header: '状态', value: (r) => r.statusLabel },
  { header: '核验时间', width: 18, value: (r) => r.verifiedAt ?? '' },
];

export const exportRecords = (db: Db, access: Access, q: Omit<InternationalListQuery, 'page' | 'pageSize'>) =>
  exportListPages('国际交流合作', columns, (p) => listRecords(db, access, { ...q, ...p }, { enter: false, review: false }), {
    ...q,
    page: 1,
    pageSize: 200,
  });
