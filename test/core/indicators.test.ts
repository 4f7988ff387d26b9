import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assess,
  figureKindOfTarget,
  figureProblem,
  figuresProblems,
  goalOf,
  INDICATOR_DEFINITIONS,
  indicatorDefinition,
  indicatorGoal,
  measure,
  mergeTrend,
  monthOf,
  percent,
  progressOf,
  reportedCityValue,
  statusOf,
  timeShare,
  type RegisterTallies,
} from '../../core/indicators/index.ts';
import { currentPlan } from '../../policy/index.ts';

test('every target of the policy file has exactly one indicator definition, and no definition is orphaned', () => {
  const codes = currentPlan.targets.map((t) => t.code).sort();
  assert.deepEqual(INDICATOR_DEFINITIONS.map((d) => d.code).sort(), codes);
  assert.equal(new Set(INDICATOR_DEFINITIONS.map((d) => d.code)).size, INDICATOR_DEFINITIONS.length);
  for (const d of INDICATOR_DEFINITIONS) assert.ok(d.basis.length > 4, `${d.code}: basis`);
});

test('counts of carriers, certified enterprises and the dual-qualified share are computed, not reported', () => {
  for (const code of [
    'integration_enterprises',
    'training_bases',
    'practice_centers',
    'industry_colleges',
    'consortia',
    'enterprise_run_schools',
    'dual_qualified_share',
    'practice_teaching_share',
    'part_time_teacher_quota',
  ]) {
    assert.equal(indicatorDefinition(code)?.method, 'computed', code);
  }
  for (const code of ['key_majors', 'internship_posts_share', 'graduate_retention_rate', 'secondary_progression_rate'])
    assert.equal(indicatorDefinition(code)?.method, 'computed', code);
  // Computed from the schools' yearly 生均财政拨款 declarations (issue 18), no longer typed in by the 财政局.
  for (const code of ['per_student_funding', 'secondary_per_student_funding'])
    assert.equal(indicatorDefinition(code)?.method, 'computed', code);
  // Computed from online courses, smart-campus self-assessments and demo-school decisions (issue 18), no longer typed in.
  for (const code of ['online_courses', 'smart_campus_share', 'smart_demo_schools'])
    assert.equal(indicatorDefinition(code)?.method, 'computed', code);
  // Computed from the enterprises' yearly declarations (issue 14), no longer typed in.
  for (const code of ['training_fund_share', 'training_fund_frontline_share'])
    assert.equal(indicatorDefinition(code)?.method, 'computed', code);
});

test('progress: ≥ targets, ≤ ceilings and ranges', () => {
  assert.equal(progressOf(50, { comparator: '>=', value: 100 }), 0.5);
  assert.equal(progressOf(120, { comparator: '>=', value: 100 }), 1.2);
  assert.equal(progressOf(-3, { comparator: '>=', value: 100 }), 0);
  assert.equal(progressOf(null, { comparator: '>=', value: 100 }), null);
  assert.equal(progressOf(25, { comparator: '<=', value: 30 }), 1);
  assert.equal(progressOf(60, { comparator: '<=', value: 30 }), 0.5);
  assert.equal(progressOf(1, { comparator: 'between', min: 2, max: 3 }), 0.5);
  assert.equal(progressOf(2.5, { comparator: 'between', min: 2, max: 3 }), 1);
  assert.equal(progressOf(6, { comparator: 'between', min: 2, max: 3 }), 0.5);
});

test('time share runs from the issue date to the end of the deadline day, clamped to 0–1', () => {
  assert.equal(timeShare('2023-10-10', '2025-12-31', new Date('2023-10-09T16:00:00Z')), 0); // 00:00 CST on the issue day
  assert.equal(timeShare('2023-10-10', '2025-12-31', new Date('2026-01-01T00:00:00+08:00')), 1);
  assert.equal(timeShare('2023-10-10', '2025-12-31', new Date('2030-01-01T00:00:00Z')), 1);
  assert.equal(timeShare('2023-10-10', null, new Date('2024-01-01T00:00:00Z')), 1, 'a standing rule must hold now');
  const mid = timeShare('2024-01-01', '2024-01-10', new Date('2024-01-06T00:00:00+08:00'));
  assert.equal(mid, 0.5);
});

