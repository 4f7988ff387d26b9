import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../server/platform/config.ts';
import { generateSigningKey, signWith, verifyWith } from '../../server/credit-bank/crypto.ts';
import { rows, type Database } from '../../server/platform/db/engine.ts';
import { credentialKeys, jobs, students } from '../../server/platform/db/schema/index.ts';
import { submitJob } from '../../server/platform/jobs/submit.ts';
import { createPiiCipher, indexKeyOf } from '../../server/platform/pii.ts';
import { countStale, PII_ROTATE_JOB, piiRotateJob, rotatePiiKey } from '../../server/personal-data/rotate.ts';
import type { Services } from '../../server/platform/services.ts';
import { openTestDatabase, testEngines } from '../support/engines.ts';
import { makeDistrict, makeSchool } from '../support/factory.ts';

const STUDENTS = 1_201; // three batches of the rotation

/** A value as the first format wrote it (`v1.`, no key id), under the old key. */
function legacyEncrypt(master: Buffer, plain: string): string {
  const enc = crypto.createHmac('sha256', master).update('encrypt').digest();
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', enc, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
}

for (const engine of testEngines()) {
  describe(`PII key rotation [${engine.name}]`, () => {
    const oldKey = crypto.randomBytes(32);
    const newKey = crypto.randomBytes(32);
    const oldPii = createPiiCipher(oldKey);
    const ring = createPiiCipher({ current: newKey, previous: [oldKey] });
    let database: Database;
    let services: Services;
    let schoolId: string;
    const idOf = (i: number) => `4101052007${String(i).padStart(8, '0')}`;

    before(async () => {
      database = await openTestDatabase(engine);
      services = { database, config: loadConfig({}), pii: ring, now: () => new Date(), pokeJobs: () => {} };
      const district = await makeDistrict(database.db);
      schoolId = (await makeSchool(database.db, district.id)).id;
      const values = Array.from({ length: STUDENTS }, (_, i) => ({
        schoolId,
        name: `轮换${i}`,
        cohort: 2024,
        birthDate: '2007-05-01',
        sex: 'female' as const,
        // One value of the first format, the rest as the old key wrote them.
        idNumberCipher: i === 0 ? legacyEncrypt(oldKey, idOf(i)) : oldPii.encrypt(idOf(i)),
        idNumberIndex: oldPii.index(idOf(i)),
        idNumberMasked: '410105**********',
        phoneCipher: i % 2 ? oldPii.encrypt(`1380000${String(i).padStart(4, '0')}`) : null,
        phoneMasked: null,
      }));
      for (let i = 0; i < values.length; i += 400) await database.db.insert(students).values(values.slice(i, i + 400));
      await database.db.insert(credentialKeys).values({ ...generateSigningKey(oldPii), status: 'active' });
    });
    after(() => database.close());

    test('the new ring reads old values and keeps the blind index while nothing is rotated yet', async () => {
      assert.equal(await countStale(database.db, ring), STUDENTS + 1);
      const [s] = await database.db
        .select()
        .from(students)
        .where(eq(students.idNumberIndex, ring.index(idOf(5))));
      assert.equal(ring.decrypt(s!.idNumberCipher), idOf(5));
      assert.ok(ring.encrypt('x').startsWith(`v2.${ring.keyId}.`) && ring.keyId !== oldPii.keyId);
    });

    test('an interrupted run resumes from its checkpoint, and the end state is every value under the new key', async () => {
      const before = await database.db.select().from(students).where(eq(students.schoolId, schoolId));
      // A first run that dies after its first batch (the process killed): its checkpoint stays in the job row.
      const { job } = await submitJob(database.db, {
        kind: PII_ROTATE_JOB,
        input: { keyId: ring.keyId },
        idempotencyKey: ring.keyId,
        createdBy: null,
        organisationId: null,
      });
      await assert.rejects(
        piiRotateJob({
          services,
          jobId: job.id,
          input: job.input,
          checkpoint: null,
          progress: async () => {},
          saveCheckpoint: async (c) => {
            await database.db.update(jobs).set({ checkpoint: c }).where(eq(jobs.id, job.id));
            throw new Error('killed');
          },
        }),
        /killed/,
      );
      await database.db.update(jobs).set({ status: 'failed' }).where(eq(jobs.id, job.id));
      assert.equal(await countStale(database.db, ring), STUDENTS + 1 - 500);

      const seen: number[] = [];
      const result = await rotatePiiKey(services, (p) => seen.push(p.done), 20);
      assert.deepEqual(result, { keyId: ring.keyId, rows: STUDENTS + 1, left: 0 });
      assert.ok(seen.length >= 1 && seen.every((d, i) => i === 0 || d >= seen[i - 1]!), 'progress only goes forward');
      const batches = await rows<{ entity_type: string; n: number }>(
        database.db,
        sql`
        select entity_type, count(*)::int as n from audit_log where action = 'pii.rotate' group by entity_type order by entity_type`,
      );
      assert.deepEqual(
        batches,
        [
          { entity_type: 'credential_keys', n: 1 },
          { entity_type: 'students', n: 3 },
        ],
        'no batch was done twice',
      );

      // Only the new key is needed now (with the blind-index key the old one derived).
      const newOnly = createPiiCipher({ current: newKey, indexKey: indexKeyOf(oldKey) });
      const afterRows = await database.db.select().from(students).where(eq(students.schoolId, schoolId));
      const byId = new Map(before.map((s) => [s.id, s]));
      for (const s of afterRows) {
        const was = byId.get(s.id)!;
        assert.ok(s.idNumberCipher.startsWith(`v2.${ring.keyId}.`));
        assert.equal(newOnly.decrypt(s.idNumberCipher), ring.decrypt(was.idNumberCipher));
        assert.equal(s.phoneCipher === null, was.phoneCipher === null);
        if (s.phoneCipher) assert.equal(newOnly.decrypt(s.phoneCipher), ring.decrypt(was.phoneCipher!));
        assert.equal(s.idNumberIndex, newOnly.index(newOnly.decrypt(s.idNumberCipher)), 'the blind index still finds the person');
        assert.equal(s.version, was.version, 're-encryption is not an edit');
      }
      const [k] = await database.db.select().from(credentialKeys);
      const data = new TextEncoder().encode('credential');
      assert.ok(verifyWith(k!.publicKeyMultibase, data, signWith(newOnly, k!.privateKeyCipher, data)), 'the signing key still signs');
      assert.throws(() => oldPii.decrypt(afterRows[0]!.idNumberCipher));
    });

    test('a value written under the old key after the run (a server not yet restarted) is taken up by running again', async () => {
      const [s] = await database.db.select().from(students).where(eq(students.schoolId, schoolId)).limit(1);
      await database.db
        .update(students)
        .set({ phoneCipher: oldPii.encrypt('13900000000') })
        .where(eq(students.id, s!.id));
      assert.equal(await countStale(database.db, ring), 1);
      const result = await rotatePiiKey(services, () => {}, 20);
      assert.equal(result.left, 0);
      const [again] = await database.db.select().from(students).where(eq(students.id, s!.id));
      assert.ok(ring.isCurrent(again!.phoneCipher!));
      assert.equal(ring.decrypt(again!.phoneCipher!), '13900000000');
    });

    test('a process without the new key refuses to run the rotation rather than write under another key', async () => {
      const other = { ...services, pii: oldPii };
      await assert.rejects(
        piiRotateJob({
          services: other,
          jobId: 'x',
          input: { keyId: ring.keyId },
          checkpoint: null,
          progress: async () => {},
          saveCheckpoint: async () => {},
        }),
        /writes under key/,
      );
    });
  });
}
