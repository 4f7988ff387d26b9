import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ineligibility } from '../../core/matching/eligibility.ts';
import { majorCatalogue, majorFit } from '../../core/matching/majors.ts';
import { parseMatchingPolicy, MatchingPolicyError } from '../../core/matching/policy.ts';
import { explain, scoreMatch, type Opportunity, type ScoreContext, type Supply } from '../../core/matching/score.ts';
import { distanceKm } from '../../core/matching/geo.ts';
import { internshipRules } from '../../core/internships/rules.ts';
import { currentPlan, matchingPolicy } from '../../policy/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };

const entry = (code: string, name: string, cat: string, div: string) => ({
  code,
  name,
  categoryCode: cat,
  categoryName: `类${cat}`,
  divisionCode: div,
  divisionName: `大类${div}`,
});
const catalogue = majorCatalogue(
  [
    entry('460103', '数控技术', '4601', '46'),
    entry('460101', '机械设计与制造', '4601', '46'),
    entry('460301', '机电一体化技术', '4603', '46'),
    entry('510203', '软件技术', '5102', '51'),
    entry('530701', '电子商务', '5307', '53'),
  ],
  [
    { clusterCode: 'equipment', majorCode: '460103' },
    { clusterCode: 'equipment', majorCode: '510203' },
    { clusterCode: 'cross_border_ecommerce', majorCode: '530701' },
  ],
  new Map([
    ['equipment', '装备制造'],
    ['cross_border_ecommerce', '跨境电商'],
  ]),
);
const A = 'd-a',
  B = 'd-b',
  FAR = 'd-far';
const ctx: ScoreContext = {
  policy: matchingPolicy,
  catalogue,
  districts: new Map([
    [A, { name: '中原区', lon: 113.613, lat: 34.748 }],
    [B, { name: '二七区', lon: 113.64, lat: 34.724 }],
    [FAR, { name: '登封市', lon: 113.05, lat: 34.453 }],
  ]),
};
const student: Supply = {
  majorCode: '460103',
  districtId: A,
  skills: ['数控编程'],
  certificates: ['1+X 数控车铣加工'],
  preferredDistrictIds: [],
  preferredClusterCodes: [],
  minMonthlyPayYuan: null,
  availableFrom: null,
  availableTo: null,
};
const post: Opportunity = {
  majorCodes: ['460103'],
  clusterCode: 'equipment',
  districtId: A,
  skills: ['数控编程'],
  certificates: ['1+X 数控车铣加工'],
  monthlyPayYuan: 3600,
  startDate: '2030-03-01',
  endDate: '2030-08-31',
};

test('major fit walks the catalogue: same > 专业类 > 专业大类 > cluster link > none; open when no majors are named', () => {
  assert.equal(majorFit(catalogue, '460103', ['460103']).level, 'same');
  assert.equal(majorFit(catalogue, '460103', ['460101']).level, 'category');
  assert.equal(majorFit(catalogue, '460103', ['460301']).level, 'division');
  assert.equal(majorFit(catalogue, '460103', ['510203']).level, 'cluster');
  assert.equal(majorFit(catalogue, '460103', ['530701']).level, 'none');
  assert.equal(majorFit(catalogue, '530701', ['460101'], 'cross_border_ecommerce').level, 'cluster', 'the enterprise cluster links too');
  assert.equal(majorFit(catalogue, '460103', []).level, 'open');
  assert.equal(majorFit(catalogue, '460103', ['530701', '460101', '460103']).level, 'same', 'the best wanted major counts');
});

test('a perfect match scores every weight, and the parts add up to the total with a reason each', () => {
  const m = scoreMatch(ctx, student, post);
  const max = Object.values(matchingPolicy.weights).reduce((a, b) => a + b, 0);
  assert.equal(m.total, max);
  assert.equal(
    m.parts.reduce((a, p) => a + p.points, 0),
    m.total,
  );
  for (const p of m.parts) {
    assert.equal(p.points, p.max);
    assert.ok(p.reason.length > 0);
  }
  assert.match(explain(m), /^专业对口 40 · 技能证书 20 · 通勤 10/);
});

test('each part falls with the fact it measures', () => {
  const base = scoreMatch(ctx, student, post);
  const byPart = (m: ReturnType<typeof scoreMatch>, k: string) => m.parts.find((p) => p.part === k)!.points;
  const category = scoreMatch(ctx, student, { ...post, majorCodes: ['460101'] });
  assert.equal(byPart(category, 'major'), matchingPolicy.weights.major * matchingPolicy.majorLevels.category);
  const halfSkills = scoreMatch(ctx, { ...student, certificates: [] }, post);
  assert.equal(byPart(halfSkills, 'skills'), matchingPolicy.weights.skills / 2);
  assert.match(halfSkills.parts[1]!.reason, /1\/2/);
  const near = scoreMatch(ctx, student, { ...post, districtId: B });
  const far = scoreMatch(ctx, student, { ...post, districtId: FAR });
  assert.ok(byPart(base, 'location') >= byPart(near, 'location') && byPart(near, 'location') > byPart(far, 'location'));
  assert.equal(byPart(far, 'location'), 0, 'beyond zeroBeyondKm the commute scores nothing');
  const lowPay = scoreMatch(ctx, { ...student, minMonthlyPayYuan: 5000 }, post);
  assert.ok(byPart(lowPay, 'preference') < byPart(base, 'preference'));
  assert.match(lowPay.parts[4]!.reason, /低于期望 5000/);
  const late = scoreMatch(ctx, { ...student, availableFrom: '2030-06-01' }, post);
  assert.ok(byPart(late, 'timing') > 0 && byPart(late, 'timing') < matchingPolicy.weights.timing);
  assert.equal(byPart(scoreMatch(ctx, { ...student, availableTo: '2030-01-01' }, post), 'timing'), 0);
  assert.equal(byPart(scoreMatch(ctx, { ...student, majorCode: '530701' }, post), 'cluster'), 0);
});