test('status: green keeps pace with time, amber within 80% of it, red below; unknown without a value', () => {
  assert.equal(statusOf(0.5, 0.5, 0.8), 'green');
  assert.equal(statusOf(0.41, 0.5, 0.8), 'amber');
  assert.equal(statusOf(0.4, 0.5, 0.8), 'amber');
  assert.equal(statusOf(0.39, 0.5, 0.8), 'red');
  assert.equal(statusOf(1, 1, 0.8), 'green');
  assert.equal(statusOf(0.9, 1, 0.8), 'amber');
  assert.equal(statusOf(null, 0.3, 0.8), 'unknown');
  const timing = {
    issued: '2023-10-10',
    deadline: '2025-12-31',
    now: new Date('2024-11-20T00:00:00+08:00'),
    amberRatio: currentPlan.progressStatus.amberRatio,
  };
  const a = assess(40, goalOf({ comparator: '>=', value: 100 }), timing);
  assert.ok(a.elapsed > 0.49 && a.elapsed < 0.51, String(a.elapsed));
  assert.equal(a.status, 'amber');
  assert.equal(assess(60, goalOf({ comparator: '>=', value: 100 }), timing).status, 'green');
  assert.equal(assess(10, goalOf({ comparator: '>=', value: 100 }), timing).status, 'red');
});

test('the amber threshold is data in the policy file', () => {
  assert.equal(currentPlan.progressStatus.amberRatio, 0.8);
  assert.equal(currentPlan.progressStatus.article, '三 18');
});

const tallies: RegisterTallies = {
  carriers: [
    { districtId: 'd1', kind: 'trainingBase', level: 'city', status: 'certified', legalPerson: null, n: 3 },
    { districtId: 'd2', kind: 'trainingBase', level: 'province', status: 'certified', legalPerson: null, n: 2 },
    { districtId: 'd2', kind: 'trainingBase', level: 'city', status: 'building', legalPerson: null, n: 9 },
    { districtId: 'd1', kind: 'educationGroup', level: 'city', status: 'operating', legalPerson: true, n: 4 },
    { districtId: 'd1', kind: 'educationGroup', level: 'city', status: 'operating', legalPerson: false, n: 1 },
    { districtId: 'd1', kind: 'innovationCenter', level: 'province', status: 'certified', legalPerson: null, n: 5 },
    { districtId: null, kind: 'lubanWorkshop', level: 'national', status: 'operating', legalPerson: null, n: 1 },
    { districtId: 'd2', kind: 'internationalProject', level: 'city', status: 'certified', legalPerson: null, n: 2 },
  ],
  enterprises: [
    { districtId: 'd1', certified: 7 },
    { districtId: 'd2', certified: 3 },
    { districtId: null, certified: 1 },
  ],
  schools: [
    { districtId: 'd1', enterpriseRun: 2, quotaSchools: 5, quotaFilled: 1 },
    { districtId: 'd2', enterpriseRun: 0, quotaSchools: 0, quotaFilled: 0 },
  ],
  teachers: [
    { districtId: 'd1', specialty: 10, dualQualified: 7, practiceMet: 3 },
    { districtId: 'd2', specialty: 0, dualQualified: 0, practiceMet: 0 },
  ],
  programs: [
    { districtId: 'd1', withShare: 4, shareSum: 2.2, meeting: 3 },
    { districtId: 'd2', withShare: 0, shareSum: 0, meeting: 0 },
  ],
  majorGroups: [
    { districtId: 'd1', keyMajors: 4 },
    { districtId: null, keyMajors: 1 },
  ],
  internshipPlaces: [
    { districtId: 'd1', staff: 2000, places: 50 },
    { districtId: 'd2', staff: 1000, places: 0 },
  ],
  trainingFund: [
    {
      districtId: 'd1',
      declared: 3,
      payroll: 10_000_000,
      drawn: 146_000,
      spent: 100_000,
      frontline: 70_000,
      drawnWithin: 1,
      frontlineMeeting: 2,
    },
    {
      districtId: 'd2',
      declared: 1,
      payroll: 10_000_000,
      drawn: 300_000,
      spent: 300_000,
      frontline: 150_000,
      drawnWithin: 0,
      frontlineMeeting: 0,
    },
  ],
  graduates: [
    { districtId: 'd1', retentionNumerator: 6, retentionDenominator: 10, progressionNumerator: 3, progressionDenominator: 4 },
    { districtId: 'd2', retentionNumerator: 1, retentionDenominator: 2, progressionNumerator: 0, progressionDenominator: 0 },
  ],
  fundedProjects: [
    { districtId: 'd1', callKind: 'collaborative_project', n: 3 },
    { districtId: 'd2', callKind: 'collaborative_project', n: 1 },
    { districtId: 'd2', callKind: 'teaching_innovation_team', n: 2 },
  ],
  funding: [
    { districtId: 'd1', group: 'higher', schools: 4, meeting: 3 },
    { districtId: 'd2', group: 'higher', schools: 1, meeting: 0 },
    { districtId: 'd2', group: 'secondary', schools: 2, meeting: 1 },
  ],
  digital: [
    { districtId: 'd1', onlineCourses: 7, vocationalSchools: 8, smartCampusMeeting: 2, demoSchools: 1 },
    { districtId: 'd2', onlineCourses: 3, vocationalSchools: 2, smartCampusMeeting: 1, demoSchools: 0 },
  ],
  international: [
    { districtId: 'd1', n: 4 },
    { districtId: null, n: 1 },
  ],
  practicalCourses: [
    { districtId: 'd1', n: 7 },
    { districtId: 'd2', n: 2 },
  ],
};
const value = (code: string, scope: string) => {
  const d = indicatorDefinition(code)!;
  assert.equal(d.method, 'computed');
  return d.method === 'computed' ? measure(d.source, tallies, scope) : null;
};

