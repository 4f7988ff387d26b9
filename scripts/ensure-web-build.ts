import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the web app before `npm start` when web/dist is missing or older than any web source, so that
 * `npm install && npm start` on a fresh machine serves the app and a restart does not rebuild for nothing.
 */
const root = process.cwd();
const dist = path.join(root, 'web/dist/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return t;
}

const sourcesTime = Math.max(
  newest(path.join(root, 'web/src')),
  newest(path.join(root, 'contracts')),
  fs.statSync(path.join(root, 'web/index.html')).mtimeMs,
);
if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < sourcesTime) {
  console.log('Building the web app (web/dist)…');
  const r = spawnSync('vite', ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit', shell: false });
  process.exit(r.status ?? 1);
}