test('distance between districts is great-circle kilometres', () => {
  const d = distanceKm({ lon: 113.613, lat: 34.748 }, { lon: 113.05, lat: 34.453 });
  assert.ok(d > 55 && d < 65, `中原区–登封市 ${d}`);
  assert.equal(distanceKm({ lon: 1, lat: 2 }, { lon: 1, lat: 2 }), 0);
});

test('eligibility: required majors at the policy minimum and the regulation’s placement rules', () => {
  const rules = internshipRules(currentPlan);
  const facts = { birthDate: '2010-01-01', cohort: 2025, sex: 'male' as const };
  const p = { kind: 'placement' as const, startDate: '2030-03-01', nightShift: false, tasks: [], majorCodes: ['530701'] };
  assert.deepEqual(ineligibility(facts, p, majorFit(catalogue, '460103', ['460103']), rules, matchingPolicy), []);
  assert.match(ineligibility(facts, p, majorFit(catalogue, '460103', ['530701']), rules, matchingPolicy)[0]!, /专业/);
  const young = ineligibility({ ...facts, birthDate: '2015-01-01' }, p, majorFit(catalogue, '460103', ['460103']), rules, matchingPolicy);
  assert.ok(young.some((r) => r.includes('周岁')));
});

test('the policy file section is validated, every problem listed', () => {
  const raw = structuredClone((plan as unknown as { matching: Record<string, unknown> }).matching);
  assert.deepEqual(parseMatchingPolicy(raw).weights, matchingPolicy.weights);
  const bad = { ...raw, weights: { ...(raw.weights as object), major: -1 }, location: { fullWithinKm: 10, zeroBeyondKm: 5 } };
  assert.throws(
    () => parseMatchingPolicy(bad),
    (e: unknown) => e instanceof MatchingPolicyError && e.issues.length === 2,
  );
});

test('candidate pruning returns exactly the top K of the full scores, eligible only', async () => {
  const { candidateArcs } = await import('../../core/matching/candidates.ts');
  const rules = internshipRules(currentPlan);
  const majorsList = ['460103', '460101', '460301', '510203', '530701', null];
  const districts = [A, B, FAR, null];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const skills = ['数控编程', 'CAD', 'Python', '1+X 数控车铣加工', '电工证'];
  const students = Array.from({ length: 40 }, () => ({
    ...student,
    majorCode: pick(majorsList),
    districtId: pick(districts),
    skills: skills.filter(() => rand() < 0.4),
    certificates: [],
    minMonthlyPayYuan: rand() < 0.3 ? 3000 + Math.floor(rand() * 2000) : null,
    birthDate: rand() < 0.1 ? '2016-01-01' : '2006-01-01',
    cohort: 2027,
    sex: 'female' as const,
  }));
  const posts = Array.from({ length: 30 }, () => ({
    ...post,
    startDate: '2030-03-01',
    endDate: '2030-08-31',
    kind: 'placement' as const,
    nightShift: false,
    tasks: [],
    majorCodes: rand() < 0.2 ? [] : [pick(majorsList.slice(0, 5))!],
    districtId: pick(districts),
    clusterCode: rand() < 0.5 ? 'equipment' : null,
    skills: skills.filter(() => rand() < 0.3),
    certificates: [],
    monthlyPayYuan: 3000 + Math.floor(rand() * 2000),
  }));
  const k = 4;
  const arcs = candidateArcs(ctx, rules, students, posts, { k, minScore: 20 });
  students.forEach((s, si) => {
    const all = posts
      .map((p, pi) => ({ pi, m: scoreMatch(ctx, s, p) }))
      .filter(({ m, pi }) => Math.round(m.total * 10) >= 200 && ineligibility(s, posts[pi]!, m.fit, rules, matchingPolicy).length === 0)
      .map(({ pi, m }) => ({ post: pi, score: Math.round(m.total * 10) }))
      .sort((a, b) => b.score - a.score || a.post - b.post)
      .slice(0, k);
    assert.deepEqual(
      arcs.filter((a) => a.student === si).map(({ post: p, score }) => ({ post: p, score })),
      all,
      `student ${si}`,
    );
  });
  assert.ok(arcs.length > 0);
});
