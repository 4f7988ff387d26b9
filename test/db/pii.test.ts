import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { createPiiCipher } from '../../server/platform/pii.ts';

// The key derivation must not change when the keys became KeyObjects: values stored by earlier versions
// (AES-256-GCM under HMAC(key,'encrypt'), blind index under HMAC(key,'index')) must still open and match.
const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const legacyEncKey = crypto.createHmac('sha256', key).update('encrypt').digest();
const legacyIdxKey = crypto.createHmac('sha256', key).update('index').digest();

function legacyEncrypt(plain: string): string {
  const iv = Buffer.alloc(12, 7);
  const c = crypto.createCipheriv('aes-256-gcm', legacyEncKey, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
}

test('decrypts values written with the Buffer-derived key and keeps the blind index', () => {
  const pii = createPiiCipher(key);
  assert.equal(pii.decrypt(legacyEncrypt('41010519900307123X')), '41010519900307123X');
  assert.equal(
    pii.index(' 41010519900307123x '),
    crypto.createHmac('sha256', legacyIdxKey).update('41010519900307123X').digest('base64url'),
  );
});

test('round-trips, uses a fresh IV each time and refuses a tampered value', () => {
  const pii = createPiiCipher(key);
  const a = pii.encrypt('13800138000');
  assert.notEqual(a, pii.encrypt('13800138000'));
  assert.equal(pii.decrypt(a), '13800138000');
  const [, keyId, data] = a.split('.');
  assert.equal(keyId, pii.keyId, 'each value names the key it was written under');
  const raw = Buffer.from(data!, 'base64url');
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => pii.decrypt(`v2.${keyId}.${raw.toString('base64url')}`));
  assert.throws(() => createPiiCipher(crypto.createHmac('sha256', key).update('x').digest()).decrypt(a));
});

test('refuses a key that is not 32 bytes', () => {
  assert.throws(() => createPiiCipher(Buffer.alloc(16)), /32 bytes/);
  assert.throws(() => createPiiCipher(Buffer.alloc(0)));
});
