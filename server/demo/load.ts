import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '../../core/codes/index.ts';
import { DEMO_MAJORS_EDITION } from '../catalogues/index.ts';
import type { Db } from '../platform/db/engine.ts';
import {
  auditLog,
  carrierPartners,
  carriers,
  catalogueEditions,
  enterprises,
  majorGroupPrograms,
  majorGroups,
  majors,
  memberships,
  organisations,
  programYears,
  programs,
  schools,
  students,
  teacherPracticePeriods,
  teachers,
  users,
} from '../platform/db/schema/index.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { nameSortKeyer } from '../registry/index.ts';
import { studentAccount } from './accounts.ts';
import { insertUnnest } from '../platform/db/bulk.ts';
import { ensureDemoClusterMajors } from './cluster-majors.ts';
import type { DemoCity } from './generate.ts';
import type { DemoAccount, DemoOrgRef } from './types.ts';

export interface LoadOptions {
  /** Hash of the demo password, computed once by the caller and shared by every demo account. */
  passwordHash: string;
  log: (msg: string) => void;
  batchSize?: number;
  majorEdition?: string;
}

export interface LoadCounts {
  schools: number;
  enterprises: number;
  programs: number;
  majorGroups: number;
  carriers: number;
  teachers: number;
  students: number;
  users: number;
}

/**
 * Writes a generated city into the database: one transaction (a failed load leaves nothing behind), rows in bulk
 * INSERTs of `batchSize` rows (see bulk.ts), progress through `log`. Reference data (districts, the
 * bureau, departments, the major catalogue) must already be loaded. Personal information is protected here: ID
 * numbers and phones are encrypted, the ID number gets its blind index, only masked forms are stored in clear.
 */
