import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/process.ts';

/**
 * Issue 13, the front door: `npm start`'s server process as a person meets it, each run on a data folder of its
 * own — the banner last on a terminal with the request log in the data folder, a first start killed halfway that
 * recovers on the next start, and bad input (a port in use, a missing reference file) answered with one line that
 * says what to do, a non-zero exit and no stack trace.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const temps: string[] = [];
const tempDir = (name: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `chanjiao-${name}-`));
  temps.push(d);
  return d;
};
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** `node server/main.ts` in `cwd`; with `tty`, under script(1) so that stdout is a terminal. */
function start(env: Record<string, string>, opts: { cwd?: string; tty?: boolean } = {}): Run {
  const node = process.execPath;
  const fullEnv = { ...process.env, HOST: '127.0.0.1', DEMO_SCALE: 'tiny', LOG_FORMAT: '', ...env };
  const child = opts.tty
    ? spawn('script', ['-qfec', `${node} server/main.ts`, '/dev/null'], {
        cwd: opts.cwd ?? root,
        env: fullEnv,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      })
    : spawn(node, ['server/main.ts'], { cwd: opts.cwd ?? root, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  child.stdout!.on('data', (b) => {
    out += b;
  });
  child.stderr!.on('data', (b) => {
    err += b;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

/** Stops a run and everything it started (script(1) and the server under it). */
async function stop(run: Run, signal: NodeJS.Signals = 'SIGTERM') {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  try {
    process.kill(-run.child.pid!, signal);
  } catch {
    /* already gone */
  }
  await run.exited;
}

async function until(what: string, run: Run, check: () => boolean | Promise<boolean>, ms = 300_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await check()) return;
    if (run.child.exitCode !== null) assert.fail(`${what}: the server exited with ${run.child.exitCode}\n${run.out()}\n${run.err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: not within ${ms} ms\n${run.out()}\n${run.err()}`);
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).status === 200;
  } catch {
    return false;
  }
}

async function signInWorks(url: string, password: string): Promise<boolean> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return res.status === 200;
}

/** One line, no stack trace. */
function oneLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  assert.ok(!lines.some((l) => /^at\s|node:internal|\.ts:\d+/.test(l)), `no stack trace:\n${text}`);
  assert.equal(lines.length, 1, `one line:\n${text}`);
  return lines[0]!;
}

describe('npm start: the front door', () => {
  test('a first start killed while it seeds says so on the next start, begins again and ends with the banner', async () => {
    const dataDir = tempDir('crash');
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), DEMO_PASSWORD: 'Front-Door-2025' };
    const first = start(env);
    // The JSON log (not a terminal) tells when the demo city is being loaded: cut the start there.
    await until('the seed starts', first, () => first.out().includes('生成演示数据'));
    await stop(first, 'SIGKILL');
    assert.ok(fs.existsSync(path.join(dataDir, 'first-start-incomplete')));

    const second = start(env, { tty: true });
    try {
      const url = `http://127.0.0.1:${port}`;
      await until('healthy after the restart', second, () => healthy(url));
      await until('the banner', second, () => second.out().includes('Ctrl-C'));
      assert.match(second.out(), /上次首次启动未完成/);
      assert.ok(await signInWorks(url, 'Front-Door-2025'), 'admin signs in with the printed password');
      assert.ok(!fs.existsSync(path.join(dataDir, 'first-start-incomplete')));
      // On a terminal the request log is JSON in the data folder, and the banner is the last thing printed.
      await new Promise((r) => setTimeout(r, 1000));
      const out = second.out().replace(/\r/g, '').trimEnd();
      const banner = out.slice(out.lastIndexOf('产教 Chanjiao 已启动'));
      assert.match(banner, /产教 Chanjiao 已启动 {3}http:\/\/localhost:\d+\//);
      assert.match(banner, /数据库 {5}内置 PGlite/);
      assert.ok(banner.includes(dataDir), banner);
      assert.match(banner, /演示账号 {3}密码 见环境变量 DEMO_PASSWORD/);
      assert.match(banner, /\n {4}admin {14}\S/);
      assert.ok(out.endsWith('Ctrl-C 停止'), out.slice(-300));
      assert.ok(!out.includes('"level"'), 'no JSON log lines on the terminal');
      const log = fs.readFileSync(path.join(dataDir, 'server.log'), 'utf8').trim().split('\n');
      assert.ok(
        log.some((l) => JSON.parse(l).req?.url === '/api/auth/login'),
        'the request log is JSON in the data folder',
      );
    } finally {
      await stop(second);
    }
  });

  test('a port in use is one line, at once (before any database work), and exit 1', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = tempDir('port');
      const run = start({ DATA_DIR: dataDir, PORT: String(port) }, { tty: true });
      assert.equal(await run.exited, 1);
      assert.match(oneLine(run.out().replace(/\r/g, '')), new RegExp(`^端口 ${port} 已被其他程序占用：.*PORT=${port + 1} npm start$`));
      assert.deepEqual(fs.readdirSync(dataDir), [], 'nothing written to the data folder');
    } finally {
      blocker.close();
    }
  });

  test('a missing reference file is one line naming it and how to restore it, exit 1; the next start throws the unfinished database away (LOG_FORMAT=json: machine logs on a terminal)', async () => {
    // A copy of the repository (node_modules linked) from which the industry classification is missing.
    const copy = tempDir('repo');
    for (const d of ['server', 'core', 'contracts', 'policy', 'package.json'])
      fs.cpSync(path.join(root, d), path.join(copy, d), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
    const file = path.join(copy, 'server/catalogues/data/industry-gbt4754-2017.csv');
    fs.rmSync(file);
    const dataDir = tempDir('missing');
    const port = await freePort();
    const run = start({ DATA_DIR: dataDir, PORT: String(port) }, { cwd: copy });
    assert.equal(await run.exited, 1);
    assert.equal(
      oneLine(run.err()),
      '参考数据文件 server/catalogues/data/industry-gbt4754-2017.csv 不存在：它是仓库的一部分，请用 git checkout -- server/catalogues/data 恢复（或重新克隆仓库）后再启动；未完成的数据库会在下次启动时重建',
    );
    fs.copyFileSync(path.join(root, 'server/catalogues/data/industry-gbt4754-2017.csv'), file);
    // Without the demo (the first test seeds after a restart): the half-made database is replaced.
    const again = start({ DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false', LOG_FORMAT: 'json' }, { cwd: copy, tty: true });
    try {
      await until('healthy', again, () => healthy(`http://127.0.0.1:${port}`));
      await until('the banner', again, () => again.out().includes('Ctrl-C'));
      assert.match(again.out(), /上次首次启动未完成/);
      assert.ok(!fs.existsSync(path.join(dataDir, 'first-start-incomplete')));
      assert.ok(
        again
          .out()
          .split('\n')
          .some((l) => /^\{"level":30,.*"req":\{"method":"GET","url":"\/api\/health"/.test(l)),
        'the request log as JSON on the terminal',
      );
      assert.ok(!fs.existsSync(path.join(dataDir, 'server.log')));
    } finally {
      await stop(again);
    }
  });
});
