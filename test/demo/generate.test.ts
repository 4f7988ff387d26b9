import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { idNumberBirthDate, idNumberSex, validateIdNumber, validatePhone, validateUscc } from '../../core/codes/index.ts';
import { referenceContextFromFiles } from '../../server/demo/context.ts';
import { currentIntakeYear, generateCity, type DemoCity } from '../../server/demo/generate.ts';
import { createRng } from '../../server/demo/prng.ts';
import { isCountyCode } from '../../server/demo/people.ts';
import { LEVELS_TAUGHT } from '../../server/demo/programs.ts';
import { CARRIER_KINDS } from '../../core/registry/carrier-kinds.ts';
import { carrierProblems } from '../../core/registry/carrier-rules.ts';
import { DEMO_CLUSTER_MAJORS } from '../../server/demo/cluster-majors.ts';
import { SCALES, type DemoOrgRef, type DemoStudent } from '../../server/demo/types.ts';

const NOW = new Date('2025-11-29T04:00:00Z');
const ctx = referenceContextFromFiles([
  { code: 'ndrc', name: '市发展改革委' },
  { code: 'finance', name: '市财政局' },
  { code: 'hrss', name: '市人社局' },
]);

function allStudents(city: DemoCity): DemoStudent[] {
  const out: DemoStudent[] = [];
  for (const b of city.students(500)) out.push(...b);
  return out;
}

function digest(city: DemoCity): string {
  const h = crypto.createHash('sha256');
  h.update(
    JSON.stringify([
      city.cohorts,
      city.schools,
      city.enterprises,
      city.plan,
      city.teachers,
      city.carriers,
      city.majorGroups,
      city.accounts,
      city.studentAccountIndexes,
    ]),
  );
  for (const batch of city.students(700)) h.update(JSON.stringify(batch));
  return h.digest('hex');
}

test('the PRNG is deterministic and forks are independent of later draws', () => {
  const a = createRng(42);
  const b = createRng(42);
  assert.deepEqual(
    Array.from({ length: 5 }, () => a.next()),
    Array.from({ length: 5 }, () => b.next()),
  );
  const x = createRng(7).fork('students').digits(12);
  assert.equal(createRng(7).fork('students').digits(12), x);
  assert.notEqual(createRng(7).fork('teachers').digits(12), x);
});

test('same seed → identical city; another seed → a different one', () => {
  const one = digest(generateCity(ctx, { scale: 'tiny', seed: 1234, now: NOW }));
  const two = digest(generateCity(ctx, { scale: 'tiny', seed: 1234, now: NOW }));
  const other = digest(generateCity(ctx, { scale: 'tiny', seed: 1235, now: NOW }));
  assert.equal(one, two);
  assert.notEqual(one, other);
});

test('students replay identically on every call (the loader may iterate twice)', () => {
  const city = generateCity(ctx, { scale: 'tiny', now: NOW });
  assert.deepEqual(allStudents(city), allStudents(city));
});

for (const scale of ['tiny', 'demo'] as const) {
  test(`counts match the ${scale} scale`, () => {
    const p = SCALES[scale];
    const city = generateCity(ctx, { scale, now: NOW });
    assert.equal(city.schools.length, p.schools);
    assert.equal(city.enterprises.length, p.enterprises);
    assert.equal(city.teachers.length, p.teachers);
    assert.equal(
      city.schools.reduce((a, s) => a + s.studentTarget, 0),
      p.students,
    );
    let n = 0;
    for (const b of city.students()) n += b.length;
    assert.equal(n, p.students);
    // A programme's enrolment is the latest year's intake (招生数): the newest cohort on the roll plus the few who left.
    for (const pr of city.plan.programs) {
      const onRoll = city.plan.studentsPerCohort[pr.index]!;
      assert.equal(pr.enrolment, pr.years.at(-1)!.enrolment);
      assert.ok(pr.enrolment >= onRoll.at(-1)!, `${pr.enrolment} < ${onRoll.at(-1)}`);
    }
    const intake = city.plan.programs.reduce((a, pr) => a + pr.enrolment, 0);
    const onRoll = city.plan.studentsPerCohort.flat().reduce((a, b) => a + b, 0);
    assert.ok(intake < onRoll && intake > onRoll / 4, `招生 ${intake}, 在校 ${onRoll}`);
  });
}

test('city scale: 150 schools, 20,000 enterprises, 40,000 teachers, 500,000 student places', () => {
  const city = generateCity(ctx, { scale: 'city', now: NOW });
  assert.equal(city.schools.length, 150);
  assert.equal(city.enterprises.length, 20_000);
  assert.equal(city.teachers.length, 40_000);
  assert.equal(
    city.schools.reduce((a, s) => a + s.studentTarget, 0),
    500_000,
  );
  assert.equal(new Set(city.enterprises.map((e) => e.uscc)).size, 20_000);
  assert.equal(new Set(city.enterprises.map((e) => e.name)).size, 20_000);
  assert.equal(new Set(city.schools.map((s) => s.name)).size, 150);
});

