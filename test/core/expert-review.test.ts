import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregate,
  assignExperts,
  checkScores,
  conflictsOf,
  mad,
  median,
  noConflictData,
  outliers,
  parseExpertReviewPolicy,
  rank,
  relationMap,
  totalOf,
  type ConflictData,
  type ReviewExpert,
  type ReviewSubject,
} from '../../core/expert-review/index.ts';
import { expertReviewPolicy } from '../../policy/index.ts';

/** A small deterministic generator (the core takes no randomness it is not given). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const subject = (id: string, applicants: string[], field: string | null = null): ReviewSubject => ({
  ref: { kind: 'call_application', id },
  applicantOrganisationIds: applicants,
  field,
});
const expert = (id: string, org: string | null, fields: string[] = []): ReviewExpert => ({ id, organisationId: org, fields });

describe('conflicts of interest', () => {
  const data: ConflictData = {
    partners: relationMap([['school-a', 'ent-b']]),
    recentCoApplicants: relationMap([['ent-c', 'school-d']]),
  };
  it('same organisation, a partner (either way round), a recent co-applicant', () => {
    assert.deepEqual(conflictsOf(expert('x', 'school-a'), subject('1', ['school-a']), data), ['same_organisation']);
    assert.deepEqual(conflictsOf(expert('x', 'ent-b'), subject('1', ['school-a']), data), ['partner']);
    assert.deepEqual(conflictsOf(expert('x', 'school-a'), subject('1', ['ent-b']), data), ['partner']);
    assert.deepEqual(conflictsOf(expert('x', 'school-d'), subject('1', ['ent-c']), data), ['recent_co_applicant']);
    // A co-applicant of the subject counts as an applicant.
    assert.deepEqual(conflictsOf(expert('x', 'ent-b'), subject('1', ['ent-z', 'school-a', 'ent-b']), data), [
      'same_organisation',
      'partner',
    ]);
  });
  it('no conflict for an unrelated or an outside expert', () => {
    assert.deepEqual(conflictsOf(expert('x', 'ent-q'), subject('1', ['school-a']), data), []);
    assert.deepEqual(conflictsOf(expert('x', null), subject('1', ['school-a']), data), []);
  });
});

describe('assignment', () => {
  function world(seed: number, S: number, E: number, orgs: number) {
    const r = rng(seed);
    const org = () => `org-${Math.floor(r() * orgs)}`;
    const fields = ['ai', 'food', 'auto'];
    const experts = Array.from({ length: E }, (_, i) => expert(`e${i}`, r() < 0.1 ? null : org(), [fields[i % 3]!]));
    const subjects = Array.from({ length: S }, (_, i) => subject(`s${i}`, r() < 0.3 ? [org(), org()] : [org()], fields[i % 3]!));
    const pairs: [string, string][] = [];
    for (let i = 0; i < orgs; i++) pairs.push([`org-${i}`, `org-${Math.floor(r() * orgs)}`]);
    const conflicts: ConflictData = {
      partners: relationMap(pairs.slice(0, orgs / 2)),
      recentCoApplicants: relationMap(pairs.slice(orgs / 2)),
    };
    return { experts, subjects, conflicts };
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`never assigns a conflicted expert, gives each subject N distinct experts and balances load (seed ${seed})`, () => {
      const { experts, subjects, conflicts } = world(seed, 120, 23, 40);
      const N = 5;
      const out = assignExperts({ subjects, experts, perSubject: N, conflicts });
      assert.ok(out.ok);
      assert.ok(out.conflictsExcluded > 0, 'the world has conflicts to exclude');
      const bySubject = new Map<number, Set<number>>();
      for (const p of out.pairs) {
        assert.deepEqual(conflictsOf(experts[p.expertIndex]!, subjects[p.subjectIndex]!, conflicts), []);
        const set = bySubject.get(p.subjectIndex) ?? new Set();
        assert.ok(!set.has(p.expertIndex), 'an expert twice on one subject');
        set.add(p.expertIndex);
        bySubject.set(p.subjectIndex, set);
      }
      for (let s = 0; s < subjects.length; s++) assert.equal(bySubject.get(s)?.size, N);
      assert.ok(Math.max(...out.loads) - Math.min(...out.loads) <= 1, `loads ${out.loads.join(',')}`);
      assert.equal(
        out.loads.reduce((a, b) => a + b, 0),
        subjects.length * N,
      );
    });
  }

  it('prefers experts of the subject’s field once the load is balanced', () => {
    const experts = [expert('a', null, ['ai']), expert('b', null, ['food']), expert('c', null, ['ai']), expert('d', null, ['food'])];
    const subjects = [subject('1', ['x'], 'ai'), subject('2', ['x'], 'food')];
    const out = assignExperts({ subjects, experts, perSubject: 2, conflicts: noConflictData() });
    assert.ok(out.ok);
    assert.ok(out.pairs.every((p) => p.fieldMatch));
    assert.deepEqual(out.loads, [1, 1, 1, 1]);
  });

  it('when conflicts make balance impossible, still excludes every conflict', () => {
    // Only e0 may review s0..s3 besides e1; e2 and e3 are conflicted with all of them.
    const experts = [expert('e0', null), expert('e1', null), expert('e2', 'o1'), expert('e3', 'o1')];
    const subjects = [0, 1, 2, 3].map((i) => subject(`s${i}`, ['o1']));
    const out = assignExperts({ subjects, experts, perSubject: 2, conflicts: noConflictData() });
    assert.ok(out.ok);
    assert.deepEqual(out.loads, [4, 4, 0, 0]);
  });

  it('names every subject without enough eligible experts', () => {
    const experts = [expert('e0', 'o1'), expert('e1', 'o2'), expert('e2', null)];
    const subjects = [subject('s0', ['o1']), subject('s1', ['o3']), subject('s2', ['o1', 'o2'])];
    const out = assignExperts({ subjects, experts, perSubject: 2, conflicts: noConflictData() });
    assert.deepEqual(out, { ok: false, short: [{ subjectIndex: 2, eligible: 1 }] });
  });
});

describe('scores', () => {
  const rubric = [
    { code: 'need', label: '必要性', min: 0, max: 30 },
    { code: 'plan', label: '建设方案', min: 0, max: 40 },
    { code: 'team', label: '团队', min: 0, max: 15, weight: 2 },
  ];
  it('every item scored, within its range, one decimal at most; unknown items refused', () => {
    assert.deepEqual(checkScores(rubric, { need: 20, plan: 30.5, team: 10 }), {});
    const errors = checkScores(rubric, { need: 31, plan: 30.25, x: 1 });
    assert.deepEqual(Object.keys(errors).sort(), ['need', 'plan', 'team', 'x']);
    assert.match(errors.need!, /0 至 30/);
  });
  it('weighted total', () => assert.equal(totalOf(rubric, { need: 20, plan: 30.5, team: 10 }), 70.5));
  it('mean and trimmed mean', () => {
    assert.equal(aggregate([80, 70, 90, 10, 85], 'mean', 1), 67);
    assert.equal(aggregate([80, 70, 90, 10, 85], 'trimmed_mean', 1), 78.33);
    assert.equal(aggregate([80, 70], 'trimmed_mean', 1), 75, 'too few to trim: plain mean');
    assert.equal(aggregate([], 'mean', 1), null);
  });
  it('median, MAD and outliers beyond k·MAD', () => {
    assert.equal(median([3, 1, 2, 4]), 2.5);
    assert.equal(mad([80, 82, 78, 81, 20]), 2);
    assert.deepEqual(outliers([80, 82, 78, 81, 20], 3), [false, false, false, false, true]);
    assert.deepEqual(outliers([80, 82, 78, 81, 84], 3), [false, false, false, false, false]);
    assert.deepEqual(outliers([80, 80, 80, 79], 3), [false, false, false, true], 'MAD 0: anything off the median');
    assert.deepEqual(outliers([80, 10], 3), [false, false], 'two totals have no majority');
  });
  it('competition ranking, unscored last', () => {
    const items = [
      { id: 'a', s: 80 },
      { id: 'b', s: 90 },
      { id: 'c', s: 80 },
      { id: 'd', s: null },
      { id: 'e', s: 70 },
    ];
    const ranked = rank(
      items,
      (t) => t.s,
      (t) => t.id,
    );
    assert.deepEqual(
      ranked.map((r) => [r.item.id, r.rank]),
      [
        ['b', 1],
        ['a', 2],
        ['c', 2],
        ['e', 4],
        ['d', null],
      ],
    );
  });
});

describe('policy', () => {
  it('the policy file’s section parses', () => {
    assert.ok(expertReviewPolicy.outlierMadFactor > 0);
    assert.ok(expertReviewPolicy.article.length > 0);
  });
  it('a malformed section is refused with every problem listed', () => {
    assert.throws(
      () => parseExpertReviewPolicy({ article: 'x', note: 'y', recentCoApplicantYears: -1, defaultExpertsPerSubject: 0 }),
      (e: Error & { issues?: string[] }) => {
        assert.equal(e.issues?.length, 4);
        return true;
      },
    );
  });
});
