import { spawnSync } from 'node:child_process';

/**
 * `npm run bench [name…]`: runs the benchmarks under bench/ one after another, each printing JSON lines.
 * With names, only those run (e.g. `npm run bench foundation`).
 */
const ALL = [
  'foundation',
  'search',
  'lists',
  'import',
  'creditbank',
  'creditbank-bulk',
  'cockpit',
  'mcf',
  'internships',
  'matching',
  'pii-rotate',
  'front-door',
  'backup',
  'home',
  'forecast',
  'certification',
  'calls',
  'quality-reports',
  'quality',
  'surveys',
];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
let failed = false;
for (const name of chosen) {
  if (!ALL.includes(name)) {
    console.error(`unknown benchmark ${name}; known: ${ALL.join(', ')}`);
    process.exit(2);
  }
  const r = spawnSync(process.execPath, [`bench/${name}.ts`], { stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
