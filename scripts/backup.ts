/**
 * `npm run backup [-- FILE]` — writes a backup of the platform database (DATABASE_URL's server with pg_dump, or
 * the embedded database in DATA_DIR, which must not be open) to FILE, by default `backups/chanjiao-<time>` in
 * Zhengzhou time. Prints `backup=FILE bytes=N seconds=S`; exits 1 with the reason when it cannot.
 */
import path from 'node:path';
import { stampOf } from '../core/calendar.ts';
import { loadConfig } from '../server/platform/config.ts';
import { backupDatabase, backupExtension, BackupError } from '../server/platform/db/backup.ts';
import { systemClock } from '../server/platform/clock.ts';

const config = loadConfig();
const file = process.argv[2] ?? path.join('backups', `chanjiao-${stampOf(systemClock())}${backupExtension(config)}`);
const t0 = performance.now();
try {
  const { bytes } = await backupDatabase(config, file);
  console.log(`backup=${file} bytes=${bytes} seconds=${((performance.now() - t0) / 1000).toFixed(1)}`);
} catch (err) {
  console.error(err instanceof BackupError ? `backup failed: ${err.message}` : err);
  process.exitCode = 1;
}
