import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Protection of personal information at rest (PIPL): AES-256-GCM for values, and a keyed HMAC ("blind index")
 * so that an ID number can be looked up and kept unique without storing it in clear.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  index(plain: string): string;
}

/**
 * Keys are held as KeyObjects (crypto.createSecretKey), not Buffers: the master key and the two keys derived
 * from it are then opaque to code that merely holds the cipher, and cannot be logged or serialised by accident.
 */
export function createPiiCipher(key: Buffer): PiiCipher {
  const master = crypto.createSecretKey(key);
  if (master.symmetricKeySize !== 32) throw new Error('PII key must be 32 bytes');
  const derive = (purpose: string) => crypto.createSecretKey(crypto.createHmac('sha256', master).update(purpose).digest());
  const encKey = derive('encrypt');
  const idxKey = derive('index');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(cipher) {
      const raw = Buffer.from(cipher.replace(/^v1\./, ''), 'base64url');
      const d = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    index(plain) {
      return crypto.createHmac('sha256', idxKey).update(plain.trim().toUpperCase()).digest('base64url');
    },
  };
}

/** The key from PII_KEY, or from `<dataDir>/pii.key`, created on first start with owner-only permissions. */
export function loadPiiKey(piiKey: string | undefined, dataDir: string): Buffer {
  if (piiKey) return Buffer.from(piiKey, 'base64');
  const file = path.join(dataDir, 'pii.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
}
