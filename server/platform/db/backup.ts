import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { PGLITE_PID_FILE } from './engine.ts';

/**
 * Backup and restore of the whole platform database. On a PostgreSQL server: `pg_dump` in its custom format
 * (a consistent snapshot taken while the platform runs) and `pg_restore` in one transaction. On the embedded
 * engine: PGlite's own `dumpDataDir`, a consistent gzip tarball of its data folder, loaded back with `loadDataDir`;
 * the embedded engine belongs to one process, so the platform must be stopped for either.
 */
export interface BackupSource {
  databaseUrl: string | undefined;
  /** A schema of its own instead of the whole database (tests). */
  databaseSchema: string | undefined;
  dataDir: string;
}

export class BackupError extends Error {}

const run = promisify(execFile);

export function backupExtension(source: BackupSource) {
  return source.databaseUrl ? '.dump' : '.tar.gz';
}

export async function backupDatabase(source: BackupSource, file: string): Promise<{ bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (source.databaseUrl) {
    await tool('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, ...schemaArgs(source), `--dbname=${source.databaseUrl}`]);
  } else {
    const folder = path.join(source.dataDir, 'pglite');
    assertNotInUse(source.dataDir);
    if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) throw new BackupError(`no embedded database in ${folder}`);
    const pglite = await PGlite.create({ dataDir: folder, extensions: { pg_trgm } });
    try {
      const tarball = await pglite.dumpDataDir('gzip');
      fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    } finally {
      await pglite.close();
    }
  }
  return { bytes: fs.statSync(file).size };
}

/**
 * Loads a backup. The target must be empty unless `replace` is given: then the server's objects are dropped
 * first (in the restore's transaction), or the embedded folder is set aside as `pglite.replaced-<time>`.
 */
export async function restoreDatabase(source: BackupSource, file: string, opts: { replace?: boolean; stamp: string }): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`backup file ${file} does not exist`);
  if (source.databaseUrl) {
    const occupied = await hasPlatformTables(source);
    if (occupied && !opts.replace)
      throw new BackupError("the database already holds the platform's tables: restore into an empty database, or pass --replace");
    await tool('pg_restore', [
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      ...(occupied ? ['--clean', '--if-exists'] : []),
      `--dbname=${source.databaseUrl}`,
      file,
    ]);
    return;
  }
  const folder = path.join(source.dataDir, 'pglite');
  assertNotInUse(source.dataDir);
  if (fs.existsSync(folder) && fs.readdirSync(folder).length) {
    if (!opts.replace) throw new BackupError(`${folder} already holds a database: restore into an empty DATA_DIR, or pass --replace`);
    fs.renameSync(folder, `${folder}.replaced-${opts.stamp}`);
  }
  fs.mkdirSync(source.dataDir, { recursive: true });
  const loaded = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([fs.readFileSync(file)]), extensions: { pg_trgm } });
  await loaded.close();
}

function schemaArgs(source: BackupSource) {
  return source.databaseSchema ? [`--schema=${source.databaseSchema}`] : [];
}

async function hasPlatformTables(source: BackupSource): Promise<boolean> {
  const client = new pg.Client({ connectionString: source.databaseUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const r = await client.query('select to_regclass($1) is not null as present', [`${source.databaseSchema ?? 'public'}.users`]);
    return r.rows[0].present;
  } finally {
    await client.end();
  }
}

async function tool(name: string, args: string[]) {
  try {
    await run(name, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as { code?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new BackupError(`${name} is not installed (Debian: apt-get install postgresql-client)`);
    throw new BackupError(`${name} failed: ${(e.stderr || e.message).trim()}`);
  }
}

function assertNotInUse(dataDir: string) {
  const pidFile = path.join(dataDir, PGLITE_PID_FILE);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  if (pid === process.pid || !alive(pid)) return;
  throw new BackupError(`the embedded database in ${dataDir} is open in process ${pid}: stop the platform first`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}
