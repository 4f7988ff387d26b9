import assert from 'node:assert/strict';
import { test } from 'node:test';
import { internCaps } from '../../core/internships/placement-check.ts';
import { internshipRules } from '../../core/internships/rules.ts';
import {
  allocateByColumnGeneration,
  allocateInternships,
  type AllocationInput,
  type AllocationPost,
} from '../../core/matching/allocation.ts';
import { candidateGraph, type CandidatePost, type CandidateStudent } from '../../core/matching/candidates.ts';
import { ineligibility } from '../../core/matching/eligibility.ts';
import { majorCatalogue } from '../../core/matching/majors.ts';
import { scoreMatch, type ScoreContext } from '../../core/matching/score.ts';
import { currentPlan, matchingPolicy } from '../../policy/index.ts';

/**
 * Column generation (core/matching/allocation.ts allocateByColumnGeneration with the pricing of
 * core/matching/candidates.ts) against the optimum of the unpruned graph: on random cities, every eligible
 * (student, post) pair is scored from the definition (scoreMatch, ineligibility) and solved at once; the pruned
 * graph (K = 1–3 per student) priced round by round must reach the same placements and the same total score,
 * under the places, the 20% position cap, the 10% enterprise cap and with rejected pairs left out.
 */

const entry = (code: string, cat: string, div: string) => ({
  code,
  name: code,
  categoryCode: cat,
  categoryName: cat,
  divisionCode: div,
  divisionName: div,
});
const catalogue = majorCatalogue(
  [
    entry('460103', '4601', '46'),
    entry('460101', '4601', '46'),
    entry('460301', '4603', '46'),
    entry('510203', '5102', '51'),
    entry('530701', '5307', '53'),
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
const ctx: ScoreContext = {
  policy: matchingPolicy,
  catalogue,
  districts: new Map([
    ['a', { name: '中原区', lon: 113.613, lat: 34.748 }],
    ['b', { name: '二七区', lon: 113.64, lat: 34.724 }],
    ['far', { name: '登封市', lon: 113.05, lat: 34.453 }],
  ]),
};
const rules = internshipRules(currentPlan);
const majors = ['460103', '460101', '460301', '510203', '530701', null];
const districts = ['a', 'b', 'far', null];
const skills = ['数控编程', 'CAD', 'Python', '1+X 数控车铣加工', '电工证'];
const scoreBound = Math.round(Object.values(matchingPolicy.weights).reduce((a, b) => a + b, 0) * 10);

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCity(rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // Few majors and districts: students of one group share their best posts, which is what makes pruning lose.
  const students: CandidateStudent[] = Array.from({ length: int(40, 90) }, () => ({
    majorCode: pick(majors.slice(0, 3)),
    districtId: pick(districts),
    skills: skills.filter(() => rand() < 0.4),
    certificates: [],
    preferredDistrictIds: rand() < 0.3 ? [pick(['a', 'b', 'far'])] : [],
    preferredClusterCodes: rand() < 0.2 ? ['equipment'] : [],
    minMonthlyPayYuan: rand() < 0.3 ? int(3000, 5000) : null,
    availableFrom: rand() < 0.2 ? '2030-05-01' : null,
    availableTo: rand() < 0.2 ? '2030-07-15' : null,
    birthDate: rand() < 0.08 ? '2014-01-01' : rand() < 0.15 ? '2013-06-01' : '2006-01-01',
    cohort: rand() < 0.1 ? 2030 : 2027,
    sex: rand() < 0.5 ? 'female' : 'male',
  }));
  const enterprises = Array.from({ length: int(3, 8) }, () => ({ staff: rand() < 0.1 ? null : int(10, 60) }));
  const posts: (CandidatePost & { enterprise: number; places: number; positionStaff: number })[] = Array.from(
    { length: int(12, 30) },
    () => ({
      majorCodes: rand() < 0.25 ? [] : [pick(majors.slice(0, 5))!],
      clusterCode: rand() < 0.5 ? 'equipment' : null,
      districtId: pick(districts),
      skills: skills.filter(() => rand() < 0.3),
      certificates: [],
      monthlyPayYuan: int(2800, 5200),
      startDate: '2030-03-01',
      endDate: rand() < 0.5 ? '2030-08-31' : '2030-06-30',
      kind: rand() < 0.15 ? 'observation' : 'placement',
      nightShift: rand() < 0.1,
      tasks: rand() < 0.1 ? ['female_prohibited'] : [],
      enterprise: int(0, enterprises.length - 1),
      places: int(1, 6),
      positionStaff: int(3, 30),
    }),
  );
  // The caps as the allocation job computes them: places and the 20% position cap per post, 10% per enterprise.
  const entIndex = new Map<number, number>();
  const enterpriseCapacity: number[] = [];
  const allocationPosts: AllocationPost[] = posts.map((p) => {
    if (p.kind === 'observation') return { capacity: p.places, enterprise: null };
    const staff = enterprises[p.enterprise]!.staff;
    if (staff === null) return { capacity: 0, enterprise: null };
    const cap = internCaps(staff, p.positionStaff, rules);
    if (!entIndex.has(p.enterprise)) entIndex.set(p.enterprise, enterpriseCapacity.push(cap.enterprise) - 1);
    return { capacity: Math.min(p.places, cap.position), enterprise: entIndex.get(p.enterprise)! };
  });
  const rejected = new Set<string>();
  students.forEach((_s, si) =>
    posts.forEach((_p, pi) => {
      if (rand() < 0.08) rejected.add(`${si}|${pi}`);
    }),
  );
  return { students, posts, allocationPosts, enterpriseCapacity, rejected, k: int(1, 3), limit: int(1, 4) };
}

test('column generation on a pruned graph reaches the optimum of every eligible pair, caps and rejections included (120 random cities)', (t) => {
  const rand = prng(2026);
  let lossesRecovered = 0,
    multiRound = 0;
  for (let i = 0; i < 120; i++) {
    const city = randomCity(rand);
    const { students, posts, allocationPosts, enterpriseCapacity, rejected } = city;
    const excluded = (s: number, p: number) => rejected.has(`${s}|${p}`);
    // The unpruned graph from the definition: every eligible pair scoring at least the policy's minimum.
    const minScore10 = Math.round(matchingPolicy.allocation.minScore * 10);
    const all = students.flatMap((s, si) =>
      posts.flatMap((p, pi) => {
        const m = scoreMatch(ctx, s, p);
        const score = Math.round(m.total * 10);
        return score >= minScore10 && !excluded(si, pi) && ineligibility(s, p, m.fit, rules, matchingPolicy).length === 0
          ? [{ student: si, post: pi, score }]
          : [];
      }),
    );
    const base = { studentCount: students.length, posts: allocationPosts, enterpriseCapacity };
    const whole = allocateInternships({ ...base, arcs: all });

    const graph = candidateGraph(ctx, rules, students, posts, { minScore: matchingPolicy.allocation.minScore, excluded });
    const pruned = graph.best(city.k);
    const exact = allocateByColumnGeneration({ ...base, arcs: pruned }, (prices) => graph.price(prices, city.limit), scoreBound);

    assert.equal(exact.totalScore, whole.totalScore, `city ${i}: total score`);
    assert.equal(exact.chosenArcs.length, whole.chosenArcs.length, `city ${i}: placements`);
    checkFeasible({ ...base, arcs: exact.arcs }, exact, excluded);
    // Every pair priced in is an eligible pair of the unpruned graph with its true score, never one already in.
    const truth = new Map(all.map((a) => [`${a.student}|${a.post}`, a.score]));
    const seen = new Set<string>();
    for (const a of exact.arcs) {
      const key = `${a.student}|${a.post}`;
      assert.equal(truth.get(key), a.score, `city ${i}: pair ${key} is eligible with its score`);
      assert.ok(!seen.has(key), `city ${i}: pair ${key} added twice`);
      seen.add(key);
    }
    assert.equal(exact.added, exact.arcs.length - pruned.length);
    if (exact.before.totalScore < exact.totalScore) lossesRecovered++;
    if (exact.rounds > 2) multiRound++;
  }
  // The instances must exercise the point: pruning loses, pricing recovers it, sometimes over several rounds.
  t.diagnostic(`${lossesRecovered} pruned optima improved by pricing, ${multiRound} needing more than two rounds`);
  assert.ok(lossesRecovered > 60 && multiRound > 20, `${lossesRecovered} pruned optima improved, ${multiRound} with more than two rounds`);
});

test('nothing left to price: one round, the pruned optimum unchanged; pricing answers are checked', () => {
  const input: AllocationInput = {
    studentCount: 2,
    posts: [
      { capacity: 1, enterprise: null },
      { capacity: 1, enterprise: 0 },
    ],
    enterpriseCapacity: [1],
    arcs: [{ student: 0, post: 0, score: 300 }],
  };
  const none = allocateByColumnGeneration(input, () => [], 1000);
  assert.deepEqual(
    { rounds: none.rounds, added: none.added, total: none.totalScore, before: none.before },
    { rounds: 1, added: 0, total: 300, before: { placements: 1, totalScore: 300 } },
  );
  // The student's potential says what a pair must beat: student 1 has no arc, so any positive score prices in.
  let calls = 0;
  const more = allocateByColumnGeneration(
    input,
    (prices) => {
      calls++;
      if (calls > 1) return [];
      assert.equal(prices.assigned[0], 0);
      assert.equal(prices.assigned[1], -1);
      return [{ student: 1, post: 1, score: 250 }];
    },
    1000,
  );
  assert.deepEqual(
    { rounds: more.rounds, added: more.added, total: more.totalScore, placements: more.chosenArcs.length },
    { rounds: 2, added: 1, total: 550, placements: 2 },
  );
  assert.throws(() => allocateByColumnGeneration(input, () => [{ student: 5, post: 0, score: 10 }], 1000), /不存在的学生或岗位/);
  assert.throws(() => allocateByColumnGeneration(input, () => [{ student: 1, post: 0, score: 1001 }], 1000), /1 至 1000 的整数/);
});

function checkFeasible(
  input: AllocationInput,
  result: { chosenArcs: number[]; totalScore: number },
  excluded: (s: number, p: number) => boolean,
) {
  const postUse = new Array<number>(input.posts.length).fill(0);
  const entUse = new Array<number>(input.enterpriseCapacity.length).fill(0);
  let total = 0;
  for (const i of result.chosenArcs) {
    const a = input.arcs[i]!;
    assert.ok(!excluded(a.student, a.post), 'a rejected pair was chosen');
    postUse[a.post]!++;
    const e = input.posts[a.post]!.enterprise;
    if (e !== null) entUse[e]!++;
    total += a.score;
  }
  input.posts.forEach((p, i) => assert.ok(postUse[i]! <= p.capacity, 'places or position cap exceeded'));
  input.enterpriseCapacity.forEach((c, i) => assert.ok(entUse[i]! <= c, 'enterprise cap exceeded'));
  assert.equal(new Set(result.chosenArcs.map((i) => input.arcs[i]!.student)).size, result.chosenArcs.length, 'a student placed twice');
  assert.equal(total, result.totalScore);
}
