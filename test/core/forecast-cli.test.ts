import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** `npm run --silent forecast -- FILE --season M --horizon H` (scripts/forecast.ts) run as a process. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forecast-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/forecast.ts'), ...args], { encoding: 'utf8', input, cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, text: string) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}
const monthly = (values: number[], start = 2020) =>
  'period,value\n' + values.map((v, i) => `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${v}`).join('\n') + '\n';

describe('forecast CLI', () => {
  test('prints the header and one line per step; a pure seasonal series forecasts exactly', () => {
    const pattern = [3, 5, 8, 13, 21, 34, 21, 13, 8, 5, 3, 2];
    const p = file('seasonal.csv', monthly(Array.from({ length: 48 }, (_, i) => pattern[i % 12])));
    const r = run([p, '--season', '12', '--horizon', '14']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'step,mean,lo80,hi80,lo95,hi95');
    assert.equal(lines.length, 15);
    lines.slice(1).forEach((line, i) => {
      const [step, mean, lo80, hi80, lo95, hi95] = line.split(',').map(Number);
      assert.equal(step, i + 1);
      assert.ok(Math.abs(mean - pattern[i % 12]) < 1e-6, line);
      assert.ok(lo95 <= lo80 && lo80 <= mean && mean <= hi80 && hi80 <= hi95, line);
    });
  });

  test('reads standard input, a quarterly public series, and widens its intervals with the horizon', () => {
    const text = fs.readFileSync(path.join(root, 'bench/data/airpassengers-quarterly.csv'), 'utf8');
    const r = run(['-', '--season', '4', '--horizon', '8', '--explain'], text);
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number));
    assert.equal(rows.length, 8);
    assert.ok(rows[7][5] - rows[7][4] > rows[0][5] - rows[0][4]);
    const explained = JSON.parse(r.stderr) as { method: string; scores: { method: string; relative: number }[] };
    assert.equal(explained.scores.find((s) => s.method === 'seasonal-naive')!.relative, 1);
    assert.ok(explained.scores.some((s) => s.method === explained.method));
  });

  for (const [name, text, reason] of [
    ['a missing header', '2020-01,1\n2020-02,2\n', /missing header/],
    ['a gap', monthly([1, 2, 3]).replace('2020-02', '2020-04'), /gap/],
    ['a non-number', monthly([1, 2, 3]).replace(',2\n', ',two\n'), /not a number/],
    ['too short a series', monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]), /too short: 13 values, at least 24/],
  ] as const) {
    test(`exits 2 with the reason for ${name}`, () => {
      const r = run([file('bad.csv', text), '--season', '12', '--horizon', '3']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, reason);
    });
  }

  test('exits 2 on bad arguments and a missing file', () => {
    assert.equal(run(['x.csv', '--season', '12']).code, 2);
    assert.equal(run(['x.csv', '--season', 'twelve', '--horizon', '3']).code, 2);
    const missing = run([path.join(dir, 'none.csv'), '--season', '12', '--horizon', '3']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});
