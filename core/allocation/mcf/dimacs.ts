import type { McfProblem } from './types.ts';

/**
 * Reader of min-cost-flow problems in DIMACS format, fed in chunks (bytes or text) so that a 100 MB file is
 * never held in memory: lines are parsed as they complete, straight into typed arrays sized from the `p` line.
 *
 *   c any comment
 *   p min NODES ARCS          exactly once, before any n or a line; NODES ≥ 1
 *   n ID SUPPLY               at most once per node; positive = supply, negative = demand; default 0
 *   a FROM TO LOW CAP COST    exactly ARCS of them; 0 ≤ CAP, LOW ≤ CAP; COST may be negative
 *
 * Ids are 1..NODES. Numbers are integers within ±(2^53 − 1); a capacity of 9223372036854775807 (2^63 − 1,
 * LEMON's "infinite" for 64-bit values) or more means an uncapacitated arc. Anything else — unknown line
 * types, unknown node ids, truncated lines, extra fields, non-integers, negative capacities, LOW > CAP, a
 * missing or repeated `p` line, an arc count different from the `p` line's — is a DimacsError naming the line.
 */

export class DimacsError extends Error {
  /** 1-based line number; 0 when the error concerns the whole file. */
  readonly line: number;

  constructor(line: number, message: string) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'DimacsError';
    this.line = line;
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_LINE = 4096;
/** 2^63 − 1, as digits: capacities from here up are infinite. */
const INT64_MAX = 9223372036854775807n;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

function isSpace(b: number): boolean {
  return b === SPACE || b === TAB || b === CR;
}

export class DimacsReader {
  private line = 0;
  private carry = new Uint8Array(256);
  private carryLen = 0;
  private encoder: TextEncoder | null = null;
  private finished = false;

  // The line being parsed.
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private end = 0;
  /** Set by int() when a value does not fit in ±(2^53 − 1). */
  private big = 0n;

  private pLine = 0;
  private nodeCount = 0;
  private arcCount = 0;
  private arcsRead = 0;
  private supply: Float64Array | null = null;
  private supplyLine: Int32Array | null = null;
  private source: Int32Array | null = null;
  private target: Int32Array | null = null;
  private lower: Float64Array | null = null;
  private upper: Float64Array | null = null;
  private cost: Float64Array | null = null;

  /** Feed the next chunk of the file (UTF-8 bytes or text). The reader keeps no reference to it. */
  push(chunk: Uint8Array | string): void {
    if (this.finished) throw new Error('DimacsReader.push() after finish()');
    const bytes = typeof chunk === 'string' ? (this.encoder ??= new TextEncoder()).encode(chunk) : chunk;
    let start = 0;
    const n = bytes.length;
    while (start < n) {
      const nl = bytes.indexOf(LF, start);
      if (nl < 0) {
        this.keep(bytes, start, n);
        return;
      }
      this.line++;
      if (this.carryLen > 0) {
        this.keep(bytes, start, nl);
        this.parseLine(this.carry, 0, this.carryLen);
        this.carryLen = 0;
      } else {
        if (nl - start > MAX_LINE) this.fail(`line longer than ${MAX_LINE} characters`);
        this.parseLine(bytes, start, nl);
      }
      start = nl + 1;
    }
  }

  /** The end of the file: the last line (even without a final newline), then the whole-file checks. */
  finish(): McfProblem {
    if (this.finished) throw new Error('DimacsReader.finish() was already called');
    this.finished = true;
    if (this.carryLen > 0) {
      this.line++;
      this.parseLine(this.carry, 0, this.carryLen);
      this.carryLen = 0;
    }
    if (this.pLine === 0) throw new DimacsError(0, 'missing "p min NODES ARCS" line');
    if (this.arcsRead !== this.arcCount) {
      throw new DimacsError(
        this.pLine,
        `the p line declares ${this.arcCount} arcs but the file has ${this.arcsRead} arc lines (truncated file?)`,
      );
    }
    const problem: McfProblem = {
      nodeCount: this.nodeCount,
      arcCount: this.arcCount,
      supply: this.supply!,
      source: this.source!,
      target: this.target!,
      lower: this.lower,
      upper: this.upper!,
      cost: this.cost!,
    };
    this.supply = this.supplyLine = this.source = this.target = this.lower = this.upper = this.cost = null;
    return problem;
  }

  private keep(bytes: Uint8Array, from: number, to: number): void {
    const need = this.carryLen + (to - from);
    if (need > MAX_LINE) {
      this.line++;
      this.fail(`line longer than ${MAX_LINE} characters`);
    }
    if (need > this.carry.length) {
      const grown = new Uint8Array(Math.max(need, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLen));
      this.carry = grown;
    }
    this.carry.set(bytes.subarray(from, to), this.carryLen);
    this.carryLen = need;
  }

  private fail(message: string): never {
    throw new DimacsError(this.line, message);
  }

  private parseLine(buf: Uint8Array, start: number, end: number): void {
    let i = start;
    while (i < end && isSpace(buf[i]!)) i++;
    if (i === end) return;
    const kind = buf[i]!;
    if (kind === 0x63 /* c */) return;
    this.buf = buf;
    this.end = end;
    this.pos = i + 1;
    if (this.pos < end && !isSpace(buf[this.pos]!)) this.fail(`unknown line type "${this.word(i)}" (expected c, p, n or a)`);
    if (kind === 0x61 /* a */) this.arcLine();
    else if (kind === 0x6e /* n */) this.nodeLine();
    else if (kind === 0x70 /* p */) this.problemLine();
    else this.fail(`unknown line type "${this.word(i)}" (expected c, p, n or a)`);
  }

