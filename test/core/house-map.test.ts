import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * ARCHITECTURE.md's "Where each capability lives" table is the newcomer's map of the house: every folder of
 * `server/` (the shared floor aside) has its row, and every row names a folder that exists.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
const section = doc.slice(doc.indexOf('### Where each capability lives'));
const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| capability') && !l.startsWith('|---'));
const mapped = rows.map((l) => /`server\/([a-z-]+)\/`/.exec(l.split('|')[2] ?? '')?.[1]).filter((c): c is string => !!c);
const folders = fs
  .readdirSync(path.join(root, 'server'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'platform')
  .map((e) => e.name);

test('every capability folder of server/ has its row in ARCHITECTURE.md', () => {
  assert.deepEqual(
    folders.filter((f) => !mapped.includes(f)),
    [],
  );
});

test('every row of the map names a folder that exists', () => {
  assert.deepEqual(
    mapped.filter((c) => !folders.includes(c)),
    [],
  );
});
