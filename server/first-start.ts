import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from './platform/clock.ts';

/**
 * A first start on the embedded engine creates the database, migrates it and loads the demo city: minutes of
 * work that a Ctrl-C or a crash can cut short, leaving a database that looks in use but holds half a city. A
 * marker file in the data folder says "first start under way" until the start has finished; a start that finds
 * it throws the unfinished database away and begins again (the key file beside it is kept: nothing was
 * protected with it that survives).
 */
const MARKER = 'first-start-incomplete';

export function embeddedDatabaseDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Before opening the embedded database. Returns a line for the person at the terminal when it had to start over. */
export function beginFirstStart(dataDir: string): string | null {
  const marker = path.join(dataDir, MARKER);
  const database = embeddedDatabaseDir(dataDir);
  let notice: string | null = null;
  if (fs.existsSync(marker)) {
    fs.rmSync(database, { recursive: true, force: true });
    notice = `上次首次启动未完成（数据库 ${database} 在建立或导入演示数据时中断），已删除未完成的数据库，重新开始`;
  } else if (fs.existsSync(database)) return null;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(marker, `${systemClock().toISOString()} 首次启动进行中；若启动中断，下次启动会删除 pglite/ 并重新建立\n`);
  return notice;
}

/** After the first start has migrated and seeded: the database is whole. */
export function endFirstStart(dataDir: string): void {
  fs.rmSync(path.join(dataDir, MARKER), { force: true });
}
