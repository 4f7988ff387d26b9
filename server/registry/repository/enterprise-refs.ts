import { and, eq } from 'drizzle-orm';
import { inScope, type Access } from '../../../core/authz/index.ts';
import { validateUscc } from '../../../core/codes/index.ts';
import { AppError, validationFailed, type FieldErrors } from '../../../core/errors.ts';
import { findIndustry, INDUSTRY_EDITION } from '../../catalogues/index.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { industryClusters, organisations } from '../../platform/db/schema/index.ts';

/**
 * Checks of an enterprise's facts against the reference catalogues, shared by the register (create, edit)
 * and self-registration, so both refuse the same input with the same field and reason.
 */

/** The normalised 统一社会信用代码, or 400 naming the field with the GB 32100-2015 reason. */
export function checkedUscc(raw: string): string {
  const check = validateUscc(raw);
  if (!check.valid) throw validationFailed({ uscc: check.reason }, check.reason);
  return check.value;
}

export interface EnterpriseRefs {
  industryCode?: string;
  clusterCode?: string | null;
  districtId?: string;
}

/**
 * Every reference problem at once (industry code, cluster, district), so the form shows them together.
 * `districtAccess`, when given, is how far the caller may place an enterprise.
 */
export async function checkEnterpriseRefs(db: Db | Tx, refs: EnterpriseRefs, districtAccess?: Access): Promise<void> {
  const fields: FieldErrors = {};
  if (refs.industryCode !== undefined && !(await findIndustry(db, refs.industryCode))) {
    fields.industryCode = `行业代码“${refs.industryCode}”不在国民经济行业分类（${INDUSTRY_EDITION}）中`;
  }
  if (refs.clusterCode) {
    const [cluster] = await db
      .select({ code: industryClusters.code })
      .from(industryClusters)
      .where(eq(industryClusters.code, refs.clusterCode));
    if (!cluster) fields.clusterCode = `产业集群“${refs.clusterCode}”不是《实施方案》列出的产业集群`;
  }
  if (refs.districtId !== undefined) {
    const [district] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, refs.districtId), eq(organisations.kind, 'district')));
    if (!district) fields.districtId = '所选区县(市)/开发区不存在';
    else if (districtAccess && !inScope(districtAccess, { districtId: district.id }))
      fields.districtId = '所选区县(市)/开发区不在您的管理范围内';
  }
  if (Object.keys(fields).length) throw validationFailed(fields);
}

/** An enterprise organisation already holding the code, or 409 naming the field. */
export async function assertUsccFree(db: Db | Tx, uscc: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'enterprise'), eq(organisations.code, uscc)));
  if (taken && taken.id !== exceptId) throw usccTaken();
}

export const usccTaken = () =>
  new AppError('CONFLICT', '该统一社会信用代码已登记', { fields: { uscc: '该统一社会信用代码已登记，请勿重复登记' } });

/** PostgreSQL unique_violation, however the driver wraps it: a race that slipped past the checks above. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
