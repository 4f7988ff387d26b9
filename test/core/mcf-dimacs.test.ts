import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DimacsError, DimacsReader, parseDimacs } from '../../core/allocation/mcf/index.ts';

/** The DIMACS min-cost-flow reader: the format, chunked input, and every kind of bad input with its line. */

const GOOD = [
  'c a comment',
  'c',
  'p min 4 5',
  'n 1 4',
  'n 4 -4',
  '',
  'a 1 2 0 4 2',
  'a 1 3 0 2 2',
  'a 2 3 1 2 -1',
  'a 2 4 0 3 3',
  'a 3 4 0 5 1',
  '',
].join('\n');

/** The error a text raises: its line and message. */
function errorOf(text: string): { line: number; message: string } {
  try {
    parseDimacs(text);
  } catch (e) {
    assert.ok(e instanceof DimacsError, `a DimacsError, not ${e}`);
    return { line: e.line, message: e.message };
  }
  assert.fail('no error raised');
}

function assertError(text: string, line: number, pattern: RegExp) {
  const e = errorOf(text);
  assert.equal(e.line, line, `line of: ${e.message}`);
  assert.match(e.message, pattern);
  if (line > 0) assert.match(e.message, new RegExp(`^line ${line}: `));
}

describe('reading', () => {
  test('nodes, supplies and arcs into typed arrays (0-based ids)', () => {
    const p = parseDimacs(GOOD);
    assert.equal(p.nodeCount, 4);
    assert.equal(p.arcCount, 5);
    assert.deepEqual([...p.supply], [4, 0, 0, -4]);
    assert.deepEqual([...p.source], [0, 0, 1, 1, 2]);
    assert.deepEqual([...p.target], [1, 2, 2, 3, 3]);
    assert.deepEqual([...p.lower!], [0, 0, 1, 0, 0]);
    assert.deepEqual([...p.upper], [4, 2, 2, 3, 5]);
    assert.deepEqual([...p.cost], [2, 2, -1, 3, 1]);
    assert.ok(p.supply instanceof Float64Array && p.source instanceof Int32Array);
  });

  test('no lower array when every lower bound is 0', () => {
    assert.equal(parseDimacs('p min 2 1\na 1 2 0 1 1\n').lower, null);
  });

  test('any chunking gives the same problem: one byte at a time, lines split anywhere, text or bytes', () => {
    const whole = parseDimacs(GOOD);
    const bytes = new TextEncoder().encode(GOOD);
    const r1 = new DimacsReader();
    for (let i = 0; i < bytes.length; i++) r1.push(bytes.subarray(i, i + 1));
    assert.deepEqual(r1.finish(), whole);
    const r2 = new DimacsReader();
    for (let i = 0; i < GOOD.length; i += 7) r2.push(GOOD.slice(i, i + 7));
    assert.deepEqual(r2.finish(), whole);
  });

  test('CRLF line endings, tabs, leading blanks, a "+" sign and a missing final newline', () => {
    const p = parseDimacs('p min 2 1\r\n\tn 1 +3\r\n  n 2 -3\r\na\t1 2  0 5 -2');
    assert.deepEqual([...p.supply], [3, -3]);
    assert.deepEqual([...p.cost], [-2]);
  });

  test('comments may hold anything, including non-ASCII text', () => {
    assert.equal(parseDimacs('c 郑州 产教 allocation\np min 1 0\nc end 🚀\n').nodeCount, 1);
  });

  test('n lines may come after a lines; zero arcs is fine', () => {
    assert.deepEqual([...parseDimacs('p min 2 1\na 1 2 0 1 1\nn 2 -1\n').supply], [0, -1]);
    assert.equal(parseDimacs('p min 3 0\n').arcCount, 0);
  });

  test("9223372036854775807 (LEMON's infinity) or more as capacity means uncapacitated", () => {
    const p = parseDimacs('p min 2 2\na 1 2 0 9223372036854775807 1\na 2 1 0 99999999999999999999 1\n');
    assert.deepEqual([...p.upper], [Infinity, Infinity]);
  });

  test('integers up to 2^53 − 1 are exact', () => {
    const p = parseDimacs('p min 2 1\nn 1 9007199254740991\nn 2 -9007199254740991\na 1 2 0 9007199254740991 -9007199254740991\n');
    assert.equal(p.supply[0], Number.MAX_SAFE_INTEGER);
    assert.equal(p.cost[0], -Number.MAX_SAFE_INTEGER);
  });
});

