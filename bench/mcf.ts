import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAllocationGraph } from './mcf-gen.ts';

/**
 * Issue 4's benchmark (a): the allocation engine's min-cost-flow solver (core/allocation/mcf through
 * `npm run solve-mcf`) against the reference, LEMON's network simplex (../shared/bench/lemon-mcf.cpp), on the
 * same generated DIMACS allocation graphs (bench/mcf-gen.ts). Builds the reference into .bench/ (it needs
 * Debian's liblemon-dev; the script says so and stops rather than installing it), generates the graphs into
 * .bench/ (kept for the next run), runs both solvers one after the other `--repeat` times, checks that the
 * optimal costs are equal and prints JSON lines: the graph's size; every run's parse and solve times, wall and
 * CPU time and peak RSS (ours: VmHWM that the solver process reads from /proc/self/status as it ends; LEMON's:
 * ru_maxrss through /usr/bin/time); a summary with the ratios ours/LEMON of the best
 * runs, and the load average (the machine may be shared: CPU time is the steadier figure then).
 *
 *   node bench/mcf.ts [--sizes 6000x800,20000x2700,60000x8000] [--per 50] [--seed 1] [--repeat 3]
 *
 * Exit 1 when the costs differ, our peak RSS reaches 1 GiB, or the reference cannot be built.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, '.bench');
const source = path.resolve(root, '../shared/bench/lemon-mcf.cpp');
const lemon = path.join(benchDir, 'lemon-mcf');
const RSS_LIMIT_MIB = 1024;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const sizes = arg('sizes', '6000x800,20000x2700,60000x8000')
  .split(',')
  .map((s) => {
    const [students, posts] = s.split('x').map(Number);
    if (!Number.isInteger(students) || !Number.isInteger(posts)) throw new Error(`--sizes: "${s}" is not STUDENTSxPOSTS`);
    return { students: students!, posts: posts! };
  });
const perStudent = Number(arg('per', '50'));
const seed = Number(arg('seed', '1'));
const repeat = Number(arg('repeat', '3'));

function report(result: Record<string, unknown>) {
  console.log(JSON.stringify({ bench: 'mcf', ...result }));
}

/** Build the reference if needed; null when it cannot be built, with the reason reported. */
function buildReference(): string | null {
  if (!fs.existsSync(source)) {
    report({
      error: `the reference solver ${source} is missing: it is not part of the repository (developers have it in ../shared/bench); the comparison is skipped`,
    });
    return null;
  }
  if (!fs.existsSync('/usr/include/lemon/network_simplex.h')) {
    report({
      error:
        "LEMON is not installed: the reference needs Debian's liblemon-dev (as root: apt-get update && apt-get install -y liblemon-dev), then run this again",
    });
    return null;
  }
  if (fs.existsSync(lemon) && fs.statSync(lemon).mtimeMs > fs.statSync(source).mtimeMs) return lemon;
  const cmd = ['-O2', '-std=c++17', '-o', lemon, source, '-llemon'];
  const r = spawnSync('g++', cmd, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    report({ error: `cannot build the reference: g++ ${cmd.join(' ')}: ${r.error?.message ?? r.stderr.trim()}` });
    return null;
  }
  report({ built: lemon, command: `g++ ${cmd.join(' ')}` });
  return lemon;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** user + system CPU time and peak RSS (ru_maxrss) from /usr/bin/time, when it is installed. */
  cpuMs: number | null;
  maxRssMiB: number | null;
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Run a solver process, timing it from here; CPU time and peak RSS through /usr/bin/time when present. */
function measure(cmd: string, args: string[]): Promise<Run> {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const timeFile = path.join(benchDir, `time-${process.pid}.txt`);
  const [bin, argv] = timeBin ? [timeBin, ['-f', '%U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      let cpuMs: number | null = null;
      let maxRssMiB: number | null = null;
      if (timeBin) {
        const [user, sys, rssKb] = readOr(timeFile).trim().split('\n').pop()!.split(' ').map(Number);
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = Math.round((user! + sys!) * 1000);
        if (Number.isFinite(rssKb)) maxRssMiB = Math.round(rssKb! / 1024);
        fs.rmSync(timeFile, { force: true });
      }
      resolve({ code, stdout, stderr, wallMs, cpuMs, maxRssMiB });
    });
  });
}

