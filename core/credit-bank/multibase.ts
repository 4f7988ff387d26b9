/**
 * Multibase base58btc ('z' prefix) and the Multikey encoding of Ed25519 public keys (multicodec 0xed01),
 * as Data Integrity proofs and did:key identifiers use them.
 */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

/** null when the text is not base58btc. */
export function base58Decode(text: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const v = INDEX.get(text[i]!);
    if (v === undefined) return null;
    let carry = v;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

export const multibaseEncode = (bytes: Uint8Array) => `z${base58Encode(bytes)}`;

export function multibaseDecode(text: string): Uint8Array | null {
  return text.startsWith('z') ? base58Decode(text.slice(1)) : null;
}

const ED25519_PUB = [0xed, 0x01];

/** Multikey form of a raw 32-byte Ed25519 public key ("z6Mk…"). */
export function ed25519PublicKeyMultibase(raw: Uint8Array): string {
  return multibaseEncode(Uint8Array.from([...ED25519_PUB, ...raw]));
}

/** The raw 32-byte key of an Ed25519 Multikey, or null when it is something else. */
export function ed25519PublicKeyFromMultibase(text: string): Uint8Array | null {
  const bytes = multibaseDecode(text);
  if (!bytes || bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) return null;
  return bytes.subarray(2);
}

/** did:key verification method of a key: `did:key:z6Mk…#z6Mk…`, resolvable offline by anyone. */
export const didKeyVerificationMethod = (publicKeyMultibase: string) => `did:key:${publicKeyMultibase}#${publicKeyMultibase}`;