test('formulas: carrier counts follow kind, status, level and legal personality; the city adds up every district', () => {
  assert.equal(value('training_bases', 'city')!.value, 5, 'certified only');
  assert.equal(value('training_bases', 'd2')!.value, 2);
  assert.equal(value('education_groups', 'city')!.value, 5);
  assert.equal(value('entity_education_groups', 'city')!.value, 4);
  assert.equal(value('provincial_innovation_centers', 'city')!.value, 5);
  assert.equal(value('city_innovation_centers', 'city')!.value, 0);
  assert.equal(value('international_projects', 'city')!.value, 5, 'verified international records, not carriers');
  assert.equal(value('international_projects', 'd1')!.value, 4);
  assert.equal(value('practical_courses', 'city')!.value, 9, 'courses co-developed with enterprises');
  assert.equal(value('practical_courses', 'd2')!.value, 2);
  assert.equal(value('integration_enterprises', 'city')!.value, 11, 'an enterprise without a district still counts city-wide');
  assert.equal(value('integration_enterprises', 'd1')!.value, 7);
  assert.equal(value('enterprise_run_schools', 'city')!.value, 2);
});

test('formulas: training fund from declarations — the ratio of the sums, two decimals for the 1.5%–2.5% range; enterprises meeting the rule as parts', () => {
  assert.deepEqual(
    value('training_fund_share', 'd1'),
    { value: 1.46, numerator: 1, denominator: 3 },
    '1.46% is not rounded into the range',
  );
  assert.deepEqual(value('training_fund_share', 'city'), { value: 2.23, numerator: 1, denominator: 4 });
  assert.deepEqual(value('training_fund_frontline_share', 'd1'), { value: 70, numerator: 2, denominator: 3 });
  assert.deepEqual(value('training_fund_frontline_share', 'city'), { value: 55, numerator: 2, denominator: 4 });
  assert.deepEqual(value('training_fund_share', 'd3'), { value: null, numerator: 0, denominator: 0 }, 'no declarations, no value');
});

