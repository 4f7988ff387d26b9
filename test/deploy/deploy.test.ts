import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../support/client.ts';

/**
 * deploy/up.sh end to end (`npm run test:deploy`, not part of `npm test`: it starts two PostgreSQL clusters,
 * two app servers and nginx, about a minute): sign in through nginx, write through one app server and read
 * through the other, the standby following the primary and the cockpit surviving the standby's loss, and the
 * platform surviving one app server stopping. Skipped, saying why, where nginx or PostgreSQL is not installed.
 */
const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'Deploy-Test-42';

function missing(): string | null {
  const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd} || test -x /usr/sbin/${cmd}`]).status === 0;
  if (!has('nginx')) return 'nginx is not installed (apt-get install nginx)';
  const pg = spawnSync('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/pg_basebackup || command -v pg_basebackup']);
  if (pg.status !== 0) return 'the PostgreSQL server binaries are not installed (apt-get install postgresql)';
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const skip = missing();

describe('deploy/up.sh: two app servers behind nginx, a primary and a streaming standby', { skip: skip ?? false }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-deploy-'));
  const ports = { listen: 0, app1: 0, app2: 0, primary: 0, standby: 0 };
  let env: NodeJS.ProcessEnv;
  const viaNginx = () => new TestClient(`http://127.0.0.1:${ports.listen}`);
  const direct = (port: number, from: TestClient) =>
    Object.assign(new TestClient(`http://127.0.0.1:${port}`), { cookie: from.cookie, csrfToken: from.csrfToken });
  const onStandby = (query: string) =>
    spawnSync('psql', ['-X', '-tA', '-h', '127.0.0.1', '-p', String(ports.standby), '-U', 'postgres', '-d', 'chanjiao', '-c', query], {
      encoding: 'utf8',
    });

  before(async () => {
    for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
    env = {
      ...process.env,
      DEPLOY_DIR: dir,
      LISTEN_PORT: String(ports.listen),
      APP_PORTS: `${ports.app1} ${ports.app2}`,
      PRIMARY_PORT: String(ports.primary),
      STANDBY_PORT: String(ports.standby),
      DEMO_SCALE: 'tiny',
      DEMO_PASSWORD: PASSWORD,
      SKIP_WEB_BUILD: '1',
    };
    const up = spawnSync('bash', [path.join(root, 'deploy/up.sh')], { env, encoding: 'utf8', timeout: 600_000 });
    assert.equal(up.status, 0, `deploy/up.sh failed:\n${up.stdout}\n${up.stderr}`);
  });
  after(() => {
    const down = spawnSync('bash', [path.join(root, 'deploy/down.sh'), '--purge'], { env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(down.status, 0, `deploy/down.sh failed:\n${down.stdout}\n${down.stderr}`);
  });

  test('a session made through nginx is good on either app server: sessions live in the database', async () => {
    const client = viaNginx();
    assert.equal((await client.login('admin', PASSWORD)).status, 200);
    for (const port of [ports.app1, ports.app2]) {
      const me = await direct(port, client).get('/api/auth/me');
      assert.equal(me.status, 200, `app server on ${port}`);
      assert.equal(me.body.user.username, 'admin');
    }
  });

  test('written through one app server, read through the other and on the standby', async () => {
    const admin = viaNginx();
    await admin.login('admin', PASSWORD);
    const one = direct(ports.app1, admin);
    const two = direct(ports.app2, admin);
    const [school] = (await one.get('/api/schools?pageSize=1')).body.items;
    const quota = 100 + Math.floor(Math.random() * 900);
    const patched = await one.patch(`/api/schools/${school.id}`, { version: school.version, staffingQuota: quota });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const read = await two.get(`/api/schools/${school.id}`);
    assert.equal(read.body.staffingQuota, quota);
    assert.equal(read.body.version, school.version + 1);
    // Streaming replication: the standby replays the write within moments.
    let replayed = '';
    for (let i = 0; i < 100 && replayed !== String(quota); i++) {
      replayed = onStandby(`select staffing_quota from schools where organisation_id = '${school.id}'`).stdout.trim();
      if (replayed !== String(quota)) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(replayed, String(quota));
    assert.equal(onStandby('select pg_is_in_recovery()').stdout.trim(), 't', 'the standby is a read-only replica');
  });

  test('a job submitted through one app server is followed through the other: jobs live in the database', async () => {
    const admin = viaNginx();
    await admin.login('admin', PASSWORD);
    const submitted = await direct(ports.app1, admin).post('/api/indicators/recompute', {});
    assert.ok([200, 201, 202].includes(submitted.status), JSON.stringify(submitted.body));
    const jobId = submitted.body.id ?? submitted.body.jobId ?? submitted.body.job?.id;
    assert.ok(jobId, JSON.stringify(submitted.body));
    let status = '';
    for (let i = 0; i < 600 && status !== 'succeeded'; i++) {
      const job = await direct(ports.app2, admin).get(`/api/jobs/${jobId}`);
      assert.equal(job.status, 200);
      status = job.body.status;
      assert.notEqual(status, 'failed', JSON.stringify(job.body));
      if (status !== 'succeeded') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status, 'succeeded');
  });

  test('sign-in throttling counted on one app server holds on the other: throttles live in the database', async () => {
    const name = `nobody_${Date.now()}`;
    const one = new TestClient(`http://127.0.0.1:${ports.app1}`);
    let locked = false;
    for (let i = 0; i < 30 && !locked; i++) locked = (await one.login(name, 'wrong-password')).status === 429;
    assert.ok(locked, 'wrong passwords end in a lock');
    const two = new TestClient(`http://127.0.0.1:${ports.app2}`);
    const res = await two.login(name, 'wrong-password');
    assert.equal(res.status, 429);
    assert.equal(res.body.code, 'TOO_MANY_ATTEMPTS');
  });

  test('the cockpit reads from the standby, and from the primary when the standby is gone', async () => {
    const admin = viaNginx();
    await admin.login('admin', PASSWORD);
    // The standby's own statistics count the transactions it served: the cockpit's queries are among them.
    const served = () => Number(onStandby(`select xact_commit from pg_stat_database where datname = 'chanjiao'`).stdout.trim());
    const before = served();
    assert.equal((await admin.get('/api/cockpit')).status, 200);
    assert.equal((await admin.get('/api/reports/league')).status, 200);
    await new Promise((r) => setTimeout(r, 1500)); // statistics are flushed at most once a second
    assert.ok(served() - before > 3, `the standby served the cockpit's reads (${served() - before} transactions)`);
    const state = fs.readFileSync(path.join(dir, 'state'), 'utf8');
    const pgbin = /PGBIN=(.*)/.exec(state)![1]!;
    const asPg = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    const stop = spawnSync(
      asPg[0] ?? `${pgbin}/pg_ctl`,
      [...asPg.slice(1), ...(asPg.length ? [`${pgbin}/pg_ctl`] : []), '-D', path.join(dir, 'pg/standby'), '-m', 'fast', '-w', 'stop'],
      { encoding: 'utf8' },
    );
    assert.equal(stop.status, 0, stop.stderr);
    for (let i = 0; i < 4; i++) {
      const board = await admin.get('/api/cockpit');
      assert.equal(board.status, 200, JSON.stringify(board.body));
      assert.equal((await admin.get('/api/reports/league')).status, 200);
    }
  });

  test('with one app server stopped, nginx sends every request to the other and the session holds', async () => {
    const admin = viaNginx();
    await admin.login('admin', PASSWORD);
    const pid = Number(fs.readFileSync(path.join(dir, `run/app-${ports.app1}.pid`), 'utf8'));
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await admin.get('/api/auth/me')).status);
    const [school] = (await admin.get('/api/schools?pageSize=1')).body.items;
    statuses.push((await admin.patch(`/api/schools/${school.id}`, { version: school.version, staffingQuota: 42 })).status);
    assert.deepEqual(statuses, Array(21).fill(200));
  });
});

if (skip) test(`deploy test skipped: ${skip}`, { skip }, () => {});
