import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  destinationFacts,
  evaluateSchool,
  FACT_KEYS,
  indicatorScore,
  indicatorValues,
  parseQualityPolicy,
  rankByTotal,
  slippingIndicators,
  systemFor,
  systemProblems,
  trendOf,
  type QualitySystem,
  type SchoolFactValues,
} from '../../core/quality/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };
import { graduatesPolicy, qualityPolicy as policy } from '../../policy/index.ts';

/** The multi-party quality evaluation (三 18; 任务清单 27): the policy's checks, scoring, rank, trend, slipping. */

const raw = () =>
  structuredClone((plan as { quality: Record<string, unknown> }).quality) as {
    systems: Array<
      Record<string, unknown> & {
        dimensions: Array<{ weight: number; indicators: Array<{ weight: number }> }>;
        parties: Array<{ weight: number }>;
      }
    >;
  } & Record<string, unknown>;

test('the policy file has one system with the four core dimensions, each adding up, and loads', () => {
  const s = systemFor(policy, 2025)!;
  assert.deepEqual(
    s.dimensions.map((d) => d.name),
    ['产教融合', '技能水平', '就业质量', '服务贡献'],
  );
  assert.equal(systemFor(policy, 2000), null, 'no system before the first fromYear');
  assert.deepEqual(systemProblems(s), []);
});

test('weights that do not add up are a load error naming the place, for indicators, dimensions and parties', () => {
  const a = raw();
  a.systems[0]!.dimensions[1]!.indicators[0]!.weight += 0.05;
  assert.throws(() => parseQualityPolicy(a), /systems\[0\]\.dimensions\[1\]\.indicators: .*权重之和应为1（现为1\.05）/);
  const b = raw();
  b.systems[0]!.dimensions[0]!.weight = 0.5;
  assert.throws(() => parseQualityPolicy(b), /systems\[0\]\.dimensions: 各维度权重之和应为1/);
  const c = raw();
  c.systems[0]!.parties[3]!.weight = 0.3;
  assert.throws(() => parseQualityPolicy(c), /systems\[0\]\.parties: 多方权重之和应为1（现为1\.1）/);
});

test('a system must name a computable formula, a survey kind or the owner of a collected indicator, and distinct years', () => {
  const a = raw();
  Object.assign(a.systems[0]!.dimensions[0]!.indicators[0]!, { formula: 'made_up' });
  assert.throws(() => parseQualityPolicy(a), /formula: 计算指标应引用平台可计算的数据项/);
  const b = raw();
  Object.assign(b.systems[0]!.dimensions[0]!.indicators[5]!, { owner: undefined });
  assert.throws(() => parseQualityPolicy(b), /owner: 填报指标应写明填报单位/);
  const c = raw();
  c.systems.push(structuredClone(c.systems[0]!));
  assert.throws(() => parseQualityPolicy(c), /同一起始年度只能有一个指标体系/);
  const d = raw();
  const next = structuredClone(d.systems[0]!);
  next.fromYear = 2027;
  next.version = 2;
  d.systems.push(next);
  const parsed = parseQualityPolicy(d);
  assert.deepEqual(
    [systemFor(parsed, 2026)!.version, systemFor(parsed, 2027)!.version, systemFor(parsed, 2030)!.version],
    [1, 2, 2],
    'a new year’s system is a data change: it applies from its year on',
  );
});

const ind = { direction: 'higher' as const, floor: 50, target: 70 };

test('an indicator is scored against its floor and target: 100 at the target, the pass score at the floor, linear between and below', () => {
  assert.equal(indicatorScore(ind, 70, 60), 100);
  assert.equal(indicatorScore(ind, 90, 60), 100);
  assert.equal(indicatorScore(ind, 60, 60), 80);
  assert.equal(indicatorScore(ind, 50, 60), 60);
  assert.equal(indicatorScore(ind, 25, 60), 30);
  assert.equal(indicatorScore(ind, 0, 60), 0);
  const lower = { direction: 'lower' as const, floor: 10, target: 2 };
  assert.equal(indicatorScore(lower, 2, 60), 100);
  assert.equal(indicatorScore(lower, 6, 60), 80);
  assert.equal(indicatorScore(lower, 14, 60), 30);
  assert.equal(indicatorScore(lower, 30, 60), 0);
});

