import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalize } from '../../core/credit-bank/jcs.ts';
import { base58Decode, base58Encode, ed25519PublicKeyFromMultibase, ed25519PublicKeyMultibase } from '../../core/credit-bank/multibase.ts';

/** RFC 8785 examples (§3.2.2 and §3.2.3) and the base58btc / Multikey encodings. */
test('JCS: the RFC 8785 §3.2.2 example — numbers, string escapes, literals, sorted members', () => {
  const input = JSON.parse(
    '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
  );
  assert.equal(
    canonicalize(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test('JCS: members sort by UTF-16 code units (RFC 8785 §3.2.3), so an emoji sorts before U+FB33', () => {
  const input = {
    '\u20ac': 'Euro Sign',
    '\r': 'Carriage Return',
    '\ufb33': 'Hebrew Letter Dalet With Dagesh',
    '1': 'One',
    '\ud83d\ude00': 'Emoji: Grinning Face',
    '\u0080': 'Control',
    '\u00f6': 'Latin Small Letter O With Diaeresis',
  };
  // Read the order off the text: Object.keys would put the integer-like key "1" first whatever the text says.
  const keys = [...canonicalize(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
  assert.deepEqual(keys, ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
});

test('JCS: nesting, no whitespace, -0 as 0, undefined members dropped; NaN, Infinity and lone surrogates refused', () => {
  assert.equal(canonicalize({ b: [1, { d: 2, c: '中' }], a: -0, u: undefined }), '{"a":0,"b":[1,{"c":"中","d":2}]}');
  assert.throws(() => canonicalize({ x: NaN }), TypeError);
  assert.throws(() => canonicalize([Infinity]), TypeError);
  assert.throws(() => canonicalize('\ud800'), TypeError);
  assert.throws(() => canonicalize({ f: () => 1 }), TypeError);
});

test('base58btc round-trips, keeps leading zero bytes, and rejects characters outside the alphabet', () => {
  for (const bytes of [[], [0], [0, 0, 1], [255, 254, 0, 7], Array.from({ length: 64 }, (_, i) => (i * 37) % 256)]) {
    const u = Uint8Array.from(bytes);
    assert.deepEqual(base58Decode(base58Encode(u)), u);
  }
  assert.equal(base58Encode(new TextEncoder().encode('Hello World!')), '2NEpo7TZRRrLZSi2U');
  assert.equal(base58Decode('0OIl'), null);
});

test('Multikey: an Ed25519 key is z6Mk… and decodes back to its 32 bytes', () => {
  const raw = Uint8Array.from({ length: 32 }, (_, i) => i);
  const mb = ed25519PublicKeyMultibase(raw);
  assert.ok(mb.startsWith('z6Mk'));
  assert.deepEqual(ed25519PublicKeyFromMultibase(mb), raw);
  assert.equal(
    ed25519PublicKeyFromMultibase('z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
    null,
    'a private-key multicodec is not a public key',
  );
});