test('every generated 统一社会信用代码 validates, carries its district and is unique', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  for (const e of city.enterprises) {
    const check = validateUscc(e.uscc);
    assert.ok(check.valid, `${e.uscc}: ${check.valid ? '' : check.reason}`);
    assert.equal(e.uscc.slice(0, 2), '91');
    assert.equal(e.uscc.slice(2, 8), isCountyCode(e.districtCode) ? e.districtCode : '410100');
    assert.ok(ctx.industryClasses.has(e.industryCode), e.industryCode);
  }
  assert.equal(new Set(city.enterprises.map((e) => e.uscc)).size, city.enterprises.length);
});

test('every generated ID number validates and agrees with the student record', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const intake = currentIntakeYear(NOW);
  const seen = new Set<string>();
  const counties = new Set(ctx.districts.map((d) => d.code).filter(isCountyCode));
  assert.equal(counties.size, 12);
  for (const s of allStudents(city)) {
    const check = validateIdNumber(s.idNumber, NOW);
    assert.ok(check.valid, `${s.idNumber}: ${check.valid ? '' : check.reason}`);
    assert.ok(counties.has(s.idNumber.slice(0, 6)) && s.idNumber.startsWith('4101'), s.idNumber);
    assert.equal(idNumberSex(s.idNumber), s.sex);
    assert.equal(idNumberBirthDate(s.idNumber), s.birthDate);
    assert.ok(validatePhone(s.phone).valid, s.phone);
    assert.ok(!seen.has(s.idNumber), `duplicate ${s.idNumber}`);
    seen.add(s.idNumber);
    // Age at entry fits the level: 中职 from 15, 高职 from 18.
    const school = city.schools[s.schoolIndex]!;
    const ageAtEntry = s.cohort - Number(s.birthDate.slice(0, 4));
    if (school.level === 'secondary') assert.ok(ageAtEntry >= 15 && ageAtEntry <= 18, `${ageAtEntry}`);
    else assert.ok(ageAtEntry >= 18 && ageAtEntry <= 21, `${ageAtEntry}`);
    assert.ok(s.cohort <= intake && s.cohort >= intake - 2);
  }
});

test('schools: levels mixed, codes 10 digits from 41, levels of programmes consistent', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const levels = new Map<string, number>();
  for (const s of city.schools) levels.set(s.level, (levels.get(s.level) ?? 0) + 1);
  assert.ok(levels.get('secondary')! > city.schools.length / 2, 'secondary schools are the majority');
  assert.ok(levels.get('higher')! > 0 && levels.get('vocUndergrad')! > 0 && levels.get('appliedUndergrad')! > 0);
  assert.ok(city.schools.some((s) => s.ownership === 'private') && city.schools.some((s) => s.enterpriseRun));
  for (const s of city.schools) assert.match(s.code, /^41\d{8}$/);
  assert.equal(new Set(city.schools.map((s) => s.code)).size, city.schools.length);
  const majorLevel = new Map(ctx.majors.map((m) => [m.code, m.level]));
  const perSchool = new Map<number, number>();
  for (const p of city.plan.programs) {
    const school = city.schools[p.schoolIndex]!;
    assert.ok(LEVELS_TAUGHT[school.level].includes(majorLevel.get(p.majorCode)!), `${school.name} ${p.majorCode}`);
    assert.ok(p.practiceShare >= 0.35 && p.practiceShare <= 0.65);
    perSchool.set(p.schoolIndex, (perSchool.get(p.schoolIndex) ?? 0) + 1);
  }
  for (const n of perSchool.values()) assert.ok(n >= 4 && n <= 12);
  const under = city.plan.programs.filter((p) => p.practiceShare < 0.5).length;
  assert.ok(under > 0 && under < city.plan.programs.length / 2, `${under} programmes under 50%`);
});

test('teachers: employment mix and dual-qualified share of specialty teachers around 55–75%', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const kinds = new Set(city.teachers.map((t) => t.employment));
  assert.deepEqual([...kinds].sort(), ['fullTime', 'industryMentor', 'partTime']);
  const specialty = city.teachers.filter((t) => t.subject === 'specialty');
  const share = specialty.filter((t) => t.dualQualified).length / specialty.length;
  assert.ok(share > 0.55 && share < 0.75, `${share}`);
  assert.ok(city.teachers.every((t) => t.subject === 'specialty' || !t.dualQualified));
  for (const s of city.schools) assert.ok(s.staffingQuota >= 10);
});

