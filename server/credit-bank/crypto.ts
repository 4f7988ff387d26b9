import crypto from 'node:crypto';
import { ed25519PublicKeyMultibase, ed25519PublicKeyFromMultibase } from '../../core/credit-bank/multibase.ts';
import type { PiiCipher } from '../platform/pii.ts';

/** The node:crypto primitives the pure credit-bank core is given: SHA-256 and Ed25519. */
export const sha256Hex = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
export const sha256Bytes = (text: string): Uint8Array => crypto.createHash('sha256').update(text, 'utf8').digest();

export interface GeneratedKey {
  publicKeyMultibase: string;
  /** PKCS#8 DER of the private key, encrypted with the platform's PII key material. */
  privateKeyCipher: string;
}

export function generateSigningKey(pii: PiiCipher): GeneratedKey {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return { publicKeyMultibase: ed25519PublicKeyMultibase(raw), privateKeyCipher: pii.encrypt(der.toString('base64')) };
}

export function signWith(pii: PiiCipher, privateKeyCipher: string, data: Uint8Array): Uint8Array {
  const key = crypto.createPrivateKey({ key: Buffer.from(pii.decrypt(privateKeyCipher), 'base64'), format: 'der', type: 'pkcs8' });
  return crypto.sign(null, data, key);
}

export function verifyWith(publicKeyMultibase: string, data: Uint8Array, signature: Uint8Array): boolean {
  const raw = ed25519PublicKeyFromMultibase(publicKeyMultibase);
  if (!raw) return false;
  const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
  return crypto.verify(null, data, key, signature);
}

/** A learning-account number: "CB" and 14 random digits (≈10^14 numbers; a clash is retried by the caller). */
export function newAccountNo(): string {
  return `CB${String(crypto.randomInt(0, 10_000_000)).padStart(7, '0')}${String(crypto.randomInt(0, 10_000_000)).padStart(7, '0')}`;
}
