import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { canonicalize } from '../../core/credit-bank/jcs.ts';
import { ed25519PublicKeyFromMultibase, multibaseDecode } from '../../core/credit-bank/multibase.ts';
import { attachProof, prepareVerification, proofConfiguration, signingInput } from '../../core/credit-bank/proof.ts';
import { decideVerdict } from '../../core/credit-bank/verdict.ts';

/**
 * eddsa-jcs-2022 against the W3C vc-di-eddsa test vector (TestVectors/eddsa-jcs-2022: signedJCS.json, its key
 * pair keyPair.json, proofHashJCS.txt and sigHexJCS.txt): our signing input and signature must be byte-identical.
 */
const sha256 = (s: string) => new Uint8Array(crypto.createHash('sha256').update(s).digest());
const PUBLIC = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const PRIVATE = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq';
const unsecured = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
  type: ['VerifiableCredential', 'AlumniCredential'],
  name: 'Alumni Credential',
  description: 'A minimum viable example of an Alumni Credential.',
  issuer: 'https://vc.example/issuers/5678',
  validFrom: '2023-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
};
const signedProofValue = 'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4';
const options = { created: '2023-02-24T23:36:38Z', verificationMethod: `https://vc.example/issuers/5678#${PUBLIC}` };

function keys() {
  const x = Buffer.from(ed25519PublicKeyFromMultibase(PUBLIC)!).toString('base64url');
  const d = Buffer.from(multibaseDecode(PRIVATE)!.subarray(2)).toString('base64url');
  return {
    priv: crypto.createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d, x }, format: 'jwk' }),
    pub: crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }),
  };
}

test('the document hash and the signing input follow the spec (proof configuration hash first)', () => {
  const config = proofConfiguration(unsecured, options);
  const input = signingInput(unsecured, config, sha256);
  assert.equal(Buffer.from(input.subarray(32)).toString('hex'), '59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19');
  assert.deepEqual(Object.keys(JSON.parse(canonicalize(config))), [
    '@context',
    'created',
    'cryptosuite',
    'proofPurpose',
    'type',
    'verificationMethod',
  ]);
});

test('signing the W3C vector with its key gives the published proofValue, and it verifies', () => {
  const { priv, pub } = keys();
  const config = proofConfiguration(unsecured, options);
  const signature = crypto.sign(null, signingInput(unsecured, config, sha256), priv);
  assert.equal(
    Buffer.from(signature).toString('hex'),
    'fc91dec6565f35fbe185a77352e7fc512f95d1904da305cfef32ab8135469301f5a72d4e7a58368fc6ffc497b44633993bac054e3bc1436e3c846db8f1544503',
  );
  const secured = attachProof(unsecured, config, signature);
  assert.equal((secured.proof as { proofValue: string }).proofValue, signedProofValue);
  const p = prepareVerification(JSON.parse(JSON.stringify(secured)));
  assert.ok(p.ok);
  if (p.ok) {
    assert.equal(p.publicKeyMultibase, PUBLIC);
    assert.ok(crypto.verify(null, signingInput(p.unsecured, p.config, sha256), pub, p.signature));
  }
});

test('one character changed anywhere fails the signature; key order and whitespace do not', () => {
  const { priv, pub } = keys();
  const config = proofConfiguration(unsecured, options);
  const secured = attachProof(unsecured, config, crypto.sign(null, signingInput(unsecured, config, sha256), priv));
  const check = (doc: unknown) => {
    const p = prepareVerification(doc);
    return p.ok && crypto.verify(null, signingInput(p.unsecured, p.config, sha256), pub, p.signature);
  };
  const text = JSON.stringify(secured, null, 2);
  assert.ok(check(JSON.parse(text)));
  assert.ok(check(JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(secured).reverse())))));
  assert.equal(check(JSON.parse(text.replace('The School of Examples', 'The School of Exampler'))), false);
  assert.equal(check(JSON.parse(text.replace('2023-02-24T23:36:38Z', '2023-02-24T23:36:39Z'))), false, 'the proof options are signed too');
});

test('malformed proofs are named, never thrown', () => {
  assert.deepEqual(prepareVerification('x'), { ok: false, problem: 'not_an_object' });
  assert.deepEqual(prepareVerification({ a: 1 }), { ok: false, problem: 'no_proof' });
  assert.deepEqual(prepareVerification({ proof: { type: 'Ed25519Signature2020' } }), { ok: false, problem: 'unsupported_proof' });
  const proof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    proofPurpose: 'assertionMethod',
    verificationMethod: `did:key:${PUBLIC}#${PUBLIC}`,
  };
  assert.deepEqual(prepareVerification({ proof: { ...proof, proofValue: 'zabc' } }), { ok: false, problem: 'bad_proof_value' });
  assert.deepEqual(prepareVerification({ proof: { ...proof, verificationMethod: 'did:key:x#y', proofValue: signedProofValue } }), {
    ok: false,
    problem: 'bad_verification_method',
  });
  assert.deepEqual(prepareVerification({ '@context': ['a'], proof: { ...proof, '@context': ['b'], proofValue: signedProofValue } }), {
    ok: false,
    problem: 'context_mismatch',
  });
});

test('verdicts: tampered beats everything; a revoked key or credential is revoked with its reason; else valid', () => {
  const key = { status: 'active' as const, revokedReason: null, revokedAt: null };
  const cred = { status: 'active' as const, revokedReason: null, revokedAt: null };
  assert.equal(decideVerdict({ problem: null, key, signatureValid: true, credential: cred }).status, 'valid');
  assert.equal(
    decideVerdict({ problem: null, key: { ...key, status: 'revoked' }, signatureValid: false, credential: cred }).status,
    'tampered',
  );
  const revokedKey = decideVerdict({
    problem: null,
    key: { status: 'revoked', revokedReason: '私钥泄露', revokedAt: '2025-01-01' },
    signatureValid: true,
    credential: cred,
  });
  assert.equal(revokedKey.status, 'revoked');
  assert.match(revokedKey.reason, /私钥泄露/);
  assert.equal(
    decideVerdict({ problem: null, key: { ...key, status: 'retired' }, signatureValid: true, credential: cred }).status,
    'valid',
    'rotation keeps old credentials valid',
  );
  assert.match(
    decideVerdict({
      problem: null,
      key,
      signatureValid: true,
      credential: { status: 'revoked', revokedReason: '成果撤销', revokedAt: null },
    }).reason,
    /成果撤销/,
  );
  assert.equal(decideVerdict({ problem: null, key: null, signatureValid: false, credential: null }).code, 'unknown_key');
  assert.equal(decideVerdict({ problem: 'context_mismatch', key: null, signatureValid: false, credential: null }).status, 'tampered');
});