test('enterprises: size mix, 规模以上 for large and medium, clusters from the plan', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const sizes = new Set(city.enterprises.map((e) => e.size));
  assert.equal(sizes.size, 4);
  for (const e of city.enterprises) {
    if (e.size === 'large' || e.size === 'medium') assert.ok(e.aboveDesignatedSize);
    if (e.size === 'micro') assert.ok(!e.aboveDesignatedSize && e.staffCount < 20);
    assert.ok(e.payrollYuan > 0 && e.staffCount > 0);
  }
  const clusters = new Set(city.enterprises.map((e) => e.clusterCode));
  for (const c of ctx.clusters) assert.ok(clusters.has(c.code), c.code);
  assert.ok(clusters.has(null), 'some enterprises are outside the clusters');
  assert.ok(city.enterprises.some((e) => e.integrationStatus.startsWith('certified')));
});

test('accounts: admin, one per department and district, and a few of each other role, all distinct', () => {
  const city = generateCity(ctx, { scale: 'tiny', now: NOW });
  const names = city.accounts.map((a) => a.username);
  assert.equal(new Set(names).size, names.length);
  assert.ok(names.includes('admin'));
  for (const d of ctx.departments) assert.ok(names.includes(`dept_${d.code}`));
  for (const d of ctx.districts) assert.ok(names.includes(`district_${d.slug}`));
  assert.ok(names.includes('district_jinshui') && names.includes('district_zhengdong'));
  for (const u of ['school1', 'school2', 'teacher1', 'enterprise1']) assert.ok(names.includes(u), u);
  assert.equal(city.studentAccountIndexes.length, 3);
  const students = allStudents(city);
  const [first] = city.studentAccountIndexes;
  assert.equal(students[first!]!.schoolIndex, city.schools.find((s) => s.level === 'higher')!.index);
});

test('carriers: every kind in the tiny city, in the statuses the cockpit counts, with leads of the right kind', () => {
  const city = generateCity(ctx, { scale: 'tiny', now: NOW });
  const count = (kind: string, statuses: string[]) => city.carriers.filter((c) => c.kind === kind && statuses.includes(c.status)).length;
  const byKind = Object.fromEntries(CARRIER_KINDS.map((k) => [k, city.carriers.filter((c) => c.kind === k).length]));
  assert.deepEqual(byKind, {
    trainingBase: 5,
    practiceCenter: 7,
    industryCollege: 5,
    educationGroup: 5,
    consortium: 3,
    community: 3,
    innovationCenter: 11,
    internationalProject: 5,
    lubanWorkshop: 3,
    experienceCenter: 10,
  });
  assert.equal(count('trainingBase', ['certified']), 2);
  assert.equal(count('consortium', ['operating', 'certified']), 2);
  assert.equal(city.carriers.filter((c) => c.kind === 'innovationCenter' && c.status === 'certified' && c.level === 'province').length, 2);
  assert.equal(city.carriers.filter((c) => c.kind === 'educationGroup' && c.legalPerson).length, 1);
  assert.equal(new Set(city.carriers.map((c) => c.name)).size, city.carriers.length, 'names are unique');

  const leadKind = {
    industryCollege: ['school'],
    innovationCenter: ['school'],
    internationalProject: ['school'],
    lubanWorkshop: ['school'],
    educationGroup: ['school'],
    consortium: ['district'],
    community: ['enterprise'],
    trainingBase: ['school', 'enterprise'],
    practiceCenter: ['school', 'enterprise'],
    experienceCenter: ['school', 'enterprise'],
  } as const;
  const exists = (r: DemoOrgRef) =>
    r.kind === 'school'
      ? r.index < city.schools.length && city.schools[r.index]!.index === r.index
      : r.kind === 'enterprise'
        ? r.index < city.enterprises.length && city.enterprises[r.index]!.index === r.index
        : ctx.districts.some((d) => d.code === r.code);
  const clusters = new Set(ctx.clusters.map((c) => c.code));
  for (const c of city.carriers) {
    assert.ok((leadKind[c.kind] as readonly string[]).includes(c.lead.kind), `${c.name}: lead ${c.lead.kind}`);
    assert.ok(exists(c.lead), c.name);
    for (const p of c.partners) assert.ok(exists(p), `${c.name}: partner`);
    assert.ok(!c.partners.some((p) => JSON.stringify(p) === JSON.stringify(c.lead)), `${c.name}: the lead is not its own partner`);
    assert.equal(new Set(c.partners.map((p) => JSON.stringify(p))).size, c.partners.length);
    assert.ok(clusters.has(c.clusterCode));
    assert.ok(ctx.districts.some((d) => d.code === c.districtCode));
    // The lead's name is in the carrier's name where the kind is named after its lead (学院 → 产业学院).
    if (c.kind === 'industryCollege')
      assert.ok(c.name.startsWith(city.schools[(c.lead as { index: number }).index]!.name) && c.name.endsWith('产业学院'), c.name);
    if (c.kind === 'consortium') assert.match(c.name, /市域产教联合体$/);
    // What the register's own rules demand of a record (certified → date and body, levels per kind, dates in order).
    assert.deepEqual(carrierProblems(c), {}, c.name);
    for (const d of [c.startDate, c.endDate, c.certifiedAt]) if (d) assert.ok(d <= '2025-11-29', `${c.name}: ${d} is not in the future`);
    if (c.status === 'planned') assert.equal(c.startDate, null);
  }
});

