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
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)) : spec;
}

const rules: { layer: string; allowed: (target: string) => boolean; why: string }[] = [
  { layer: 'core', allowed: (t) => t.startsWith('core/'), why: 'the core is pure: no I/O, no packages, no server' },
  {
    layer: 'contracts',
    allowed: (t) => t === 'zod' || t.startsWith('contracts/') || t.startsWith('core/'),
    why: 'contracts are shared with the browser',
  },
  {
    layer: 'web/src',
    allowed: (t) => !t.startsWith('server/') && !t.startsWith('node:'),
    why: 'the web app talks to the server over HTTP only',
  },
];

for (const rule of rules) {
  test(`${rule.layer} respects the dependency rule (${rule.why})`, () => {
    const files = fs.existsSync(path.join(root, rule.layer)) ? sources(rule.layer) : [];
    const bad = files.flatMap((f) =>
      imports(f)
        .map((s) => resolved(f, s))
        .filter((t) => !rule.allowed(t))
        .map((t) => `${f} → ${t}`),
    );
    assert.deepEqual(bad, []);
  });
}

/**
 * One "today" (issue 19): the business day is Zhengzhou's, from `core/calendar.ts` with the clock passed in.
 * Only `core/calendar.ts` turns an instant into a date string, and only `server/platform/clock.ts` reads the wall clock
 * on the server (`services.now` in production); the core and the contracts never read it. Browsers read their
 * own clock (`new Date()` in web/src) but take the date from `todayOf` too.
 */
const clockRules: { pattern: RegExp; what: string; layers: string[]; allowedIn: string[] }[] = [
  {
    pattern: /toISOString\(\)\.slice\(0,\s*10\)/,
    what: 'a UTC date string',
    layers: ['core', 'contracts', 'server', 'web/src', 'scripts', 'bench'],
    allowedIn: ['core/calendar.ts'],
  },
  {
    pattern: /new Date\(\)|Date\.now\(\)/,
    what: 'a read of the wall clock',
    layers: ['core', 'contracts', 'server'],
    allowedIn: ['server/platform/clock.ts'],
  },
  {
    pattern: /todayOf\((?:new Date|systemClock)\(\)\)/,
    what: 'today from the wall clock instead of the clock passed in',
    layers: ['core', 'contracts', 'server'],
    allowedIn: [],
  },
];

for (const rule of clockRules) {
  test(`${rule.what} only in ${rule.allowedIn.join(', ') || 'no file'}`, () => {
    const bad = rule.layers
      .flatMap((layer) => sources(layer))
      .filter((f) => !rule.allowedIn.includes(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(root, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (rule.pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    assert.deepEqual(bad, []);
  });
}

/**
 * The server's house (ARCHITECTURE.md): `server/platform/` is the shared floor and imports no capability;
 * each `server/<capability>/` sees another capability only through that capability's `index.ts`; the
 * capabilities depend on one another without a circle; only start-up (`server/main.ts`) uses the demo
 * generator; and no two server files import each other, directly or round a longer circle.
 */
const serverFiles = sources('server');
const capabilityOf = (file: string): string | null => {
  const parts = file.split('/');
  return parts[0] === 'server' && parts.length > 2 ? parts[1]! : null;
};
const serverEdges = serverFiles.flatMap((f) =>
  imports(f)
    .map((s) => resolved(f, s))
    .filter((t) => t.startsWith('server/'))
    .map((t) => [f, t] as const),
);

test('the shared floor (server/platform) imports no capability', () => {
  const bad = serverEdges
    .filter(([f, t]) => capabilityOf(f) === 'platform' && capabilityOf(t) !== 'platform')
    .map(([f, t]) => `${f} → ${t}`);
  assert.deepEqual(bad, []);
});

test('a capability uses another only through its index.ts, never its internals', () => {
  const bad = serverEdges
    .filter(([f, t]) => {
      const to = capabilityOf(t);
      return to !== null && to !== 'platform' && to !== capabilityOf(f) && t !== `server/${to}/index.ts`;
    })
    .map(([f, t]) => `${f} → ${t}`);
  assert.deepEqual(bad, []);
});

test("a capability's routes stay thin: no table is read or written in routes/ (SQL lives in repository/ and commands/)", () => {
  const bad = serverEdges
    .filter(([f, t]) => /^server\/[^/]+\/routes\//.test(f) && t.startsWith('server/platform/db/schema/'))
    .map(([f, t]) => `${f} → ${t}`);
  assert.deepEqual(bad, []);
});

test('nothing but start-up imports the demo generator', () => {
  const bad = serverEdges
    .filter(([f, t]) => capabilityOf(t) === 'demo' && capabilityOf(f) !== 'demo' && f !== 'server/main.ts')
    .map(([f, t]) => `${f} → ${t}`);
  assert.deepEqual(bad, []);
});

function circles(edges: readonly (readonly [string, string])[]): string[] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  const visit = (n: string, trail: string[]) => {
    state.set(n, 'open');
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...trail.slice(trail.indexOf(m)), n, m].join(' → '));
      else if (!state.has(m)) visit(m, [...trail, n]);
    }
    state.set(n, 'done');
  };
  for (const n of next.keys()) if (!state.has(n)) visit(n, []);
  return found;
}

test('no import circle between server files', () => {
  assert.deepEqual(circles(serverEdges), []);
});

test('no circle between capabilities', () => {
  const capabilityEdges = serverEdges
    .map(([f, t]) => [capabilityOf(f), capabilityOf(t)] as const)
    .filter((e): e is readonly [string, string] => e[0] !== null && e[1] !== null);
  assert.deepEqual(circles(capabilityEdges), []);
});
