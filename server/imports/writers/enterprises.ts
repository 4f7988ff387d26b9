import type { EnterpriseRecord } from '../../../core/imports/index.ts';
import { organisationWriter } from './organisations.ts';

const keep = <T>(v: T | undefined, stored: unknown, fallback: unknown) => (v !== undefined ? v : stored !== undefined ? stored : fallback);

/** Enterprises by 统一社会信用代码: organisations of kind enterprise with their enterprises row. */
export const enterpriseWriter = organisationWriter<EnterpriseRecord>({
  kind: 'enterprise',
  entityType: 'enterprise',
  keyHeader: '统一社会信用代码',
  code: (r) => r.uscc,
  name: (r) => r.name,
  districtId: (r) => r.districtId,
  detailsTable: 'enterprises',
  details: [
    { name: 'size', type: 'text', field: 'size' },
    { name: 'industry_code', type: 'text', field: 'industryCode' },
    { name: 'cluster_code', type: 'text', field: 'clusterCode' },
    { name: 'staff_count', type: 'int', field: 'staffCount' },
    { name: 'payroll_yuan', type: 'bigint', field: 'payrollYuan' },
    { name: 'above_designated_size', type: 'boolean', field: 'aboveDesignatedSize' },
  ],
  detailValues: (r, s) => ({
    size: r.size,
    industryCode: r.industryCode,
    clusterCode: keep(r.clusterCode, s?.clusterCode, null),
    staffCount: r.staffCount,
    // json_build_object answers bigint as a number; keep it one.
    payrollYuan: keep(r.payrollYuan, s?.payrollYuan == null ? s?.payrollYuan : Number(s.payrollYuan), null),
    aboveDesignatedSize: keep(r.aboveDesignatedSize, s?.aboveDesignatedSize, false),
  }),
});