  /** The whitespace-delimited token starting at i, for messages. */
  private word(i: number): string {
    let j = i;
    while (j < this.end && !isSpace(this.buf[j]!) && j - i < 40) j++;
    let s = '';
    for (let k = i; k < j; k++) s += String.fromCharCode(this.buf[k]!);
    return s;
  }

  private skipSpace(): number {
    let i = this.pos;
    const b = this.buf;
    while (i < this.end && isSpace(b[i]!)) i++;
    return i;
  }

  /** The next field as an integer; ±Infinity (with the exact value in this.big) when beyond ±(2^53 − 1). */
  private int(field: string): number {
    const b = this.buf;
    const end = this.end;
    let i = this.skipSpace();
    if (i === end) this.fail(`truncated line: ${field} is missing`);
    const t0 = i;
    let neg = false;
    if (b[i] === 0x2d) {
      neg = true;
      i++;
    } else if (b[i] === 0x2b) i++;
    const d0 = i;
    let v = 0;
    while (i < end) {
      const d = b[i]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      i++;
    }
    if (i === d0 || (i < end && !isSpace(b[i]!))) this.fail(`${field} "${this.word(t0)}" is not an integer`);
    this.pos = i;
    if (i - d0 > 15) {
      let text = '';
      for (let k = d0; k < i; k++) text += String.fromCharCode(b[k]!);
      const exact = BigInt(text);
      if (exact > BigInt(MAX_SAFE)) {
        this.big = neg ? -exact : exact;
        return neg ? -Infinity : Infinity;
      }
      v = Number(exact);
    }
    return neg ? -v : v;
  }

  /** An integer field that must fit in ±(2^53 − 1). */
  private safeInt(field: string): number {
    const v = this.int(field);
    if (v === Infinity || v === -Infinity) this.fail(`${field} ${this.big} is outside ±(2^53 − 1), the range this solver computes exactly`);
    return v;
  }

  private nodeId(field: string): number {
    const t0 = this.skipSpace();
    const v = this.int(field);
    if (v < 1 || v > this.nodeCount) {
      this.fail(
        `unknown node id ${v === Infinity || v === -Infinity ? this.big : this.word(t0)} in ${field} (nodes are 1..${this.nodeCount})`,
      );
    }
    return v - 1;
  }

  private noMore(): void {
    const i = this.skipSpace();
    if (i < this.end) this.fail(`unexpected extra field "${this.word(i)}"`);
  }

  private problemLine(): void {
    if (this.pLine !== 0) this.fail(`duplicate p line (the first is on line ${this.pLine})`);
    const i = this.skipSpace();
    if (i === this.end) this.fail('truncated line: the problem type ("min") is missing');
    const type = this.word(i);
    if (type !== 'min') this.fail(`problem type "${type}" is not supported (expected "p min NODES ARCS")`);
    this.pos = i + 3;
    const n = this.safeInt('NODES');
    const m = this.safeInt('ARCS');
    this.noMore();
    if (n < 1) this.fail(`NODES must be at least 1 (got ${n})`);
    if (m < 0) this.fail(`ARCS must not be negative (got ${m})`);
    if (n > 0x3fffffff || m + 2 * n + 2 > 0x7fffffff)
      this.fail(`a problem of ${n} nodes and ${m} arcs is larger than this solver handles (arcs + 2·nodes < 2^31)`);
    try {
      this.supply = new Float64Array(n);
      this.supplyLine = new Int32Array(n);
      this.source = new Int32Array(m);
      this.target = new Int32Array(m);
      this.upper = new Float64Array(m);
      this.cost = new Float64Array(m);
    } catch {
      this.fail(`cannot allocate memory for ${n} nodes and ${m} arcs`);
    }
    this.pLine = this.line;
    this.nodeCount = n;
    this.arcCount = m;
  }

  private nodeLine(): void {
    if (this.pLine === 0) this.fail('n line before the p line');
    const id = this.nodeId('ID');
    const s = this.safeInt('SUPPLY');
    this.noMore();
    const seen = this.supplyLine![id]!;
    if (seen !== 0) this.fail(`node ${id + 1} already has a supply (line ${seen})`);
    this.supplyLine![id] = this.line;
    this.supply![id] = s;
  }

  private arcLine(): void {
    if (this.pLine === 0) this.fail('a line before the p line');
    if (this.arcsRead === this.arcCount) this.fail(`more arc lines than the ${this.arcCount} declared on the p line (line ${this.pLine})`);
    const u = this.nodeId('FROM');
    const v = this.nodeId('TO');
    const low = this.safeInt('LOW');
    const cap = this.int('CAP');
    if (cap === Infinity) {
      if (this.big < INT64_MAX)
        this.fail(`CAP ${this.big} is outside ±(2^53 − 1), the range this solver computes exactly (9223372036854775807 means no capacity)`);
    } else if (cap === -Infinity) {
      this.fail(`negative capacity ${this.big}`);
    }
    const cost = this.safeInt('COST');
    this.noMore();
    if (cap < 0) this.fail(`negative capacity ${cap}`);
    if (low > cap) this.fail(`lower bound ${low} exceeds capacity ${cap}`);
    const a = this.arcsRead++;
    this.source![a] = u;
    this.target![a] = v;
    this.upper![a] = cap;
    this.cost![a] = cost;
    if (low !== 0) {
      this.lower ??= new Float64Array(this.arcCount);
      this.lower[a] = low;
    }
  }
}

/** Parse a whole DIMACS text (tests and small inputs); large files go through DimacsReader chunk by chunk. */
export function parseDimacs(text: string | Uint8Array): McfProblem {
  const reader = new DimacsReader();
  reader.push(text);
  return reader.finish();
}
