import fs from 'node:fs';
import { forecastSeries, minimumLength, parseSeriesCsv, SeriesInputError } from '../core/forecast/index.ts';

/**
 * `npm run --silent forecast -- FILE --season M --horizon H [--explain]` (FILE `-` = standard input): reads a
 * CSV with header `period,value` (oldest first, no gaps), forecasts H steps with the method the rolling-origin
 * backtest chooses (core/forecast) and prints
 *
 *   step,mean,lo80,hi80,lo95,hi95     then one line per step 1…H      exit 0
 *   <reason> on stderr                                                  exit 2 (bad arguments, unreadable file,
 *                                                                       missing header, non-numbers, gaps, too short)
 *
 * `--explain` adds one JSON line on stderr: the method chosen and every method's backtest MASE.
 */
function fail(reason: string): never {
  console.error(`forecast: ${reason}`);
  process.exit(2);
}

const usage = 'usage: npm run --silent forecast -- FILE --season M --horizon H [--explain]   (FILE "-" reads standard input)';
const args = process.argv.slice(2);
let file: string | null = null;
let season: number | null = null;
let horizon: number | null = null;
let explain = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--season' || a === '--horizon') {
    const text = args[++i];
    if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) fail(`${a} needs a whole number ≥ 1\n${usage}`);
    if (a === '--season') season = Number(text);
    else horizon = Number(text);
  } else if (a === '--explain') explain = true;
  else if (a.startsWith('--')) fail(`unknown option ${a}\n${usage}`);
  else if (file === null) file = a;
  else fail(`one file only\n${usage}`);
}
if (file === null || season === null || horizon === null) fail(usage);

let text: string;
try {
  text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
} catch (e) {
  fail(`cannot read ${file}: ${(e as Error).message}`);
}
let values: number[];
try {
  values = parseSeriesCsv(text).values;
} catch (e) {
  if (e instanceof SeriesInputError) fail(`${file}: ${e.message}`);
  throw e;
}
if (values.length < minimumLength(season)) {
  fail(`${file}: too short: ${values.length} values, at least ${minimumLength(season)} needed (two seasons of ${season})`);
}
const result = forecastSeries(values, { season, horizon });
const number = (v: number) => String(Number(v.toFixed(6)));
const out = ['step,mean,lo80,hi80,lo95,hi95'];
for (const s of result.steps) out.push([s.step, number(s.mean), number(s.lo80), number(s.hi80), number(s.lo95), number(s.hi95)].join(','));
process.stdout.write(out.join('\n') + '\n');
if (explain)
  console.error(
    JSON.stringify({ method: result.method, origins: result.origins, backtestHorizon: result.backtestHorizon, scores: result.scores }),
  );
