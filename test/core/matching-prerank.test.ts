import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byScoreThenId, preRankedTop, type CandidateGroup } from '../../core/matching/prerank.ts';

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tenth = (x: number) => Math.round(x * 10) / 10;

test('pre-ranking returns exactly the top n of scoring everyone, on 1,000 random instances with many ties', async () => {
  for (let seed = 1; seed <= 1000; seed++) {
    const r = rng(seed);
    const personalMax = 40;
    const groupCount = 1 + Math.floor(r() * 40);
    const n = 1 + Math.floor(r() * 25);
    const groups: CandidateGroup[] = [];
    const members = new Map<string, { id: string; score: number }[]>();
    let next = 0;
    for (let g = 0; g < groupCount; g++) {
      // Bases on a coarse grid (ties between groups) made of one-decimal parts, as the real parts are.
      const base = r() < 0.5 ? Math.floor(r() * 8) * 5 : tenth(r() * 60);
      const size = Math.floor(r() * (r() < 0.3 ? 0 : 12));
      const list = Array.from({ length: size }, () => {
        // Often the full personal points: the bound is then met exactly and ties decide by id.
        const u = r();
        const personal = u < 0.15 ? personalMax : u < 0.4 ? 0 : tenth(r() * personalMax);
        return { id: `${r().toString(36).slice(2, 6)}-${next++}`, score: tenth(base + Math.min(personalMax, personal)) };
      });
      groups.push({ key: `g${g}`, base, count: size });
      members.set(`g${g}`, list);
    }
    const everyone = [...members.values()].flat().sort(byScoreThenId);
    const loaded: string[] = [];
    const { top } = await preRankedTop(groups, n, personalMax, async (keys) => {
      loaded.push(...keys);
      return keys.flatMap((k) => members.get(k)!.map((s) => ({ ...s })));
    });
    assert.deepEqual(top, everyone.slice(0, n), `seed ${seed}`);
    assert.equal(new Set(loaded).size, loaded.length, `seed ${seed}: no group is read twice`);
  }
});

test('pre-ranking reads only the groups that can still reach the top list', async () => {
  const groups: CandidateGroup[] = [
    { key: 'same-major-near', base: 60, count: 30 },
    { key: 'same-major-far', base: 45, count: 100 },
    { key: 'category-near', base: 38, count: 500 },
    { key: 'cluster-far', base: 10, count: 5000 },
  ];
  const read: string[] = [];
  const { top } = await preRankedTop(groups, 20, 40, async (keys) => {
    read.push(...keys);
    // The nearest same-major students all score 95: nothing below base 55 can reach them.
    return keys.flatMap((k) => (k === 'same-major-near' ? Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, score: 95 })) : []));
  });
  assert.equal(top.length, 20);
  assert.deepEqual(read, ['same-major-near']);
});

test('fewer candidates than the list: everyone is read and returned', async () => {
  const { top, considered } = await preRankedTop(
    [
      { key: 'a', base: 10, count: 2 },
      { key: 'b', base: 5, count: 0 },
    ],
    20,
    40,
    async (keys) =>
      keys.flatMap((k) =>
        k === 'a'
          ? [
              { id: 'x', score: 12 },
              { id: 'y', score: 30 },
            ]
          : [],
      ),
  );
  assert.deepEqual(
    top.map((t) => t.id),
    ['y', 'x'],
  );
  assert.equal(considered, 2);
});

test('a student who can only tie the n-th score is still read, and wins the tie on a lower id', async () => {
  const members: Record<string, { id: string; score: number }[]> = {
    near: Array.from({ length: 3 }, (_, i) => ({ id: `m${i}`, score: 60 })),
    far: [{ id: 'a0', score: 60 }],
  };
  const { top } = await preRankedTop(
    [
      { key: 'near', base: 60, count: 3 },
      { key: 'far', base: 20, count: 1 },
    ],
    3,
    40,
    async (keys) => keys.flatMap((k) => members[k]!),
  );
  assert.deepEqual(
    top.map((t) => t.id),
    ['a0', 'm0', 'm1'],
  );
});
