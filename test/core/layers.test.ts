import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The dependency rule of ARCHITECTURE.md, enforced: the pure core imports nothing but itself and zod-free
 * standard code (no node: I/O, no database, no server); contracts import only zod and the core; the web app
 * never imports the server.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)) : spec;
}

const rules: { layer: string; allowed: (target: string) => boolean; why: string }[] = [
  { layer: 'core', allowed: (t) => t.startsWith('core/'), why: 'the core is pure: no I/O, no packages, no server' },
  { layer: 'contracts', allowed: (t) => t === 'zod' || t.startsWith('contracts/') || t.startsWith('core/'), why: 'contracts are shared with the browser' },
  { layer: 'web/src', allowed: (t) => !t.startsWith('server/') && !t.startsWith('node:'), why: 'the web app talks to the server over HTTP only' },
];

for (const rule of rules) {
  test(`${rule.layer} respects the dependency rule (${rule.why})`, () => {
    const files = fs.existsSync(path.join(root, rule.layer)) ? sources(rule.layer) : [];
    const bad = files.flatMap((f) => imports(f).map((s) => resolved(f, s)).filter((t) => !rule.allowed(t)).map((t) => `${f} → ${t}`));
    assert.deepEqual(bad, []);
  });
}
