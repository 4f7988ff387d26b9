/**
 * `npm run restore -- FILE [--replace]` — loads a backup made by `npm run backup` into DATABASE_URL's database or
 * DATA_DIR's embedded database. The target must be empty unless --replace is given (the server's objects are
 * dropped in the restore's own transaction; the embedded folder is kept aside as `pglite.replaced-<time>`).
 * Afterwards, `npm run ledger:verify` checks the credit-bank ledger's chain.
 */
import { stampOf } from '../core/calendar.ts';
import { loadConfig } from '../server/platform/config.ts';
import { BackupError, restoreDatabase } from '../server/platform/db/backup.ts';
import { systemClock } from '../server/platform/clock.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run restore -- FILE [--replace]');
  process.exit(2);
}
const config = loadConfig();
const t0 = performance.now();
try {
  await restoreDatabase(config, file, { replace: args.includes('--replace'), stamp: stampOf(systemClock()) });
  console.log(`restored=${file} seconds=${((performance.now() - t0) / 1000).toFixed(1)}`);
} catch (err) {
  console.error(err instanceof BackupError ? `restore failed: ${err.message}` : err);
  process.exitCode = 1;
}
