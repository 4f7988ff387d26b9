import type { Access } from '../../../core/authz/index.ts';
import { ENTERPRISE_SIZE_LABELS, labelOf, YES_NO_LABEL } from '../../../core/imports/labels.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS, CARRIER_STATUS_LABELS } from '../../../core/registry/carrier-kinds.ts';
import type { Carrier, CarrierListQuery } from '../../../contracts/carriers.ts';
import type { MajorGroup, MajorGroupListQuery } from '../../../contracts/major-groups.ts';
import type { Registration, RegistrationListQuery } from '../../../contracts/registrations.ts';
import type { Db } from '../../platform/db/engine.ts';
import { listCarriers } from '../repository/carriers.ts';
import { listMajorGroups } from '../repository/major-groups.ts';
import { listRegistrations } from '../repository/registrations.ts';
import { exportListPages, type ExportColumn } from '../../platform/exports/paged.ts';

/** The register's lists without an import template, as .xlsx: the list's columns in Chinese. */

const majorGroupColumns: ExportColumn<MajorGroup>[] = [
  { header: '学校', width: 28, value: (g) => g.schoolName },
  { header: '专业群名称', width: 28, value: (g) => g.name },
  { header: '对接产业集群', width: 16, value: (g) => g.clusterName },
  { header: '产教融合型重点专业', width: 18, value: (g) => YES_NO_LABEL(g.keyMajor) },
  { header: '专业数', width: 10, value: (g) => g.programCount },
  { header: '状态', width: 10, value: (g) => (g.status === 'archived' ? '已归档' : '正常') },
];

export const exportMajorGroups = (db: Db, access: Access, q: MajorGroupListQuery) =>
  exportListPages('专业群', majorGroupColumns, (p) => listMajorGroups(db, access, p), q);

const carrierColumns: ExportColumn<Carrier>[] = [
  { header: '载体名称', width: 32, value: (c) => c.name },
  { header: '类型', width: 20, value: (c) => CARRIER_KIND_LABELS[c.kind] },
  { header: '级别', width: 10, value: (c) => CARRIER_LEVEL_LABELS[c.level] },
  { header: '牵头单位', width: 28, value: (c) => c.lead.name },
  { header: '参与单位', width: 40, value: (c) => c.partners.map((p) => p.name).join('、') },
  { header: '所在区县', width: 14, value: (c) => c.districtName },
  { header: '产业集群', width: 14, value: (c) => c.clusterName },
  { header: '独立法人', width: 10, value: (c) => (c.legalPerson === null ? '' : YES_NO_LABEL(c.legalPerson)) },
  { header: '合作国家（地区）', width: 16, value: (c) => c.country },
  { header: '开始日期', width: 12, value: (c) => c.startDate },
  { header: '结束日期', width: 12, value: (c) => c.endDate },
  { header: '状态', width: 10, value: (c) => CARRIER_STATUS_LABELS[c.status] },
  { header: '认定日期', width: 12, value: (c) => c.certifiedAt },
  { header: '认定单位', width: 20, value: (c) => c.certifyingBody },
  { header: '已归档', width: 8, value: (c) => YES_NO_LABEL(c.archived) },
];

export const exportCarriers = (db: Db, access: Access, q: CarrierListQuery) =>
  exportListPages('产教融合载体', carrierColumns, (p) => listCarriers(db, access, p), q);

const REGISTRATION_STATUS: Record<Registration['status'], string> = { pending: '待审核', approved: '已通过', rejected: '未通过' };

/** The contact's name is what the reviewer sees on screen; the registrant's password never leaves the server. */
const registrationColumns: ExportColumn<Registration>[] = [
  { header: '企业名称', width: 32, value: (r) => r.enterpriseName },
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '所在区县', width: 14, value: (r) => r.districtName },
  { header: '企业规模', width: 10, value: (r) => labelOf(ENTERPRISE_SIZE_LABELS, r.size) },
  { header: '行业代码', width: 10, value: (r) => r.industryCode },
  { header: '职工人数', width: 10, value: (r) => r.staffCount },
  { header: '联系人', width: 12, value: (r) => r.contactName },
  { header: '申请账号', width: 16, value: (r) => r.username },
  { header: '提交时间', width: 20, value: (r) => r.submittedAt.slice(0, 19).replace('T', ' ') },
  { header: '状态', width: 10, value: (r) => REGISTRATION_STATUS[r.status] },
  { header: '审核人', width: 12, value: (r) => r.reviewerName },
  { header: '审核时间', width: 20, value: (r) => r.reviewedAt?.slice(0, 19).replace('T', ' ') },
  { header: '未通过理由', width: 30, value: (r) => r.reason },
];

export const exportRegistrations = (db: Db, access: Access, q: RegistrationListQuery) =>
  exportListPages('企业注册申请', registrationColumns, (p) => listRegistrations(db, access, p), q);
