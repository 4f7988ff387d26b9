import fs from 'node:fs';
import { DimacsError, DimacsReader, McfInputError, solveMinCostFlow } from '../core/allocation/mcf/index.ts';

/**
 * `npm run --silent solve-mcf -- FILE` (FILE `-` = standard input): solves the DIMACS min-cost-flow problem in
 * FILE with the allocation engine (core/allocation/mcf, LEMON's network simplex and LEMON's GEQ supply
 * semantics, as ../shared/bench/lemon-mcf.cpp) and prints
 *
 *   cost=<optimal total cost>   exit 0
 *   status=infeasible           exit 1   (no flow meets the supplies, bounds and capacities)
 *   status=unbounded            exit 1   (feasible, with a negative-cost cycle of uncapacitated arcs;
 *                                         the reference prints status=infeasible for this case too)
 *   <error message> on stderr   exit 2   (unreadable file, malformed DIMACS, numbers beyond exact range)
 *
 * `--stats` adds one JSON line on stderr: parse and solve times, pivots, peak RSS (VmHWM).
 * The file is read in 1 MiB chunks and parsed line by line into typed arrays; its text is never held whole.
 */
const args = process.argv.slice(2);
const stats = args.includes('--stats');
const files = args.filter((a) => a !== '--stats');
if (files.length !== 1 || (files[0]!.startsWith('-') && files[0] !== '-')) {
  console.error('usage: npm run --silent solve-mcf -- [--stats] FILE   (FILE "-" reads standard input)');
  process.exit(2);
}
const file = files[0]!;

function peakRssMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux: fall through
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

try {
  const t0 = performance.now();
  const reader = new DimacsReader();
  let fd: number;
  try {
    fd = file === '-' ? 0 : fs.openSync(file, 'r');
  } catch (e) {
    throw new Error(`cannot open ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (;;) {
    let got: number;
    try {
      got = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
    }
    if (got === 0) break;
    reader.push(chunk.subarray(0, got));
  }
  if (fd !== 0) fs.closeSync(fd);
  const problem = reader.finish();
  const t1 = performance.now();
  const result = solveMinCostFlow(problem);
  const t2 = performance.now();
  if (result.status === 'optimal') console.log(`cost=${result.cost}`);
  else console.log(`status=${result.status}`);
  if (stats) {
    console.error(
      JSON.stringify({
        nodes: problem.nodeCount,
        arcs: problem.arcCount,
        status: result.status,
        parse_ms: Math.round(t1 - t0),
        solve_ms: Math.round(t2 - t1),
        pivots: result.stats.pivots,
        initial_pivots: result.stats.initialPivots,
        cheap_arc_pivots: result.stats.cheapArcPivots,
        block_size: result.stats.blockSize,
        peak_rss_mib: peakRssMiB(),
      }),
    );
  }
  process.exitCode = result.status === 'optimal' ? 0 : 1;
} catch (e) {
  if (e instanceof DimacsError) console.error(`${file}: ${e.message}`);
  else if (e instanceof McfInputError) console.error(`${file}: ${e.message}`);
  else console.error(`${file}: ${(e as Error).message}`);
  process.exitCode = 2;
}
