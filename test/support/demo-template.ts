import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayOf } from '../../core/calendar.ts';
import { startServer } from './process.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** What the seeded demo city is made of: a change to any of these seeds a new one. */
const INPUTS = ['server', 'core', 'contracts', 'policy', 'package-lock.json'];
const PREFIX = 'chanjiao-demo-template-';

function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  for (const input of INPUTS) {
    const full = path.join(root, input);
    const files = fs.statSync(full).isDirectory()
      ? fs
          .readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      : [full];
    for (const f of files) hash.update(path.relative(root, f)).update('\0').update(fs.readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Older templates are of code that has changed since: removed so they do not pile up, but not while another test
 * process may still use one (another checkout's run on the same machine): a folder being built is left to its
 * living builder, a finished one for an hour.
 */
function stale(folder: string): boolean {
  const builder = /\.building-(\d+)$/.exec(folder)?.[1];
  if (builder) {
    try {
      process.kill(Number(builder), 0);
      return false;
    } catch {
      return true;
    }
  }
  return Date.now() - fs.statSync(folder).mtimeMs > 3_600_000;
}

/**
 * A data folder holding the tiny demo city as `npm start` seeds it, seeded once per version of the code and day, and
 * copied into each browser test file's own folder: seeding took a minute or more per file, the same city each
 * time. The copy is the embedded engine's folder after a clean stop, so each file starts on a city of its own.
 */
export async function seededDemoFolder(env: Record<string, string>, into: string): Promise<void> {
  // The demo city is seeded relative to the day it is made (open posts, reports due): a template is one day's.
  const day = todayOf(new Date());
  const template = path.join(
    os.tmpdir(),
    `${PREFIX}${inputsHash()}-${day}-${crypto.createHash('sha256').update(JSON.stringify(env)).digest('hex').slice(0, 8)}`,
  );
  if (!fs.existsSync(path.join(template, '.seeded'))) {
    for (const old of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(PREFIX) && stale(path.join(os.tmpdir(), n))))
      fs.rmSync(path.join(os.tmpdir(), old), { recursive: true, force: true });
    const building = `${template}.building-${process.pid}`;
    const server = await startServer({ ...env, DATA_DIR: building });
    await server.stop();
    fs.writeFileSync(path.join(building, '.seeded'), '');
    fs.renameSync(building, template);
  }
  fs.cpSync(template, into, { recursive: true });
  fs.rmSync(path.join(into, '.seeded'));
}
