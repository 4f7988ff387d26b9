import type { FieldErrors } from '../errors.ts';
import type { CarrierKind, CarrierLevel, CarrierStatus } from './carrier-kinds.ts';

/**
 * Consistency rules of a carrier record, checked on the merged record (stored values overlaid with the
 * edit) so that an edit of one field cannot leave the whole record contradictory. Pure.
 */
export interface CarrierFacts {
  kind: CarrierKind;
  level: CarrierLevel;
  status: CarrierStatus;
  startDate: string | null;
  endDate: string | null;
  certifiedAt: string | null;
  certifyingBody: string | null;
  legalPerson: boolean | null;
  country: string | null;
}

/** Kinds the plan counts at city and province level only (二 (二) 6: 市级/省级协同创新中心). */
const LEVELS_BY_KIND: Partial<Record<CarrierKind, readonly CarrierLevel[]>> = {
  innovationCenter: ['city', 'province'],
};

/** Only education groups are counted by legal personality (任务清单 2: 独立法人的实体化职教集团). */
const LEGAL_PERSON_KINDS: readonly CarrierKind[] = ['educationGroup'];
const COUNTRY_KINDS: readonly CarrierKind[] = ['internationalProject', 'lubanWorkshop'];

export function carrierProblems(c: CarrierFacts): FieldErrors {
  const problems: FieldErrors = {};
  const levels = LEVELS_BY_KIND[c.kind];
  if (levels && !levels.includes(c.level)) problems.level = '协同创新中心只分市级和省级';
  if (c.legalPerson != null && !LEGAL_PERSON_KINDS.includes(c.kind)) problems.legalPerson = '只有职教集团（联盟）需要填写是否独立法人';
  if (c.country != null && !COUNTRY_KINDS.includes(c.kind)) problems.country = '只有国际合作项目和鲁班工坊需要填写合作国家（地区）';
  if (c.startDate && c.endDate && c.endDate < c.startDate) problems.endDate = '结束日期不能早于开始日期';
  if (c.status === 'certified') {
    if (!c.certifiedAt) problems.certifiedAt = '已认定的载体须填写认定日期';
    if (!c.certifyingBody) problems.certifyingBody = '已认定的载体须填写认定单位';
  }
  if (c.certifiedAt && c.startDate && c.certifiedAt < c.startDate) problems.certifiedAt = '认定日期不能早于开始日期';
  return problems;
}

/**
 * Whether a change records a certification (认定): only the bureau's certifying permission may do that,
 * so a carrier's own lead cannot declare itself certified.
 */
export function touchesCertification(
  before: Pick<CarrierFacts, 'status' | 'certifiedAt' | 'certifyingBody'> | null,
  change: Partial<Pick<CarrierFacts, 'status' | 'certifiedAt' | 'certifyingBody'>>,
): boolean {
  if (change.status === 'certified' && before?.status !== 'certified') return true;
  if (change.certifiedAt !== undefined && change.certifiedAt !== (before?.certifiedAt ?? null)) return true;
  if (change.certifyingBody !== undefined && change.certifyingBody !== (before?.certifyingBody ?? null)) return true;
  return false;
}

/**
 * A carrier marked 运行中 counts toward the plan's targets only once the bureau or its district has checked it on
 * evidence (二 (四) 12 and the other carrier targets: never on the lead's word alone). The check's preconditions:
 * the carrier is operating, not yet checked since it became so, and has at least one evidence file. Null when it may
 * be verified, else the 中文 reason naming the rule.
 */
export function operatingVerifyProblem(
  c: { status: CarrierStatus; operatingVerifiedAt: string | null; archived: boolean },
  evidenceFiles: number,
): string | null {
  if (c.archived) return '载体已归档，不能核验';
  if (c.status !== 'operating') return '只有状态为“运行中”的载体需要核验运行情况';
  if (c.operatingVerifiedAt) return '该载体的运行情况已核验';
  if (evidenceFiles < 1) return '核验运行情况须有佐证材料：请牵头单位先上传运行佐证材料';
  return null;
}
