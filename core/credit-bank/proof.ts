import { canonicalize } from './jcs.ts';
import { base58Decode, base58Encode, ed25519PublicKeyFromMultibase } from './multibase.ts';

/**
 * Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C "Data Integrity EdDSA Cryptosuites v1.0",
 * §3.3): the proof configuration carries the document's @context; the signed bytes are
 * SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document without proof)); the proof value is the Ed25519
 * signature in multibase base58btc. Checked against the specification's published test vector
 * (test/core/credit-bank-proof.test.ts). The digest and signature primitives are passed in: the core does no I/O.
 */
export const CRYPTOSUITE = 'eddsa-jcs-2022';
export type Sha256 = (text: string) => Uint8Array;
export type JsonObject = Record<string, unknown>;

export interface ProofOptions {
  created: string;
  verificationMethod: string;
}

export function proofConfiguration(unsecured: JsonObject, options: ProofOptions): JsonObject {
  const config: JsonObject = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  if (unsecured['@context'] !== undefined) config['@context'] = unsecured['@context'];
  return config;
}

/** The 64 bytes an Ed25519 key signs: the proof configuration's hash first, then the document's. */
export function signingInput(unsecured: JsonObject, config: JsonObject, sha256: Sha256): Uint8Array {
  const a = sha256(canonicalize(config));
  const b = sha256(canonicalize(unsecured));
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function attachProof(unsecured: JsonObject, config: JsonObject, signature: Uint8Array): JsonObject {
  return { ...unsecured, proof: { ...config, proofValue: `z${base58Encode(signature)}` } };
}

/** Why a pasted document cannot even be checked; each becomes a 'tampered' or 'malformed' verdict. */
export type ProofProblem =
  'not_an_object' | 'no_proof' | 'unsupported_proof' | 'bad_proof_value' | 'bad_verification_method' | 'context_mismatch';

export type PreparedProof =
  | { ok: true; unsecured: JsonObject; config: JsonObject; signature: Uint8Array; verificationMethod: string; publicKeyMultibase: string }
  | { ok: false; problem: ProofProblem };

/** Splits a secured document into what was signed and the signature, following the suite's verify algorithm. */
export function prepareVerification(secured: unknown): PreparedProof {
  if (!isObject(secured)) return { ok: false, problem: 'not_an_object' };
  const { proof, ...rest } = secured;
  if (!isObject(proof)) return { ok: false, problem: 'no_proof' };
  if (proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== CRYPTOSUITE || proof.proofPurpose !== 'assertionMethod') {
    return { ok: false, problem: 'unsupported_proof' };
  }
  const { proofValue, ...config } = proof;
  const signature = typeof proofValue === 'string' && proofValue.startsWith('z') ? base58Decode(proofValue.slice(1)) : null;
  if (!signature || signature.length !== 64) return { ok: false, problem: 'bad_proof_value' };
  const vm = config.verificationMethod;
  const publicKeyMultibase = typeof vm === 'string' ? (vm.split('#')[1] ?? '') : '';
  if (!ed25519PublicKeyFromMultibase(publicKeyMultibase)) return { ok: false, problem: 'bad_verification_method' };
  const unsecured: JsonObject = { ...rest };
  // §3.3.2 step 3: the document's @context must begin with the proof's, which then stands for it.
  if (config['@context'] !== undefined) {
    if (!startsWith(rest['@context'], config['@context'])) return { ok: false, problem: 'context_mismatch' };
    unsecured['@context'] = config['@context'];
  }
  return { ok: true, unsecured, config, signature, verificationMethod: vm as string, publicKeyMultibase };
}

function startsWith(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const prf = Array.isArray(proofContext) ? proofContext : [proofContext];
  return prf.length <= doc.length && prf.every((c, i) => canonicalize(c) === canonicalize(doc[i]));
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
