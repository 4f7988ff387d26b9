import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';

/**
 * Two server processes on one PostgreSQL server, 200 concurrent accepts on a 5-place post: exactly 5 are
 * accepted, the rest refused with PLACES_EXHAUSTED. PGlite has one connection, so this runs on the server only.
 */
const url = process.env.TEST_DATABASE_URL;

test(
  'places cannot be oversold across two server processes',
  { skip: url ? false : 'needs TEST_DATABASE_URL (a PostgreSQL server)' },
  async () => {
    const schema = `t_oversell_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
      const run = spawnSync(process.execPath, ['scripts/check-oversell.ts'], {
        env: { ...process.env, DATABASE_URL: url, DATABASE_SCHEMA: schema },
        encoding: 'utf8',
        timeout: 240_000,
      });
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.at(-1), 'accepted=5 places=5', run.stdout + run.stderr);
      assert.match(lines.at(-2) ?? '', /"PLACES_EXHAUSTED":195/);
      assert.equal(run.status, 0);
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  },
);