describe('bad input: a DimacsError naming the line', () => {
  test('unknown node ids (0, beyond NODES, in n and a lines)', () => {
    assertError('p min 3 1\na 1 4 0 1 1\n', 2, /unknown node id 4 in TO \(nodes are 1\.\.3\)/);
    assertError('p min 3 1\na 0 2 0 1 1\n', 2, /unknown node id 0 in FROM/);
    assertError('p min 3 1\nn 7 1\na 1 2 0 1 1\n', 2, /unknown node id 7 in ID/);
    assertError('p min 3 1\na -1 2 0 1 1\n', 2, /unknown node id -1/);
    assertError('p min 3 1\na 99999999999999999999 2 0 1 1\n', 2, /unknown node id 99999999999999999999/);
  });

  test('negative capacities', () => {
    assertError('p min 2 1\na 1 2 0 -1 5\n', 2, /negative capacity -1/);
    assertError('p min 2 1\na 1 2 -3 -1 5\n', 2, /negative capacity -1/);
    assertError('p min 2 1\na 1 2 0 -99999999999999999999 5\n', 2, /negative capacity/);
  });

  test('lower bound above the capacity', () => {
    assertError('p min 2 2\na 1 2 0 3 1\na 1 2 4 3 1\n', 3, /lower bound 4 exceeds capacity 3/);
  });

  test('truncated lines', () => {
    assertError('p min 2 1\na 1 2 0 5\n', 2, /truncated line: COST is missing/);
    assertError('p min 2 1\na 1 2\n', 2, /truncated line: LOW is missing/);
    assertError('p min 2 1\na\n', 2, /truncated line: FROM is missing/);
    assertError('p min 2 1\nn 1\na 1 2 0 1 1\n', 2, /truncated line: SUPPLY is missing/);
    assertError('p min 2\n', 1, /truncated line: ARCS is missing/);
    assertError('p\n', 1, /truncated line: the problem type/);
    // A file cut in the middle of its last line.
    assertError('p min 2 2\na 1 2 0 5 1\na 1 2 0', 3, /truncated line: CAP is missing/);
  });

  test('non-integers', () => {
    assertError('p min 2 1\na 1 2 0 1.5 1\n', 2, /CAP "1\.5" is not an integer/);
    assertError('p min 2 1\na 1 2 0 1 1e3\n', 2, /COST "1e3" is not an integer/);
    assertError('p min 2 1\na 1 2 0 x 1\n', 2, /CAP "x" is not an integer/);
    assertError('p min 2 1\na 1 2 0 5x 1\n', 2, /CAP "5x" is not an integer/);
    assertError('p min 2 1\nn 1 -\n', 2, /SUPPLY "-" is not an integer/);
    assertError('p min two 1\n', 1, /NODES "two" is not an integer/);
  });

  test('numbers beyond ±(2^53 − 1)', () => {
    assertError('p min 2 1\na 1 2 0 1 9007199254740992\n', 2, /COST 9007199254740992 is outside ±\(2\^53 − 1\)/);
    assertError('p min 2 1\nn 1 -9007199254740992\n', 2, /SUPPLY -9007199254740992 is outside/);
    assertError('p min 2 1\na 1 2 0 9007199254740992 1\n', 2, /CAP 9007199254740992 is outside .*9223372036854775807 means no capacity/);
  });

  test('missing p line', () => {
    assertError('c nothing\n', 0, /missing "p min NODES ARCS" line/);
    assertError('', 0, /missing "p min/);
    assertError('a 1 2 0 1 1\n', 1, /a line before the p line/);
    assertError('n 1 1\np min 2 0\n', 1, /n line before the p line/);
  });

  test('duplicate p line', () => {
    assertError('p min 2 0\nc\np min 2 0\n', 3, /duplicate p line \(the first is on line 1\)/);
  });

  test('arc count different from the p line', () => {
    assertError('c\np min 2 3\na 1 2 0 1 1\na 1 2 0 1 1\n', 2, /declares 3 arcs but the file has 2 arc lines/);
    assertError('p min 2 1\na 1 2 0 1 1\na 1 2 0 1 1\n', 3, /more arc lines than the 1 declared on the p line \(line 1\)/);
  });

  test('other malformed lines', () => {
    assertError('p max 2 0\n', 1, /problem type "max" is not supported/);
    assertError('p min 0 0\n', 1, /NODES must be at least 1/);
    assertError('p min 2 -1\n', 1, /ARCS must not be negative/);
    assertError('p min 2 0 7\n', 1, /unexpected extra field "7"/);
    assertError('p min 2 1\na 1 2 0 1 1 9\n', 2, /unexpected extra field "9"/);
    assertError('p min 2 0\nx 1 2\n', 2, /unknown line type "x"/);
    assertError('p min 2 0\nnode 1 2\n', 2, /unknown line type "node"/);
    assertError('p min 2 0\nn 1 5\nn 1 6\n', 3, /node 1 already has a supply \(line 2\)/);
    assertError('p min 3000000000 1\n', 1, /larger than this solver handles/);
    assertError(`p min 2 0\nc ${'x'.repeat(5000)}\n`, 2, /line longer than 4096 characters/);
  });

  test('a line longer than the limit is refused even when it arrives in pieces', () => {
    const r = new DimacsReader();
    r.push('p min 2 0\n');
    assert.throws(() => {
      for (let i = 0; i < 100; i++) r.push('1234567890'.repeat(10));
    }, /line 2: line longer than 4096 characters/);
  });
});