/** A small system: two dimensions, two parties, so the weights can be checked by hand. */
const small: QualitySystem = {
  fromYear: 2024,
  version: 1,
  dimensions: [
    {
      code: 'integration',
      name: '产教融合',
      weight: 0.6,
      indicators: [
        {
          code: 'a',
          name: 'A',
          unit: '%',
          direction: 'higher',
          weight: 0.5,
          source: 'computed',
          party: 'government',
          formula: 'dual_qualified_share',
          floor: 50,
          target: 70,
        },
        {
          code: 'b',
          name: 'B',
          unit: '家',
          direction: 'higher',
          weight: 0.5,
          source: 'computed',
          party: 'government',
          formula: 'enterprise_partners',
          floor: 5,
          target: 25,
        },
      ],
    },
    {
      code: 'employment',
      name: '就业质量',
      weight: 0.4,
      indicators: [
        {
          code: 'c',
          name: 'C',
          unit: '%',
          direction: 'higher',
          weight: 0.6,
          source: 'computed',
          party: 'government',
          formula: 'employment_rate',
          floor: 80,
          target: 100,
        },
        {
          code: 'd',
          name: 'D',
          unit: '分',
          direction: 'higher',
          weight: 0.4,
          source: 'survey',
          party: 'enterprise',
          formula: 'employer_satisfaction',
          floor: 60,
          target: 100,
        },
      ],
    },
  ],
  parties: [
    { code: 'government', name: '政府', weight: 0.75 },
    { code: 'industry', name: '行业', weight: 0.05 },
    { code: 'enterprise', name: '企业', weight: 0.1 },
    { code: 'school', name: '学校', weight: 0.1 },
  ],
};
const knobs = { passScore: 60, maxAdjustment: 5 };

test('dimension scores weight the parties’ views; a party without data is left out and the rest re-normalised; the total weights the dimensions', () => {
  const e = evaluateSchool(knobs, small, { a: 70, b: 15, c: 90, d: 80 });
  // integration: government only → (100 + 80) / 2 = 90. employment: government 80, enterprise 80 → 80.
  assert.deepEqual(
    e.dimensions.map((d) => d.score),
    [90, 80],
  );
  assert.equal(e.total, 86);
  const withD = evaluateSchool(knobs, small, { a: 70, b: 15, c: 100, d: 60 });
  // employment: government 100 (weight 0.75), enterprise 60 (0.1) → (75 + 6) / 0.85 = 95.3
  assert.equal(withD.dimensions[1]!.score, 95.3);
  assert.deepEqual(
    withD.dimensions[1]!.parties.map((p) => [p.code, p.score]),
    [
      ['government', 100],
      ['industry', null],
      ['enterprise', 60],
      ['school', null],
    ],
  );
});

test('no data yet is never a zero: missing values drop out, and with none a dimension and total have no score', () => {
  const e = evaluateSchool(knobs, small, { a: 70, b: null, c: null, d: null });
  assert.deepEqual(
    e.dimensions.map((d) => d.score),
    [100, null],
  );
  assert.equal(e.total, 100, 'the total over the one dimension with data');
  assert.equal(evaluateSchool(knobs, small, {}).total, null);
});

test('an evaluator’s adjustment moves a dimension within the policy’s limit, and the score stays within 0–100', () => {
  const e = evaluateSchool(knobs, small, { a: 70, b: 15, c: 90, d: 80 }, { integration: 3, employment: -20 });
  assert.deepEqual(
    e.dimensions.map((d) => [d.computed, d.adjustment, d.score]),
    [
      [90, 3, 93],
      [80, -5, 75],
    ],
  );
  assert.equal(evaluateSchool(knobs, small, { a: 70, b: 25 }, { integration: 5 }).dimensions[0]!.score, 100);
});

