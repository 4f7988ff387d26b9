import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Protection of personal information at rest (PIPL): AES-256-GCM for values, and a keyed HMAC ("blind index")
 * so that an ID number can be looked up and kept unique without storing it in clear.
 *
 * Keys form a ring: values are written under the current key and carry its id (`v2.<keyId>.<data>`), and the
 * previous keys stay readable until `npm run pii:rotate` has re-encrypted every value under the current one.
 * Values of the first format (`v1.<data>`, no key id) open with whichever key of the ring authenticates them.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  index(plain: string): string;
  /** Id of the key new values are written under. */
  readonly keyId: string;
  /** Whether a stored value is already under the current key (what rotation leaves alone). */
  isCurrent(cipher: string): boolean;
}

export interface PiiKeyRing {
  current: Buffer;
  /** Older keys, newest first: read-only, for values not yet rotated. */
  previous?: readonly Buffer[];
  /**
   * The blind-index key itself. The index cannot be rotated like the values (a learner's credit account keeps
   * only the index of the ID number, nothing to recompute it from), so it stays the one derived from the oldest
   * key of the ring until this is set; `pii:rotate` prints it so that the old key can then be dropped.
   */
  indexKey?: Buffer;
}

interface RingKey {
  id: string;
  enc: crypto.KeyObject;
}

/**
 * Keys are held as KeyObjects (crypto.createSecretKey), not Buffers: the master key and the keys derived
 * from it are then opaque to code that merely holds the cipher, and cannot be logged or serialised by accident.
 */
export function createPiiCipher(keys: Buffer | PiiKeyRing): PiiCipher {
  const ring = Buffer.isBuffer(keys) ? { current: keys } : keys;
  const masters = [ring.current, ...(ring.previous ?? [])];
  const ringKeys: RingKey[] = masters.map((m) => ({ id: keyIdOf(m), enc: derive(secret(m), 'encrypt') }));
  const byId = new Map(ringKeys.map((k) => [k.id, k]));
  const current = ringKeys[0]!;
  const idxKey = ring.indexKey ? secret(ring.indexKey) : derive(secret(masters.at(-1)!), 'index');
  const prefix = `v2.${current.id}.`;
  return {
    keyId: current.id,
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', current.enc, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return prefix + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
    },
    decrypt(cipher) {
      const v2 = /^v2\.([A-Za-z0-9_-]+)\.(.*)$/.exec(cipher);
      if (v2) {
        const key = byId.get(v2[1]!);
        if (!key) throw new Error(`PII key ${v2[1]} is not in the key ring (PII_KEY, PII_KEY_PREVIOUS)`);
        return open(key.enc, v2[2]!);
      }
      const data = cipher.replace(/^v1\./, '');
      for (const key of ringKeys) {
        try {
          return open(key.enc, data);
        } catch {
          // GCM refuses the wrong key: try the next one of the ring.
        }
      }
      throw new Error('no PII key of the ring opens this value');
    },
    index(plain) {
      return crypto.createHmac('sha256', idxKey).update(plain.trim().toUpperCase()).digest('base64url');
    },
    isCurrent(cipher) {
      return cipher.startsWith(prefix);
    },
  };
}

/** The blind-index key the ring derives from a master key: what `PII_INDEX_KEY` is set to once that key goes. */
export function indexKeyOf(master: Buffer): Buffer {
  return crypto.createHmac('sha256', secret(master)).update('index').digest();
}

/** A short public name of a key (derived, so it reveals nothing of the key): stored in every value. */
export function keyIdOf(master: Buffer): string {
  return crypto.createHmac('sha256', secret(master)).update('key-id').digest('base64url').slice(0, 8);
}

function secret(key: Buffer): crypto.KeyObject {
  const k = crypto.createSecretKey(key);
  if (k.symmetricKeySize !== 32) throw new Error('PII key must be 32 bytes');
  return k;
}

function derive(master: crypto.KeyObject, purpose: string): crypto.KeyObject {
  return crypto.createSecretKey(crypto.createHmac('sha256', master).update(purpose).digest());
}

function open(key: crypto.KeyObject, data: string): string {
  const raw = Buffer.from(data, 'base64url');
  const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
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

/** The ring of the configuration: PII_KEY (or the key file), PII_KEY_PREVIOUS (comma-separated), PII_INDEX_KEY. */
export function loadPiiKeyRing(config: {
  piiKey: string | undefined;
  piiKeyPrevious: readonly string[];
  piiIndexKey: string | undefined;
  dataDir: string;
}): PiiKeyRing {
  return {
    current: loadPiiKey(config.piiKey, config.dataDir),
    previous: config.piiKeyPrevious.map((k) => Buffer.from(k, 'base64')),
    ...(config.piiIndexKey && { indexKey: Buffer.from(config.piiIndexKey, 'base64') }),
  };
}
