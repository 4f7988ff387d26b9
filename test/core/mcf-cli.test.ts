import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDimacs, solveMinCostFlow } from '../../core/allocation/mcf/index.ts';

/**
 * `npm run --silent solve-mcf -- FILE` (scripts/solve-mcf.ts): its output and exit codes; and, when the
 * reference solver has been built (`node bench/mcf.ts` builds .bench/lemon-mcf from
 * ../shared/bench/lemon-mcf.cpp), the same answers as LEMON on 300 random DIMACS files.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/solve-mcf.ts');
const lemon = path.join(root, '.bench/lemon-mcf');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-mcf-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let fileNo = 0;
function file(text: string): string {
  const f = path.join(tmp, `p${fileNo++}.dimacs`);
  fs.writeFileSync(f, text);
  return f;
}

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('solve-mcf', () => {
  test('prints cost=<optimum> and exits 0', () => {
    const r = run([file('p min 4 5\nn 1 4\nn 4 -4\na 1 2 0 4 2\na 1 3 0 2 2\na 2 3 0 2 1\na 2 4 0 3 3\na 3 4 0 5 1\n')]);
    assert.deepEqual(r, { code: 0, out: 'cost=14\n', err: '' });
  });

  test('negative optimum, lower bounds', () => {
    const r = run([file('p min 2 2\na 1 2 2 3 -5\na 2 1 0 5 2\n')]);
    assert.equal(r.out, 'cost=-9\n');
  });

  test('infeasible: status=infeasible, exit 1', () => {
    assert.deepEqual(run([file('p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 3 1\n')]), { code: 1, out: 'status=infeasible\n', err: '' });
    assert.deepEqual(run([file('p min 2 1\nn 1 5\na 1 2 0 9 1\n')]), { code: 1, out: 'status=infeasible\n', err: '' });
  });

  test('unbounded: status=unbounded, exit 1', () => {
    const r = run([file('p min 2 2\na 1 2 0 9223372036854775807 -1\na 2 1 0 9223372036854775807 0\n')]);
    assert.deepEqual(r, { code: 1, out: 'status=unbounded\n', err: '' });
  });

  test('bad input: the line and the problem on stderr, exit 2, nothing on stdout', () => {
    const f = file('p min 3 1\na 1 4 0 1 1\n');
    const r = run([f]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, `${f}: line 2: unknown node id 4 in TO (nodes are 1..3)\n`);
    assert.match(run([file('p min 2 1\na 1 2 0 -1 1\n')]).err, /line 2: negative capacity -1/);
    assert.match(run([file('p min 2 1\na 1 2 3 1 1\n')]).err, /line 2: lower bound 3 exceeds capacity 1/);
    assert.match(run([file('p min 2 2\na 1 2 0 1 1\na 1 2')]).err, /line 3: truncated line: LOW is missing/);
    assert.match(run([file('p min 2 2\na 1 2 0 1 1\n')]).err, /declares 2 arcs but the file has 1/);
  });

  test('a missing file, a directory, no file, two files: exit 2', () => {
    const r = run([path.join(tmp, 'nope.dimacs')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot open .*nope\.dimacs: ENOENT/);
    assert.equal(run([tmp]).code, 2);
    assert.match(run([]).err, /^usage:/);
    assert.equal(run(['a', 'b']).code, 2);
  });

  test('"-" reads standard input; --stats adds a JSON line on stderr', () => {
    const r = run(['--stats', '-'], 'p min 2 1\nn 1 1\nn 2 -1\na 1 2 0 1 7\n');
    assert.equal(r.out, 'cost=7\n');
    const stats = JSON.parse(r.err);
    assert.equal(stats.arcs, 1);
    assert.ok(stats.peak_rss_mib > 0);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe(
  'the same answers as the reference (LEMON)',
  { skip: !fs.existsSync(lemon) && 'run `node bench/mcf.ts` first to build .bench/lemon-mcf' },
  () => {
    test('300 random DIMACS files: equal optimal costs, infeasible where LEMON is', () => {
      const rand = mulberry32(2024);
      const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
      const files: string[] = [];
      for (let i = 0; i < 300; i++) {
        const n = int(1, 12);
        const m = int(0, 5 * n);
        const lines = [`c random ${i}`, `p min ${n} ${m}`];
        const supply = Array.from({ length: n }, () => (rand() < 0.5 ? int(-5, 5) : 0));
        const sum = supply.reduce((a, b) => a + b, 0);
        if (rand() < 0.5) supply[int(0, n - 1)]! -= sum + int(0, 3);
        supply.forEach((s, k) => s !== 0 && lines.push(`n ${k + 1} ${s}`));
        for (let a = 0; a < m; a++) {
          const lo = rand() < 0.2 ? int(0, 2) : 0;
          lines.push(`a ${int(1, n)} ${int(1, n)} ${lo} ${lo + int(0, 9)} ${int(-10, 10)}`);
        }
        files.push(file(lines.join('\n') + '\n'));
      }
      let optimal = 0;
      for (const f of files) {
        // Our engine in-process (the CLI prints exactly this line), LEMON as a process.
        const r = solveMinCostFlow(parseDimacs(fs.readFileSync(f)));
        const ours = r.status === 'optimal' ? `cost=${r.cost}` : `status=${r.status}`;
        const ref = spawnSync(lemon, [f], { encoding: 'utf8' });
        const refLine = ref.stdout.split(' ')[0]!.trim();
        assert.equal(ours, refLine, `${f}:\n${fs.readFileSync(f, 'utf8')}`);
        if (refLine.startsWith('cost=')) optimal++;
      }
      assert.ok(optimal > 100, `${optimal} optimal instances`);
    });
  },
);
