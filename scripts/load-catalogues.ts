/**
 * `npm run catalogues:load` — load (or refresh) the reference catalogues: GB/T 4754-2017 industries, the
 * plan's industry clusters, districts / bureau / departments, and the major catalogue. Repeatable.
 *
 *   node scripts/load-catalogues.ts [--industry FILE] [--divisions FILE] [--majors FILE [--edition NAME]]…
 *     [--occupations FILE [--occupation-edition NAME]]… [--no-demo-majors] [--no-demo-occupations]
 *
 * --majors loads a Ministry spreadsheet (CSV UTF-8 or .xlsx: 层次,专业大类,专业类,专业代码,专业名称,年份) as a full edition.
 * --occupations loads a 职业分类大典 table (大类,中类,小类,细类（职业）, each cell "code name") as a full edition
 * (default 2022). With only --occupations given, --edition names its edition.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (default ./data).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors.ts';
import { formatSummary, loadReferenceData } from '../server/catalogues/load.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { reindexAll } from '../server/search/search-index.ts';

const { values } = parseArgs({
  options: {
    industry: { type: 'string' },
    divisions: { type: 'string' },
    majors: { type: 'string', multiple: true },
    edition: { type: 'string', multiple: true },
    occupations: { type: 'string', multiple: true },
    'occupation-edition': { type: 'string', multiple: true },
    'no-demo-majors': { type: 'boolean', default: false },
    'no-demo-occupations': { type: 'boolean', default: false },
  },
});

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const started = performance.now();
try {
  const summaries = await loadReferenceData(database.db, {
    industryFile: values.industry,
    divisionsFile: values.divisions,
    demoMajors: !values['no-demo-majors'],
    majorFiles: (values.majors ?? []).map((file, i) => ({ file, edition: values.edition?.[i] })),
    demoOccupations: !values['no-demo-occupations'],
    // `--occupations FILE --edition NAME` (no --majors) is the natural spelling of a lone occupation load.
    occupationFiles: (values.occupations ?? []).map((file, i) => ({
      file,
      edition: values['occupation-edition']?.[i] ?? (values.majors ? undefined : values.edition?.[i]),
    })),
  });
  for (const s of summaries) for (const line of formatSummary(s)) console.log(line);
  await reindexAll(database.db); // the search index's segmentation dictionary is built from the catalogues
  console.log(
    `完成，用时 ${Math.round(performance.now() - started)} ms（${database.engine === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）`,
  );
} catch (e) {
  if (e instanceof AppError && e.fields) {
    console.error(e.message);
    for (const [where, what] of Object.entries(e.fields)) console.error(`  ${where}: ${what}`);
  } else console.error(e);
  process.exitCode = 1;
} finally {
  await database.close();
}
