import { z } from 'zod';
import { CARRIER_KINDS, CARRIER_LEVELS, CARRIER_STATUSES } from '../core/registry/carrier-kinds.ts';
import { pageOf, paging, versioned } from './common.ts';

const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');
const partnerIds = z.array(z.uuid('参与单位编号格式不正确')).max(100, '参与单位不超过100个');

const carrierFields = {
  kind: z.enum(CARRIER_KINDS),
  name: z.string().trim().min(2, '名称至少2个字').max(100, '名称不超过100个字'),
  level: z.enum(CARRIER_LEVELS),
  leadOrganisationId: z.uuid('牵头单位编号格式不正确'),
  /** Defaults to the lead organisation's district. */
  districtId: z.uuid('区县编号格式不正确').nullable().optional(),
  clusterCode: z
    .string()
    .trim()
    .regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确')
    .nullable()
    .optional(),
  legalPerson: z.boolean().nullable().optional(),
  country: z.string().trim().min(1).max(50).nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  status: z.enum(CARRIER_STATUSES).optional(),
  certifiedAt: isoDate.nullable().optional(),
  certifyingBody: z.string().trim().min(2, '认定单位至少2个字').max(100).nullable().optional(),
  partnerIds: partnerIds.optional(),
};

export const carrierCreate = z.strictObject(carrierFields);
export type CarrierCreate = z.infer<typeof carrierCreate>;

/** An edit names the version it read; `partnerIds`, when given, replaces the whole partner list. */
export const carrierUpdate = z.strictObject({
  ...versioned,
  kind: carrierFields.kind.optional(),
  name: carrierFields.name.optional(),
  level: carrierFields.level.optional(),
  leadOrganisationId: carrierFields.leadOrganisationId.optional(),
  districtId: carrierFields.districtId,
  clusterCode: carrierFields.clusterCode,
  legalPerson: carrierFields.legalPerson,
  country: carrierFields.country,
  startDate: carrierFields.startDate,
  endDate: carrierFields.endDate,
  status: carrierFields.status,
  certifiedAt: carrierFields.certifiedAt,
  certifyingBody: carrierFields.certifyingBody,
  partnerIds: carrierFields.partnerIds,
});
export type CarrierUpdate = z.infer<typeof carrierUpdate>;

export const CARRIER_SORTS = ['name', '-name', 'startDate', '-startDate', 'updated', '-updated'] as const;
export const carrierListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(CARRIER_KINDS).optional(),
  level: z.enum(CARRIER_LEVELS).optional(),
  status: z.enum(CARRIER_STATUSES).optional(),
  districtId: z.uuid().optional(),
  clusterCode: z.string().trim().max(40).optional(),
  /** Carriers this organisation leads or takes part in. */
  organisationId: z.uuid().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(CARRIER_SORTS).default('name'),
  ...paging,
});
export type CarrierListQuery = z.infer<typeof carrierListQuery>;

const orgRef = z.object({ id: z.string(), name: z.string(), kind: z.string() });

export const carrier = z.object({
  id: z.string(),
  kind: z.enum(CARRIER_KINDS),
  name: z.string(),
  level: z.enum(CARRIER_LEVELS),
  lead: orgRef,
  partners: z.array(orgRef),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  clusterCode: z.string().nullable(),
  clusterName: z.string().nullable(),
  legalPerson: z.boolean().nullable(),
  country: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(CARRIER_STATUSES),
  certifiedAt: z.string().nullable(),
  certifyingBody: z.string().nullable(),
  /** When the bureau or the district checked that the operating carrier runs (null: not counted yet). */
  operatingVerifiedAt: z.string().nullable(),
  archived: z.boolean(),
  isDemo: z.boolean(),
  version: z.number(),
});
export type Carrier = z.infer<typeof carrier>;
export const carrierPage = pageOf(carrier);

/** The bureau's or the district's check that an operating carrier runs, naming the version read. */
export const carrierVerifyOperating = z.strictObject({ version: z.number().int().min(1) });