function field(text: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(text);
  return m ? m[1]! : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

fs.mkdirSync(benchDir, { recursive: true });
const reference = buildReference();
let failed = reference === null;
const node = process.execPath;
const solveScript = path.join(root, 'scripts/solve-mcf.ts');

for (const size of sizes) {
  const file = path.join(benchDir, `alloc-${size.students}x${size.posts}x${perStudent}-s${seed}.dimacs`);
  const label = `${size.students}x${size.posts}`;
  const genStart = performance.now();
  let generated = false;
  if (!fs.existsSync(file)) {
    writeAllocationGraph({ ...size, perStudent, seed }, file + '.tmp');
    fs.renameSync(file + '.tmp', file);
    generated = true;
  }
  const head = fs.readFileSync(file, 'utf8').slice(0, 400);
  const [, nodes, arcs] = /\np min (\d+) (\d+)/.exec(head) ?? [];
  report({
    size: label,
    students: size.students,
    posts: size.posts,
    candidates_per_student: perStudent,
    seed,
    nodes: Number(nodes),
    arcs: Number(arcs),
    file: path.relative(root, file),
    file_mib: Math.round(fs.statSync(file).size / 2 ** 20),
    ...(generated ? { generate_ms: Math.round(performance.now() - genStart) } : {}),
  });

  const ours: { cost: string | null; parse: number; solve: number; wall: number; cpu: number | null; rss: number }[] = [];
  const refs: { cost: string | null; parse: number; solve: number; wall: number; cpu: number | null; rss: number | null }[] = [];
  for (let i = 0; i < repeat; i++) {
    if (reference) {
      const r = await measure(reference, [file]);
      const line = r.stdout.trim();
      const run = {
        cost: field(line, 'cost'),
        parse: Number(field(line, 'parse_ms')),
        solve: Number(field(line, 'solve_ms')),
        wall: Math.round(r.wallMs),
        cpu: r.cpuMs,
        rss: r.maxRssMiB,
      };
      refs.push(run);
      report({
        size: label,
        solver: 'lemon-network-simplex',
        run: i + 1,
        cost: run.cost,
        parse_ms: run.parse,
        solve_ms: run.solve,
        wall_ms: run.wall,
        cpu_ms: run.cpu,
        peak_rss_mib: run.rss,
        ...(r.code !== 0 ? { exit: r.code, stderr: r.stderr.trim() } : {}),
      });
    }
    const r = await measure(node, [solveScript, '--stats', file]);
    let stats: Record<string, number>;
    try {
      stats = JSON.parse(r.stderr.trim().split('\n').pop()!);
    } catch {
      report({ size: label, solver: 'chanjiao', error: r.stderr.trim() });
      failed = true;
      continue;
    }
    const run = {
      cost: field(r.stdout, 'cost'),
      parse: stats.parse_ms!,
      solve: stats.solve_ms!,
      wall: Math.round(r.wallMs),
      cpu: r.cpuMs,
      rss: stats.peak_rss_mib!,
    };
    ours.push(run);
    report({
      size: label,
      solver: 'chanjiao',
      run: i + 1,
      cost: run.cost,
      parse_ms: run.parse,
      solve_ms: run.solve,
      wall_ms: run.wall,
      cpu_ms: run.cpu,
      peak_rss_mib: run.rss,
      pivots: stats.pivots,
      cheap_arc_pivots: stats.cheap_arc_pivots,
      block_size: stats.block_size,
      ...(r.code !== 0 ? { exit: r.code } : {}),
    });
  }
  if (ours.length === 0) continue;
  const costs = new Set([...ours.map((r) => r.cost), ...refs.map((r) => r.cost)]);
  const equal = costs.size === 1 && !costs.has(null);
  const peak = Math.max(...ours.map((r) => r.rss));
  const best = <T extends { solve: number; wall: number; parse: number; cpu: number | null }>(rs: T[]) => ({
    solve_ms: Math.min(...rs.map((r) => r.solve)),
    parse_ms: Math.min(...rs.map((r) => r.parse)),
    wall_ms: Math.min(...rs.map((r) => r.wall)),
    cpu_ms: rs.every((r) => r.cpu !== null) ? Math.min(...rs.map((r) => r.cpu!)) : null,
    median_solve_ms: median(rs.map((r) => r.solve)),
  });
  const o = best(ours);
  const summary: Record<string, unknown> = {
    size: label,
    summary: true,
    runs: ours.length,
    costs_equal: reference ? equal : 'no reference',
    cost: ours[0]!.cost,
    ours_best: o,
    peak_rss_mib: peak,
    rss_under_1gib: peak < RSS_LIMIT_MIB,
  };
  if (refs.length) {
    const l = best(refs);
    summary.lemon_best = l;
    summary.ratio_solve = ratio(o.solve_ms, l.solve_ms);
    summary.ratio_median_solve = ratio(o.median_solve_ms, l.median_solve_ms);
    summary.ratio_parse = ratio(o.parse_ms, l.parse_ms);
    summary.ratio_wall = ratio(o.wall_ms, l.wall_ms);
    if (o.cpu_ms !== null && l.cpu_ms !== null) summary.ratio_cpu = ratio(o.cpu_ms, l.cpu_ms);
    summary.ratio_note = 'ours / LEMON, best of the runs; solve = after parsing, wall and cpu = the whole process';
  }
  summary.load_average = os.loadavg().map((x) => Math.round(x * 10) / 10);
  summary.cpus = os.cpus().length;
  report(summary);
  if ((reference && !equal) || peak >= RSS_LIMIT_MIB) failed = true;
}
process.exit(failed ? 1 : 0);
