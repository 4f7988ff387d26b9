import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Issue 13: a clone of the repository with nothing beside it runs, tests and benchmarks. No file of the server,
 * the scripts, the tests, the benchmarks or the web app may read a path outside the repository: neither the
 * developers' `../shared` folder nor any path that climbs above the repository's root. Comments may mention
 * `../shared` (it is reading material for developers); code may not build a path to it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIRS = ['server', 'scripts', 'test', 'bench', 'web/src'];

/**
 * The one allowed reader outside the repository, with its reason: LEMON's reference solver is a yardstick, not
 * part of the platform; the benchmark says so and stops when it is absent (and its test is skipped).
 */
const ALLOWED: Record<string, string> = {
  'bench/mcf.ts': 'LEMON reference solver source (optional; reported as missing when absent)',
  'test/core/self-contained.test.ts': 'the samples this check is tested on',
};

function sources(): string[] {
  return DIRS.flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(tsx?|mjs|js)$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name))),
  );
}

/** The code without its comments (strings are kept, so `'//'` inside a literal does not cut the line). */
function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += ch;
  }
  return out;
}

/** Every way the code builds a path outside the repository that this check recognises, with the offending text. */
function outsideReads(file: string, code: string): string[] {
  const found: string[] = [];
  const fileDir = path.dirname(path.join(root, file));
  // A literal naming the developers' folder: '../shared/…', 'shared' as a path segment, SHARED_DATA_DIR.
  for (const m of code.matchAll(
    /(['"`])[^'"`\n]*?\.\.\/shared\b[^'"`\n]*\1|path\.(?:join|resolve)\([^)]*['"]shared['"][^)]*\)|SHARED_DATA_DIR/g,
  ))
    found.push(m[0]);
  // new URL('<relative>', import.meta.url) that climbs above the root.
  for (const m of code.matchAll(/new URL\(\s*(['"`])([^'"`]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
    const target = path.resolve(fileDir, m[2]!);
    if (path.relative(root, target).startsWith('..')) found.push(m[0]);
  }
  // path.join/resolve(<the repository root>, '..', …): climbing out of the root by name.
  for (const m of code.matchAll(/path\.(?:join|resolve)\(\s*(?:root|repoRoot)\s*,\s*['"]\.\.(?:\/[^'"]*)?['"]/g)) found.push(m[0]);
  return found;
}

test('the check recognises a read outside the repository, and not a comment that mentions one', () => {
  const samples = [
    "const dir = path.join(repoRoot, '..', 'shared', 'data');",
    "const seed = readFileSync(new URL('../../../shared/seed/x.txt', import.meta.url));",
    "const f = '../shared/bench/lemon-mcf.cpp';",
    'const d = process.env.SHARED_DATA_DIR;',
    "const up = path.resolve(root, '../elsewhere/file.csv');",
  ];
  for (const s of samples) assert.notDeepEqual(outsideReads('test/core/x.test.ts', stripComments(s)), [], s);
  const fine = [
    '// the reference lives at ../shared/bench/lemon-mcf.cpp',
    "/** see '../shared/data' */ const x = 1;",
    "const own = new URL('../../policy/text/zhengzhou-2023.txt', import.meta.url);",
  ];
  for (const s of fine) assert.deepEqual(outsideReads('test/core/x.test.ts', stripComments(s)), [], s);
  // A string holding // is code, not the start of a comment.
  assert.notDeepEqual(outsideReads('test/core/x.test.ts', stripComments("const u = 'http://x//../shared/a';")), []);
});

test('no run-time path of the server, scripts, tests, benchmarks or web app lies outside the repository', () => {
  const bad = sources()
    .filter((f) => !(f in ALLOWED))
    .flatMap((f) => outsideReads(f, stripComments(fs.readFileSync(path.join(root, f), 'utf8'))).map((hit) => `${f}: ${hit}`));
  assert.deepEqual(bad, [], 'copy what is needed into the repository (reference data: server/catalogues/data/, with its source)');
});

test('the reference files the platform reads are in the repository', () => {
  for (const f of ['industry-gbt4754-2017.csv', 'zhengzhou-divisions.csv']) {
    assert.ok(fs.statSync(path.join(root, 'server/catalogues/data', f)).size > 0, f);
  }
  assert.ok(fs.readFileSync(path.join(root, 'policy/text/zhengzhou-2023.txt'), 'utf8').includes('郑政办〔2023〕38号'));
});
