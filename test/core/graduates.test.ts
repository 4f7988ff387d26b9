import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkDestination,
  headlinePartsByDistrict,
  latestMeasuredYear,
  maskName,
  notGraduatedReason,
  parseGraduatesPolicy,
  progressionRole,
  rateOf,
  rateParts,
  retentionRole,
  type DestinationTally,
} from '../../core/graduates/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };
import { currentPlan, graduatesPolicy as policy } from '../../policy/index.ts';

/** 毕业去向 rules and the definitions of 留郑率 and 中职升学率 (pure). */
const look = { district: (id: string) => id === 'd1', industry: (c: string) => ['C', '38'].includes(c) };
const graduate = { status: 'graduated', cohort: 2022 } as const;

test('the policy file states both definitions with their articles and targets', () => {
  assert.equal(policy.retention.source.article, '一 (二)');
  assert.equal(policy.progression.source.article, '二 (三) 9；任务清单 11');
  for (const d of [policy.retention, policy.progression])
    assert.ok(
      currentPlan.targets.some((t) => t.code === d.target),
      d.target,
    );
  assert.ok(policy.categories.some((c) => c.group === 'unplaced'));
  assert.throws(
    () => parseGraduatesPolicy({ ...(plan as { graduates: object }).graduates, retention: { surveyPoint: 'someday' } }),
    /retention/,
  );
});

test('only a graduate has a destination', () => {
  assert.equal(notGraduatedReason(graduate), null);
  assert.match(notGraduatedReason({ status: 'enrolled', cohort: 2022 })!, /尚未毕业/);
  assert.match(notGraduatedReason({ status: 'withdrawn', cohort: 2022 })!, /退学/);
});

test('each category asks for its own fields; districts and industries come from the catalogues', () => {
  const base = { graduationYear: 2025, surveyPoint: 'graduation' } as const;
  assert.deepEqual(
    checkDestination(
      policy,
      { ...base, categoryCode: '11', employerName: 'X', industryCode: '38', districtId: 'd1' },
      graduate,
      look,
      2025,
    ),
    {},
  );
  assert.deepEqual(
    checkDestination(
      policy,
      { ...base, categoryCode: '11', employerName: 'X', industryCode: '38', districtId: null },
      graduate,
      look,
      2025,
    ),
    {},
    'outside Zhengzhou',
  );
  const missing = checkDestination(policy, { ...base, categoryCode: '11' }, graduate, look, 2025);
  assert.deepEqual(Object.keys(missing).sort(), ['districtId', 'employerName', 'industryCode']);
  const wrong = checkDestination(
    policy,
    {
      ...base,
      categoryCode: '80',
      studySchool: 'S',
      studyLevel: 'zhuanke',
      studyFullTime: true,
      districtId: 'elsewhere',
      industryCode: 'Z9',
    },
    graduate,
    look,
    2025,
  );
  assert.match(wrong.districtId!, /行政区划目录/);
  assert.match(wrong.industryCode!, /GB\/T 4754/);
  assert.deepEqual(checkDestination(policy, { ...base, categoryCode: '46' }, graduate, look, 2025), {}, 'enlisted: nothing else');
  assert.ok(checkDestination(policy, { ...base, categoryCode: '46', districtId: 'd1' }, graduate, look, 2025).districtId);
  assert.ok(checkDestination(policy, { ...base, categoryCode: '99' }, graduate, look, 2025).categoryCode);
  assert.ok(
    checkDestination(policy, { ...base, graduationYear: 2021, categoryCode: '70' }, graduate, look, 2025).graduationYear,
    'before the cohort',
  );
  assert.ok(
    checkDestination(policy, { ...base, graduationYear: 2026, categoryCode: '70' }, graduate, look, 2025).graduationYear,
    'in the future',
  );
});

