import type { SchoolRecord } from '../../../core/imports/index.ts';
import { organisationWriter } from './organisations.ts';

const keep = <T>(v: T | undefined, stored: unknown, fallback: unknown) => (v !== undefined ? v : stored !== undefined ? stored : fallback);

/** Schools by 学校标识码: organisations of kind school with their schools row. */
export const schoolWriter = organisationWriter<SchoolRecord>({
  kind: 'school',
  entityType: 'school',
  keyHeader: '学校标识码',
  code: (r) => r.code,
  name: (r) => r.name,
  districtId: (r) => r.districtId,
  detailsTable: 'schools',
  details: [
    { name: 'level', type: 'text', field: 'level' },
    { name: 'ownership', type: 'text', field: 'ownership' },
    { name: 'enterprise_run', type: 'boolean', field: 'enterpriseRun' },
    { name: 'staffing_quota', type: 'int', field: 'staffingQuota' },
  ],
  detailValues: (r, s) => ({
    level: r.level,
    ownership: r.ownership,
    enterpriseRun: keep(r.enterpriseRun, s?.enterpriseRun, false),
    staffingQuota: keep(r.staffingQuota, s?.staffingQuota, null),
  }),
});