export async function loadCity(db: Db, pii: PiiCipher, city: DemoCity, opts: LoadOptions): Promise<LoadCounts> {
  const batchSize = opts.batchSize ?? 5000;
  const log = opts.log;
  return db.transaction(async (tx) => {
    const orgRows = await tx
      .select({ id: organisations.id, kind: organisations.kind, code: organisations.code })
      .from(organisations)
      .where(inArray(organisations.kind, ['bureau', 'department', 'district']));
    const refOrg = new Map(orgRows.map((o) => [`${o.kind}:${o.code}`, o.id]));
    const districtId = (code: string) => {
      const id = refOrg.get(`district:${code}`);
      if (!id) throw new Error(`区县${code}尚未导入：请先导入参考数据`);
      return id;
    };
    const majorRows = await tx
      .select({ id: majors.id, code: majors.code })
      .from(majors)
      .innerJoin(catalogueEditions, eq(catalogueEditions.id, majors.editionId))
      .where(and(eq(catalogueEditions.kind, 'major'), eq(catalogueEditions.edition, opts.majorEdition ?? DEMO_MAJORS_EDITION)));
    const majorId = new Map(majorRows.map((m) => [m.code, m.id]));

    // Schools and enterprises are organisations first (scopes, memberships and audit work the same for all).
    const schoolIds = city.schools.map(() => crypto.randomUUID());
    const enterpriseIds = city.enterprises.map(() => crypto.randomUUID());
    await insertUnnest(
      tx,
      organisations,
      city.schools.map((s, i) => ({
        id: schoolIds[i]!,
        kind: 'school' as const,
        name: s.name,
        code: s.code,
        districtId: districtId(s.districtCode),
        isDemo: true,
      })),
      batchSize,
    );
    await insertUnnest(
      tx,
      schools,
      city.schools.map((s, i) => ({
        organisationId: schoolIds[i]!,
        level: s.level,
        ownership: s.ownership,
        enterpriseRun: s.enterpriseRun,
        staffingQuota: s.staffingQuota,
      })),
      batchSize,
    );
    log(`演示数据：${city.schools.length} 所学校`);
    await insertUnnest(
      tx,
      organisations,
      city.enterprises.map((e, i) => ({
        id: enterpriseIds[i]!,
        kind: 'enterprise' as const,
        name: e.name,
        code: e.uscc,
        districtId: districtId(e.districtCode),
        isDemo: true,
      })),
      batchSize,
    );
    await insertUnnest(
      tx,
      enterprises,
      city.enterprises.map((e, i) => ({
        organisationId: enterpriseIds[i]!,
        size: e.size,
        industryCode: e.industryCode,
        clusterCode: e.clusterCode,
        staffCount: e.staffCount,
        payrollYuan: e.payrollYuan,
        aboveDesignatedSize: e.aboveDesignatedSize,
        integrationStatus: e.integrationStatus,
      })),
      batchSize,
    );
    log(`演示数据：${city.enterprises.length} 家企业`);

    const programIds = city.plan.programs.map(() => crypto.randomUUID());
    await insertUnnest(
      tx,
      programs,
      city.plan.programs.map((p, i) => {
        const id = majorId.get(p.majorCode);
        if (!id) throw new Error(`专业${p.majorCode}不在专业目录${opts.majorEdition ?? DEMO_MAJORS_EDITION}中`);
        return {
          id: programIds[i]!,
          schoolId: schoolIds[p.schoolIndex]!,
          majorId: id,
          startYear: p.startYear,
          enrolment: p.enrolment,
          practiceShare: p.practiceShare.toFixed(3),
        };
      }),
      batchSize,
    );
    await insertUnnest(
      tx,
      programYears,
      city.plan.programs.flatMap((p, i) =>
        p.years.map((y) => ({
          programId: programIds[i]!,
          year: y.year,
          enrolment: y.enrolment,
          graduates: y.graduates,
        })),
      ),
      batchSize,
    );
    log(`演示数据：${city.plan.programs.length} 个开设专业`);

    // 专业群 align to clusters through the cluster ↔ major mapping: the demo's, unless the bureau keeps one.
    await ensureDemoClusterMajors(tx);
    const groupIds = city.majorGroups.map(() => crypto.randomUUID());
    await insertUnnest(
      tx,
      majorGroups,
      city.majorGroups.map((g, i) => ({
        id: groupIds[i]!,
        schoolId: schoolIds[g.schoolIndex]!,
        name: g.name,
        clusterCode: g.clusterCode,
        keyMajor: g.keyMajor,
      })),
      batchSize,
    );
    await insertUnnest(
      tx,
      majorGroupPrograms,
      city.majorGroups.flatMap((g, i) => g.programIndexes.map((p) => ({ groupId: groupIds[i]!, programId: programIds[p]! }))),
      batchSize,
    );
    log(`演示数据：${city.majorGroups.length} 个专业群（${city.majorGroups.filter((g) => g.keyMajor).length} 个产教融合型重点专业群）`);

    const refId = (r: DemoOrgRef): string =>
      r.kind === 'school' ? schoolIds[r.index]! : r.kind === 'enterprise' ? enterpriseIds[r.index]! : districtId(r.code);
    const carrierIds = city.carriers.map(() => crypto.randomUUID());
    await insertUnnest(
      tx,
      carriers,
      city.carriers.map((c, i) => ({
        id: carrierIds[i]!,
        kind: c.kind,
        name: c.name,
        level: c.level,
        leadOrganisationId: refId(c.lead),
        districtId: districtId(c.districtCode),
        clusterCode: c.clusterCode,
        legalPerson: c.legalPerson,
        country: c.country,
        startDate: c.startDate,
        endDate: c.endDate,
        status: c.status,
        certifiedAt: c.certifiedAt,
        certifyingBody: c.certifyingBody,
        isDemo: true,
      })),
      batchSize,
    );
    await insertUnnest(
      tx,
      carrierPartners,
      city.carriers.flatMap((c, i) => c.partners.map((p) => ({ carrierId: carrierIds[i]!, organisationId: refId(p) }))),
      batchSize,
    );
    log(`演示数据：${city.carriers.length} 个产教融合载体`);

    // Accounts (students' come with their batch below).
    const orgIdOf = (a: DemoAccount): string => {
      const o = a.org;
      if (o.kind === 'school') return schoolIds[o.index]!;
      if (o.kind === 'enterprise') return enterpriseIds[o.index]!;
      const id = refOrg.get(`${o.kind}:${o.code}`);
      if (!id) throw new Error(`机构${o.kind}:${o.code}尚未导入`);
      return id;
    };
    const createAccounts = async (list: DemoAccount[]): Promise<Map<string, string>> => {
      const ids = new Map<string, string>();
      if (list.length === 0) return ids;
      const userRows = list.map((a) => {
        const id = crypto.randomUUID();
        ids.set(a.username, id);
        return {
          id,
          username: a.username,
          displayName: a.displayName,
          passwordHash: opts.passwordHash,
          mustChangePassword: false,
          isDemo: true,
        };
      });
      await insertUnnest(tx, users, userRows, batchSize);
      await insertUnnest(
        tx,
        memberships,
        list.map((a) => ({ userId: ids.get(a.username)!, organisationId: orgIdOf(a), role: a.role })),
        batchSize,
      );
      return ids;
    };
    const accountIds = await createAccounts(city.accounts);
    const teacherUser = new Map<number, string>();
    for (const a of city.accounts) if (a.teacherIndex !== undefined) teacherUser.set(a.teacherIndex, accountIds.get(a.username)!);

    const teacherIds = city.teachers.map(() => crypto.randomUUID());
    // People's pinyin sort keys written with the rows (the lists would otherwise key them all on first use).
    const personKey = nameSortKeyer(true);
    await insertUnnest(
      tx,
      teachers,
      city.teachers.map((t) => ({
        id: teacherIds[t.index]!,
        schoolId: schoolIds[t.schoolIndex]!,
        userId: teacherUser.get(t.index) ?? null,
        name: t.name,
        nameSort: personKey(t.name),
        employment: t.employment,
        subject: t.subject,
        dualQualified: t.dualQualified,
      })),
      batchSize,
    );
    await insertUnnest(
      tx,
      teacherPracticePeriods,
      city.practicePeriods.map((p) => ({
        teacherId: teacherIds[p.teacherIndex]!,
        organisationId: enterpriseIds[p.enterprise]!,
        startDate: p.start,
        endDate: p.end,
      })),
      batchSize,
    );
    log(`演示数据：${city.teachers.length} 名教师（企业实践记录 ${city.practicePeriods.length} 条）`);

    const accountStudents = new Map(city.studentAccountIndexes.map((idx, i) => [idx, i + 1]));
    let studentCount = 0;
    let userCount = city.accounts.length;
    const t0 = performance.now();
    for (const batch of city.students(batchSize)) {
      const withAccounts = batch.filter((s) => accountStudents.has(s.index));
      let ids = new Map<string, string>();
      if (withAccounts.length) {
        ids = await createAccounts(withAccounts.map((s) => studentAccount(s, accountStudents.get(s.index)!)));
        userCount += withAccounts.length;
      }
      const rowsOut = batch.map((s) => ({
        schoolId: schoolIds[s.schoolIndex]!,
        programId: s.programIndex === null ? null : programIds[s.programIndex]!,
        userId: accountStudents.has(s.index) ? ids.get(`student${accountStudents.get(s.index)}`)! : null,
        name: s.name,
        nameSort: personKey(s.name),
        cohort: s.cohort,
        birthDate: s.birthDate,
        sex: s.sex,
        idNumberCipher: pii.encrypt(s.idNumber),
        idNumberIndex: pii.index(s.idNumber),
        idNumberMasked: maskIdNumber(s.idNumber),
        phoneCipher: pii.encrypt(s.phone),
        phoneMasked: maskPhone(s.phone),
        status: s.status,
      }));
      await insertUnnest(tx, students, rowsOut, batchSize);
      studentCount += batch.length;
      if (studentCount % 50_000 < batch.length || studentCount === city.scale.students) {
        log(`演示数据：学生 ${studentCount}/${city.scale.students}（${Math.round((performance.now() - t0) / 100) / 10} 秒）`);
      }
    }
    const counts = {
      schools: city.schools.length,
      enterprises: city.enterprises.length,
      programs: city.plan.programs.length,
      majorGroups: city.majorGroups.length,
      carriers: city.carriers.length,
      teachers: city.teachers.length,
      students: studentCount,
      users: userCount,
    };
    await tx.insert(auditLog).values({
      actorName: '系统（演示数据）',
      action: 'demo.load',
      entityType: 'demo_dataset',
      entityId: `seed:${city.seed}`,
      changes: Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { before: null, after: v }])),
    });
    return counts;
  });
}