const t = (x: Partial<DestinationTally>): DestinationTally => ({
  graduationYear: 2025,
  surveyPoint: 'sixMonths',
  schoolLevel: 'higher',
  categoryCode: '11',
  inZhengzhou: true,
  studyLevel: null,
  studyFullTime: null,
  n: 1,
  ...x,
});

test('留郑率: working or studying in Zhengzhou at six months, over those placed; enlisted counts below only, unplaced not at all', () => {
  assert.deepEqual(retentionRole(policy, t({})), { denominator: true, numerator: true });
  assert.deepEqual(retentionRole(policy, t({ inZhengzhou: false })), { denominator: true, numerator: false });
  assert.deepEqual(retentionRole(policy, t({ categoryCode: '46', inZhengzhou: false })), { denominator: true, numerator: false });
  assert.deepEqual(retentionRole(policy, t({ categoryCode: '70', inZhengzhou: false })), { denominator: false, numerator: false });
  assert.deepEqual(
    retentionRole(policy, t({ surveyPoint: 'graduation' })),
    { denominator: false, numerator: false },
    'another survey point',
  );
  assert.deepEqual(
    retentionRole(policy, t({ schoolLevel: 'university' })),
    { denominator: false, numerator: false },
    'not a vocational school',
  );
  const parts = rateParts(policy, 'retention', [
    t({ n: 6 }),
    t({ n: 3, inZhengzhou: false }),
    t({ n: 1, categoryCode: '46', inZhengzhou: false }),
    t({ n: 5, categoryCode: '70' }),
  ]);
  assert.deepEqual(parts, { numerator: 6, denominator: 10 });
  assert.equal(rateOf(parts), 60);
  assert.equal(rateOf({ numerator: 0, denominator: 0 }), null);
});

test('中职升学率: secondary graduates at graduation going on full time to 专科 or above, over every recorded secondary graduate', () => {
  const sec = (x: Partial<DestinationTally>) => t({ surveyPoint: 'graduation', schoolLevel: 'secondary', ...x });
  assert.deepEqual(progressionRole(policy, sec({ categoryCode: '80', studyLevel: 'zhuanke', studyFullTime: true })), {
    denominator: true,
    numerator: true,
  });
  assert.deepEqual(
    progressionRole(policy, sec({ categoryCode: '80', studyLevel: 'zhuanke', studyFullTime: false })),
    { denominator: true, numerator: false },
    'part time',
  );
  assert.deepEqual(
    progressionRole(policy, sec({ categoryCode: '80', studyLevel: 'secondary', studyFullTime: true })),
    { denominator: true, numerator: false },
    'not higher education',
  );
  assert.deepEqual(
    progressionRole(policy, sec({ categoryCode: '70' })),
    { denominator: true, numerator: false },
    'unplaced still counts below',
  );
  assert.deepEqual(
    progressionRole(policy, t({ surveyPoint: 'graduation', categoryCode: '80', studyLevel: 'zhuanke', studyFullTime: true })),
    { denominator: false, numerator: false },
    'a 高职 graduate',
  );
});

test('the headline shows the latest measured year, per district', () => {
  const rows = [
    { ...t({ graduationYear: 2024, n: 4 }), districtId: 'd1' },
    { ...t({ graduationYear: 2025, n: 2 }), districtId: 'd1' },
    { ...t({ graduationYear: 2025, n: 1, inZhengzhou: false }), districtId: 'd2' },
    { ...t({ graduationYear: 2026, surveyPoint: 'graduation' }), districtId: 'd2' },
  ];
  assert.equal(latestMeasuredYear(policy, 'retention', rows), 2025, 'the 2026 graduates have no six-month destination yet');
  const h = headlinePartsByDistrict(policy, rows);
  assert.equal(h.years.retention, 2025);
  assert.deepEqual(
    h.parts.map((p) => [p.districtId, p.retentionNumerator, p.retentionDenominator]),
    [
      ['d1', 2, 2],
      ['d2', 0, 1],
    ],
  );
});

test('names on shared lists are masked', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskName('李'), '*');
});
