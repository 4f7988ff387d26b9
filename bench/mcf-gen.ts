import fs from 'node:fs';

/**
 * Generator of DIMACS min-cost-flow graphs shaped like the city-wide internship allocation (issue 4 item 5),
 * seeded, so the same options always write the same file.
 *
 * Nodes: 1 = source, then the students, then the posts, then the sink. Arcs:
 *   source → student   LOW 0, CAP 1, COST 0        (each student at most one post)
 *   student → post     LOW 0, CAP 1, COST −score   (the candidate posts of the student, score 1..100)
 *   post → sink        LOW 0, CAP places, COST 0   (places 1..14)
 *   source → sink      LOW 0, CAP students, COST 0 (the bypass: a student may stay unassigned)
 * Supplies: source +students, sink −students. Σ supply = 0, so LEMON's default GEQ constraints are equalities
 * and the bypass carries the unassigned students; the minimum cost is minus the maximum total score.
 *
 * Candidates are drawn without repetition, most of them from the student's own district (16 districts) and
 * the rest city-wide, both weighted by a power-law popularity of posts, so that popular posts are contested.
 *
 *   node bench/mcf-gen.ts [--students 60000] [--posts 8000] [--per 50] [--seed 1] --out FILE
 */
export interface AllocationGraphOptions {
  students: number;
  posts: number;
  perStudent: number;
  seed: number;
}

export interface AllocationGraphSizes {
  nodes: number;
  arcs: number;
  bytes: number;
}

/** mulberry32: a small seeded PRNG, enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = 16;
const LOCAL_SHARE = 0.7;

export function writeAllocationGraph(opts: AllocationGraphOptions, file: string): AllocationGraphSizes {
  const { students: S, posts: P, seed } = opts;
  const K = Math.min(opts.perStudent, P);
  const rand = prng(seed);
  const source = 1;
  const firstStudent = 2;
  const firstPost = 2 + S;
  const sink = 2 + S + P;
  const nodes = S + P + 2;
  const arcs = S + S * K + P + 1;

  // Posts: district, popularity (power law over a random rank), places, attractiveness.
  const district = new Int32Array(P);
  const weight = new Float64Array(P);
  const places = new Int32Array(P);
  const appeal = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    district[p] = Math.floor(rand() * DISTRICTS);
    weight[p] = 1 / Math.pow(1 + Math.floor(rand() * P), 0.8);
    places[p] = 1 + Math.floor(rand() * 14);
    appeal[p] = rand();
  }
  // Cumulative weights, city-wide and per district, for sampling by binary search.
  const byDistrict: number[][] = Array.from({ length: DISTRICTS }, () => []);
  for (let p = 0; p < P; p++) byDistrict[district[p]!]!.push(p);
  const cumulative = (ids: number[]) => {
    const c = new Float64Array(ids.length);
    let s = 0;
    ids.forEach((p, i) => (c[i] = s += weight[p]!));
    return c;
  };
  const allIds = Array.from({ length: P }, (_, p) => p);
  const allCum = cumulative(allIds);
  const districtCum = byDistrict.map(cumulative);
  const pick = (ids: number[], cum: Float64Array) => {
    const x = rand() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return ids[lo]!;
  };

  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let out = '';
  const flush = (force: boolean) => {
    if (out.length > (force ? 0 : 1 << 22)) {
      bytes += fs.writeSync(fd, out);
      out = '';
    }
  };
  try {
    out += `c allocation graph: ${S} students x ${P} posts, ${K} candidate posts each, seed ${seed}\n`;
    out += `c source ${source}, students ${firstStudent}..${firstPost - 1}, posts ${firstPost}..${sink - 1}, sink ${sink}\n`;
    out += `p min ${nodes} ${arcs}\n`;
    out += `n ${source} ${S}\nn ${sink} ${-S}\n`;
    for (let s = 0; s < S; s++) out += `a ${source} ${firstStudent + s} 0 1 0\n`;
    flush(false);
    const chosen = new Int32Array(K);
    for (let s = 0; s < S; s++) {
      const home = Math.floor(rand() * DISTRICTS);
      const skill = rand();
      const local = byDistrict[home]!.length >= K ? Math.round(K * LOCAL_SHARE) : 0;
      let count = 0;
      while (count < K) {
        const p = count < local ? pick(byDistrict[home]!, districtCum[home]!) : pick(allIds, allCum);
        let dup = false;
        for (let i = 0; i < count; i++)
          if (chosen[i] === p) {
            dup = true;
            break;
          }
        if (dup) continue;
        chosen[count++] = p;
        const near = district[p] === home ? 1 : 0;
        const score = 1 + Math.min(99, Math.floor(40 * rand() + 25 * appeal[p]! + 20 * skill + 14 * near));
        out += `a ${firstStudent + s} ${firstPost + p} 0 1 ${-score}\n`;
      }
      flush(false);
    }
    for (let p = 0; p < P; p++) out += `a ${firstPost + p} ${sink} 0 ${places[p]} 0\n`;
    out += `a ${source} ${sink} 0 ${S} 0\n`;
    flush(true);
  } finally {
    fs.closeSync(fd);
  }
  return { nodes, arcs, bytes };
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} needs a positive integer`);
  return v;
}

if (import.meta.main) {
  const outIndex = process.argv.indexOf('--out');
  if (outIndex < 0 || !process.argv[outIndex + 1]) {
    console.error('usage: node bench/mcf-gen.ts [--students 60000] [--posts 8000] [--per 50] [--seed 1] --out FILE');
    process.exit(2);
  }
  const sizes = writeAllocationGraph(
    {
      students: argValue('students', 60000),
      posts: argValue('posts', 8000),
      perStudent: argValue('per', 50),
      seed: argValue('seed', 1),
    },
    process.argv[outIndex + 1]!,
  );
  console.log(JSON.stringify(sizes));
}