test('indicator values: computed from facts, surveys only with answers, collected as entered', () => {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, { value: null }])) as SchoolFactValues;
  facts.dual_qualified_share = { value: 62.5, numerator: 5, denominator: 8 };
  const v = indicatorValues(
    small,
    facts,
    [
      { kind: 'employer_satisfaction', score: 83.26, responses: 12, invited: 20 },
      { kind: 'student_satisfaction', score: 90, responses: 0, invited: 10 },
    ],
    {},
  );
  assert.deepEqual(v, { a: 62.5, b: null, c: null, d: 83.3 });
  const s = systemFor(policy, 2025)!;
  const none = indicatorValues(s, facts, [{ kind: 'student_satisfaction', score: 90, responses: 0, invited: 10 }], {
    enterprise_investment: 40,
  });
  assert.equal(none.student_satisfaction, null, 'a survey nobody answered is no data');
  assert.equal(none.enterprise_investment, 40);
  assert.equal(none.technical_service_income, null);
});

test('destination facts: 毕业去向落实率 over all recorded at the survey point; 升学率 has no data for a 高职', () => {
  const t = (categoryCode: string, n: number, extra: Record<string, unknown> = {}) => ({
    surveyPoint: 'sixMonths' as const,
    schoolLevel: 'higher' as const,
    categoryCode,
    inZhengzhou: true,
    studyLevel: null,
    studyFullTime: null,
    n,
    ...extra,
  });
  const f = destinationFacts(graduatesPolicy, [
    t('11', 6),
    t('70', 2),
    t('46', 1, { inZhengzhou: false }),
    t('80', 1, { surveyPoint: 'graduation' }),
  ]);
  assert.deepEqual(f.employment_rate, { value: 77.8, numerator: 7, denominator: 9 });
  assert.deepEqual([f.retention_rate.numerator, f.retention_rate.denominator], [6, 7]);
  assert.equal(f.progression_rate.value, null);
  assert.equal(destinationFacts(graduatesPolicy, []).employment_rate.value, null, 'no destinations: no data yet, not 0');
});

test('rank: highest total first, ties share a rank, schools without a total are unranked', () => {
  const r = rankByTotal([
    { schoolId: 'a', total: 80 },
    { schoolId: 'b', total: 91 },
    { schoolId: 'c', total: 80 },
    { schoolId: 'd', total: null },
    { schoolId: 'e', total: 70 },
  ]);
  assert.deepEqual(Object.fromEntries(r), { a: 2, b: 1, c: 2, d: null, e: 4 });
});

test('trend: oldest first with the change from the year before (none across a gap)', () => {
  assert.deepEqual(
    trendOf([
      { year: 2025, total: 80 },
      { year: 2023, total: 70 },
      { year: 2024, total: 75.5 },
      { year: 2027, total: 90 },
    ]),
    [
      { year: 2023, total: 70, change: null },
      { year: 2024, total: 75.5, change: 5.5 },
      { year: 2025, total: 80, change: 4.5 },
      { year: 2027, total: 90, change: null },
    ],
  );
});

test('slipping: short of the floor, or worse than the previous period by more than the policy’s share', () => {
  const out = slippingIndicators({ slipDropShare: 0.1 }, small, { a: 45, b: 20, c: 85, d: null }, { a: 48, b: 23, c: 95, d: 90 });
  assert.deepEqual(
    out.map((s) => [s.code, s.reasons]),
    [
      ['a', ['below_floor']],
      ['b', ['falling']],
      ['c', ['falling']],
    ],
  );
  assert.deepEqual(
    slippingIndicators({ slipDropShare: 0.1 }, small, { a: 60, b: 20 }, null),
    [],
    'nothing to compare with: only floors count',
  );
});