test('formulas: shares in percent with their parts; no denominator → no value', () => {
  assert.deepEqual(value('dual_qualified_share', 'city'), { value: 70, numerator: 7, denominator: 10 });
  assert.deepEqual(value('dual_qualified_share', 'd2'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(value('practice_teaching_share', 'd1'), { value: 55, numerator: 3, denominator: 4 });
  assert.deepEqual(
    value('part_time_teacher_quota', 'city'),
    { value: 20, numerator: 1, denominator: 5 },
    'schools 聘足配齐 of those with a quota',
  );
  assert.deepEqual(value('internship_posts_share', 'city'), { value: 1.7, numerator: 50, denominator: 3000 });
  assert.deepEqual(value('internship_posts_share', 'd1'), { value: 2.5, numerator: 50, denominator: 2000 });
  assert.deepEqual(value('internship_posts_share', 'd3'), { value: null, numerator: 0, denominator: 0 });
  assert.equal(value('key_majors', 'city')!.value, 5);
  assert.equal(value('key_majors', 'd1')!.value, 4);
  assert.deepEqual(value('teacher_enterprise_practice', 'city'), { value: 30, numerator: 3, denominator: 10 });
  assert.deepEqual(value('teacher_enterprise_practice', 'd2'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(value('graduate_retention_rate', 'city'), { value: 58.3, numerator: 7, denominator: 12 });
  assert.deepEqual(value('graduate_retention_rate', 'd2'), { value: 50, numerator: 1, denominator: 2 });
  assert.deepEqual(value('secondary_progression_rate', 'city'), { value: 75, numerator: 3, denominator: 4 });
  assert.deepEqual(value('secondary_progression_rate', 'd2'), { value: null, numerator: 0, denominator: 0 });
  assert.equal(percent(1, 3), 33.3);
  assert.equal(percent(1, 0), null);
});

test('a per-teacher rule (1 year of practice in 5) is judged as the share of teachers meeting it, against all of them', () => {
  const t = currentPlan.targets.find((x) => x.code === 'teacher_enterprise_practice')!;
  const d = indicatorDefinition('teacher_enterprise_practice')!;
  assert.equal(d.method === 'computed' && d.source.source, 'teacherPracticeShare');
  const measured = indicatorGoal(t, d.method === 'computed' ? d.measuredAs : undefined);
  assert.deepEqual(measured, { goal: { comparator: '>=', value: 100 }, unit: '%' });
  assert.equal(progressOf(30, measured.goal), 0.3);
  // Any other target keeps its own goal and unit.
  const dual = currentPlan.targets.find((x) => x.code === 'dual_qualified_share')!;
  assert.deepEqual(indicatorGoal(dual), { goal: goalOf(dual), unit: dual.unit });
});

test('reported city values: the city report wins; counts add up districts; shares never do', () => {
  assert.equal(reportedCityValue('count', 12, [1, 2]), 12);
  assert.equal(reportedCityValue('count', null, [1, 2]), 3);
  assert.equal(reportedCityValue('share', null, [50, 70]), null);
  assert.equal(reportedCityValue('count', null, []), null);
});

test('trend: one point per month, the latest run of the month wins, at most `keep` months', () => {
  assert.equal(monthOf(new Date('2025-01-31T17:00:00Z')), '2025-02', 'China Standard Time');
  let t = mergeTrend([], '2025-01', 1);
  t = mergeTrend(t, '2025-01', 2);
  t = mergeTrend(t, '2025-02', 3);
  assert.deepEqual(t, [
    { month: '2025-01', value: 2 },
    { month: '2025-02', value: 3 },
  ]);
  assert.equal(
    mergeTrend(
      Array.from({ length: 30 }, (_, i) => ({ month: `2020-${String(i).padStart(2, '0')}`, value: i })),
      '2030-01',
      9,
      24,
    ).length,
    24,
  );
});

test('a figure that contradicts its own definition is named: share above 100%, negative or fractional count', () => {
  assert.equal(figureProblem('share', 101), '比例不能超过100%');
  assert.equal(figureProblem('share', 100), null);
  assert.equal(figureProblem('share', -1), '比例不能小于0%');
  assert.equal(figureProblem('count', -2), '个数不能为负数');
  assert.equal(figureProblem('count', 2.5), '个数应为整数');
  assert.equal(figureProblem('amount', 12000.5), null);
  assert.equal(figureProblem('amount', Number.NaN), '应为数字');
  assert.deepEqual(
    figuresProblems([
      { kind: 'count', value: 3 },
      { kind: 'share', value: 130 },
    ]),
    { 'figures.1.value': '比例不能超过100%' },
  );
  assert.equal(figureKindOfTarget({ kind: 'range', unit: '%' }), 'share');
  assert.equal(figureKindOfTarget({ kind: 'amount', unit: '元' }), 'amount');
});

test('formulas: funded projects of published calls count by call kind, in the applicant’s district', () => {
  assert.equal(value('collaborative_projects', 'city')!.value, 4);
  assert.equal(value('collaborative_projects', 'd2')?.value, 1);
  assert.equal(value('teaching_innovation_teams', 'city')?.value, 2);
  assert.equal(value('private_brand_projects', 'city')?.value, 0);
});

test('formulas: digital targets count recognised courses and demo schools, and the share of 职业学校 meeting the standard', () => {
  assert.deepEqual(value('online_courses', 'city'), { value: 10 });
  assert.deepEqual(value('online_courses', 'd2'), { value: 3 });
  assert.deepEqual(value('smart_demo_schools', 'city'), { value: 1 });
  assert.deepEqual(value('smart_campus_share', 'city'), { value: 30, numerator: 3, denominator: 10 });
  assert.deepEqual(value('smart_campus_share', 'd2'), { value: 50, numerator: 1, denominator: 2 });
  assert.deepEqual(value('smart_campus_share', 'd9'), { value: null, numerator: 0, denominator: 0 });
});

test('formulas: per-student funding is the share of public schools of the group meeting their threshold', () => {
  assert.deepEqual(value('per_student_funding', 'city'), { value: 60, numerator: 3, denominator: 5 });
  assert.deepEqual(value('per_student_funding', 'd2'), { value: 0, numerator: 0, denominator: 1 });
  assert.deepEqual(value('secondary_per_student_funding', 'city'), { value: 50, numerator: 1, denominator: 2 });
  assert.deepEqual(value('secondary_per_student_funding', 'd1'), { value: null, numerator: 0, denominator: 0 });
});
