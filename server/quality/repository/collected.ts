import { sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { validationFailed, versionConflict } from '../../../core/errors.ts';
import type { QualityCollectedList, QualityCollectedPut } from '../../../contracts/quality.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { schoolInScope } from './results.ts';
import { systemOrNotFound } from './system.ts';

/**
 * Collected indicators (source `collected`): what the platform cannot compute, entered once by the party that owns
 * the fact — the school itself, or the bureau for an indicator the policy gives it — with its evidence. An
 * indicator the platform computes, or one a survey measures, is never typed in (422 naming the rule).
 */

const stamp = (col: string) => sql.raw(`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`);

/** Whether the caller enters an indicator owned by `owner` for this school: the bureau (city access) or the school itself. */
const enters = (enter: Access, owner: 'school' | 'bureau', schoolId: string) =>
  owner === 'bureau' ? enter.kind === 'city' : enter.kind === 'limited' && enter.organisationIds.includes(schoolId);

export async function listCollected(
  db: Db | Tx,
  read: Access,
  enter: Access,
  year: number,
  schoolId: string,
): Promise<QualityCollectedList> {
  const school = await schoolInScope(db, read, year, schoolId);
  const system = systemOrNotFound(year);
  const stored = await rows<{
    code: string;
    value: number;
    evidence: string;
    enteredByName: string | null;
    version: number;
    updatedAt: string;
  }>(
    db,
    sql`select c.indicator_code as code, c.value::float8 as value, c.evidence, u.display_name as "enteredByName", c.version,
        ${stamp('c.updated_at')} as "updatedAt"
      from quality_collected c left join users u on u.id = c.entered_by where c.school_id = ${schoolId} and c.year = ${year}`,
  );
  const items = system.dimensions.flatMap((d) =>
    d.indicators
      .filter((i) => i.source === 'collected')
      .map((i) => {
        const s = stored.find((x) => x.code === i.code);
        return {
          code: i.code,
          name: i.name,
          unit: i.unit,
          owner: i.owner!,
          value: s?.value ?? null,
          evidence: s?.evidence ?? null,
          enteredByName: s?.enteredByName ?? null,
          version: s?.version ?? null,
          updatedAt: s?.updatedAt ?? null,
          canEnter: enters(enter, i.owner!, schoolId),
        };
      }),
  );
  return { year, schoolId, schoolName: school.name, items };
}

export async function putCollected(
  tx: Tx,
  audit: Auditor,
  read: Access,
  enter: Access,
  userId: string | null,
  p: { year: number; schoolId: string; code: string },
  body: QualityCollectedPut,
  now: Date,
) {
  const school = await schoolInScope(tx, read, p.year, p.schoolId);
  const system = systemOrNotFound(p.year);
  if (p.year > Number(todayOf(now).slice(0, 4))) throw validationFailed({ year: '不能填报未来年度' });
  const indicator = system.dimensions.flatMap((d) => d.indicators).find((i) => i.code === p.code);
  if (!indicator) throw validationFailed({ code: `${p.year} 年度指标体系中没有该指标` });
  if (indicator.source !== 'collected')
    throw validationFailed({
      code:
        indicator.source === 'computed'
          ? `“${indicator.name}”由平台根据已有数据计算，不能填报`
          : `“${indicator.name}”来自问卷调查，不能填报`,
    });
  if (!enters(enter, indicator.owner!, p.schoolId))
    throw validationFailed({ code: `“${indicator.name}”由${indicator.owner === 'school' ? '学校' : '市教育局'}填报` });
  const [before] = await rows<{ id: string; version: number; value: number; evidence: string }>(
    tx,
    sql`select id, version, value::float8 as value, evidence from quality_collected
      where school_id = ${p.schoolId} and year = ${p.year} and indicator_code = ${p.code} for update`,
  );
  const after = { value: body.value, evidence: body.evidence };
  if (!before) {
    if (body.version !== undefined) throw versionConflict();
    const [created] = await rows<{ id: string }>(
      tx,
      sql`insert into quality_collected (school_id, district_id, year, indicator_code, value, evidence, entered_by, created_at, updated_at)
        select ${p.schoolId}, o.district_id, ${p.year}, ${p.code}, ${body.value}, ${body.evidence}, ${userId}, ${now}, ${now}
        from organisations o where o.id = ${school.id} returning id`,
    );
    await audit.record({ action: 'create', entityType: 'qualityCollected', entityId: created!.id, after: { ...p, ...after } });
  } else {
    if (body.version !== before.version) throw versionConflict();
    await tx.execute(sql`update quality_collected set value = ${body.value}, evidence = ${body.evidence}, entered_by = ${userId},
      version = version + 1, updated_at = ${now} where id = ${before.id}`);
    await audit.record({
      action: 'update',
      entityType: 'qualityCollected',
      entityId: before.id,
      before: { value: before.value, evidence: before.evidence },
      after,
    });
  }
  return (await listCollected(tx, read, enter, p.year, p.schoolId)).items.find((i) => i.code === p.code)!;
}