test("major groups: programs of one school feeding the group's cluster, each program in one group, some key majors", () => {
  const city = generateCity(ctx, { scale: 'tiny', now: NOW });
  assert.ok(city.majorGroups.length >= 5, `${city.majorGroups.length} groups`);
  const keys = city.majorGroups.filter((g) => g.keyMajor).length;
  assert.ok(keys > 0 && keys < city.majorGroups.length, `${keys} key majors`);
  const seen = new Set<number>();
  for (const g of city.majorGroups) {
    assert.ok(g.programIndexes.length >= 2);
    assert.match(g.name, /专业群$/);
    for (const i of g.programIndexes) {
      const p = city.plan.programs[i]!;
      assert.equal(p.schoolIndex, g.schoolIndex);
      assert.ok(DEMO_CLUSTER_MAJORS[g.clusterCode]!.includes(p.majorCode));
      assert.ok(!seen.has(i));
      seen.add(i);
    }
  }
  const names = city.majorGroups.map((g) => `${g.schoolIndex}:${g.name}`);
  assert.equal(new Set(names).size, names.length, 'unique per school');
});

test('demo scale: carriers and key majors at the plan progress the cockpit shows (some targets met, some not)', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const n = (kind: string, statuses: string[], extra: (c: (typeof city.carriers)[number]) => boolean = () => true) =>
    city.carriers.filter((c) => c.kind === kind && statuses.includes(c.status) && extra(c)).length;
  const W = ['operating', 'certified'];
  assert.deepEqual(
    {
      training_bases: n('trainingBase', ['certified']),
      industry_colleges: n('industryCollege', ['certified']),
      practice_centers: n('practiceCenter', W),
      education_groups: n('educationGroup', W),
      entity_education_groups: n('educationGroup', W, (c) => c.legalPerson === true),
      consortia: n('consortium', W),
      city_innovation_centers: n('innovationCenter', ['certified'], (c) => c.level === 'city'),
      provincial_innovation_centers: n('innovationCenter', ['certified'], (c) => c.level === 'province'),
      international_projects: n('internationalProject', W) + n('lubanWorkshop', W),
      experience_centers: n('experienceCenter', W),
      key_majors: city.majorGroups.filter((g) => g.keyMajor).length,
    },
    {
      training_bases: 11,
      industry_colleges: 13,
      practice_centers: 26,
      education_groups: 12,
      entity_education_groups: 6,
      consortia: 2,
      city_innovation_centers: 42,
      provincial_innovation_centers: 14,
      international_projects: 16,
      experience_centers: 53,
      key_majors: 41,
    },
  );
});

test('secondary schools offer 中职 majors of the demo subset, grouped into 专业群; intake and graduates by year', () => {
  const city = generateCity(ctx, { scale: 'demo', now: NOW });
  const majorLevel = new Map(ctx.majors.map((m) => [m.code, m.level]));
  const secondary = city.schools.filter((s) => s.level === 'secondary');
  const offering = new Set(city.plan.programs.map((p) => p.schoolIndex));
  for (const s of secondary) assert.ok(offering.has(s.index), `${s.name} offers no programme`);
  const secondaryPrograms = city.plan.programs.filter((p) => city.schools[p.schoolIndex]!.level === 'secondary');
  assert.ok(secondaryPrograms.every((p) => majorLevel.get(p.majorCode) === 'secondary'));
  assert.ok(new Set(secondaryPrograms.map((p) => p.majorCode)).size >= 8);
  assert.ok(
    city.majorGroups.some((g) => city.schools[g.schoolIndex]!.level === 'secondary'),
    'some 专业群 of secondary schools',
  );
  for (const p of city.plan.programs) {
    assert.deepEqual(
      p.years.map((y) => y.year),
      city.cohorts.filter((c) => c >= p.startYear),
    );
    for (const y of p.years) assert.ok(y.graduates === null || (y.year - 3 >= p.startYear && y.graduates > 0));
  }
  assert.ok(city.plan.programs.some((p) => p.years.some((y) => y.graduates !== null)));
});
