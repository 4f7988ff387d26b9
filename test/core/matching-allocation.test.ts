import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocateInternships, AllocationInputError, bestCandidates, type AllocationInput } from '../../core/matching/allocation.ts';

/** Small deterministic PRNG (mulberry32) so the random instances are the same on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exhaustive search: the best total over every assignment that keeps places and both caps. */
function bruteForce(input: AllocationInput): number {
  const byStudent = Array.from({ length: input.studentCount }, (_, s) => input.arcs.filter((a) => a.student === s));
  const postUse = new Array(input.posts.length).fill(0);
  const entUse = new Array(input.enterpriseCapacity.length).fill(0);
  let best = 0;
  const go = (s: number, total: number) => {
    if (s === input.studentCount) {
      best = Math.max(best, total);
      return;
    }
    go(s + 1, total);
    for (const a of byStudent[s]!) {
      const p = input.posts[a.post]!;
      if (postUse[a.post] >= p.capacity) continue;
      if (p.enterprise !== null && entUse[p.enterprise] >= input.enterpriseCapacity[p.enterprise]!) continue;
      postUse[a.post]++;
      if (p.enterprise !== null) entUse[p.enterprise]++;
      go(s + 1, total + a.score);
      postUse[a.post]--;
      if (p.enterprise !== null) entUse[p.enterprise]--;
    }
  };
  go(0, 0);
  return best;
}

function check(input: AllocationInput, result: ReturnType<typeof allocateInternships>) {
  const postUse = new Array(input.posts.length).fill(0);
  const entUse = new Array(input.enterpriseCapacity.length).fill(0);
  let total = 0;
  for (const i of result.chosenArcs) {
    const a = input.arcs[i]!;
    postUse[a.post]++;
    const e = input.posts[a.post]!.enterprise;
    if (e !== null) entUse[e]++;
    total += a.score;
  }
  input.posts.forEach((p, i) => assert.ok(postUse[i] <= p.capacity, 'places or position cap exceeded'));
  input.enterpriseCapacity.forEach((c, i) => assert.ok(entUse[i] <= c, 'enterprise cap exceeded'));
  assert.equal(new Set(result.chosenArcs.map((i) => input.arcs[i]!.student)).size, result.chosenArcs.length, 'a student placed twice');
  assert.equal(total, result.totalScore);
}

test('the enterprise cap binds across its posts: the optimum moves students to the next best enterprise', () => {
  // Two posts of one enterprise with 2 places each, but the enterprise may take only 2 interns in all.
  const input: AllocationInput = {
    studentCount: 3,
    posts: [
      { capacity: 2, enterprise: 0 },
      { capacity: 2, enterprise: 0 },
      { capacity: 1, enterprise: null },
    ],
    enterpriseCapacity: [2],
    arcs: [
      { student: 0, post: 0, score: 90 },
      { student: 1, post: 1, score: 80 },
      { student: 2, post: 0, score: 70 },
      { student: 2, post: 2, score: 40 },
    ],
  };
  const r = allocateInternships(input);
  check(input, r);
  assert.deepEqual([...r.postOf], [0, 1, 2]);
  assert.equal(r.totalScore, 210);
});

test('optimal against exhaustive search on random small instances, and deterministic', () => {
  const rand = prng(42);
  for (let round = 0; round < 60; round++) {
    const S = 1 + Math.floor(rand() * 6),
      P = 1 + Math.floor(rand() * 4),
      E = 1 + Math.floor(rand() * 2);
    const posts = Array.from({ length: P }, () => ({
      capacity: Math.floor(rand() * 3),
      enterprise: rand() < 0.8 ? Math.floor(rand() * E) : null,
    }));
    const enterpriseCapacity = Array.from({ length: E }, () => Math.floor(rand() * 4));
    const arcs = [];
    for (let s = 0; s < S; s++)
      for (let p = 0; p < P; p++) if (rand() < 0.6) arcs.push({ student: s, post: p, score: 1 + Math.floor(rand() * 100) });
    const input = { studentCount: S, posts, enterpriseCapacity, arcs };
    const r = allocateInternships(input);
    check(input, r);
    assert.equal(r.totalScore, bruteForce(input), `round ${round}`);
    assert.deepEqual([...allocateInternships(input).postOf], [...r.postOf], 'same input, same assignment');
  }
});

test('no places, no placements; bad input is refused with a reason', () => {
  const r = allocateInternships({
    studentCount: 2,
    posts: [{ capacity: 0, enterprise: null }],
    enterpriseCapacity: [],
    arcs: [{ student: 0, post: 0, score: 10 }],
  });
  assert.deepEqual([...r.postOf], [-1, -1]);
  assert.throws(
    () => allocateInternships({ studentCount: 1, posts: [{ capacity: -1, enterprise: null }], enterpriseCapacity: [], arcs: [] }),
    AllocationInputError,
  );
  assert.throws(
    () =>
      allocateInternships({
        studentCount: 1,
        posts: [{ capacity: 1, enterprise: null }],
        enterpriseCapacity: [],
        arcs: [{ student: 3, post: 0, score: 1 }],
      }),
    AllocationInputError,
  );
  assert.throws(
    () => allocateInternships({ studentCount: 1, posts: [{ capacity: 1, enterprise: 2 }], enterpriseCapacity: [1], arcs: [] }),
    AllocationInputError,
  );
});

test('best candidates: highest score first, ties by post index', () => {
  const c = bestCandidates(
    [
      { post: 3, score: 5 },
      { post: 1, score: 5 },
      { post: 2, score: 9 },
      { post: 0, score: 1 },
    ],
    3,
  );
  assert.deepEqual(
    c.map((x) => x.post),
    [2, 1, 3],
  );
});
