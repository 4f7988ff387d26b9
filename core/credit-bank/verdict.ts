import type { ProofProblem } from './proof.ts';

/**
 * The answer of the public verification page, decided from the facts the server gathered. Order matters:
 * a document whose signature fails is 'tampered' whatever its records say; a sound signature by a revoked key,
 * or a revoked credential, is 'revoked' with the reason; only then 'valid'.
 */
export type VerificationStatus = 'valid' | 'revoked' | 'tampered' | 'unknown';

export interface VerificationFacts {
  problem: ProofProblem | null;
  /** The platform's record of the signing key; null when the key is not one of the platform's. */
  key: { status: 'active' | 'retired' | 'revoked'; revokedReason: string | null; revokedAt: string | null } | null;
  signatureValid: boolean;
  /** The platform's record of the credential id; null when it has none. */
  credential: { status: 'active' | 'revoked'; revokedReason: string | null; revokedAt: string | null } | null;
}

export interface Verdict {
  status: VerificationStatus;
  valid: boolean;
  code: string;
  reason: string;
}

const PROBLEM_REASONS: Record<ProofProblem, string> = {
  not_an_object: '内容不是 JSON 对象格式的凭证',
  no_proof: '凭证缺少签名（proof）',
  unsupported_proof: '签名类型不受支持（需要 DataIntegrityProof / eddsa-jcs-2022 / assertionMethod）',
  bad_proof_value: '签名值（proofValue）格式不正确',
  bad_verification_method: '签名密钥标识（verificationMethod）格式不正确',
  context_mismatch: '凭证的 @context 与签名中的不一致，内容已被改动',
};

export function decideVerdict(f: VerificationFacts): Verdict {
  if (f.problem) {
    return {
      status: f.problem === 'not_an_object' ? 'unknown' : 'tampered',
      valid: false,
      code: f.problem,
      reason: PROBLEM_REASONS[f.problem],
    };
  }
  if (!f.key) return { status: 'unknown', valid: false, code: 'unknown_key', reason: '签名密钥不是本平台的密钥，无法确认签发方' };
  if (!f.signatureValid)
    return { status: 'tampered', valid: false, code: 'signature_invalid', reason: '签名校验失败：凭证内容在签发后被改动过' };
  if (f.key.status === 'revoked') {
    return {
      status: 'revoked',
      valid: false,
      code: 'key_revoked',
      reason: `签发所用的密钥已于 ${f.key.revokedAt ?? ''} 吊销：${f.key.revokedReason ?? ''}`.trim(),
    };
  }
  if (!f.credential)
    return { status: 'unknown', valid: false, code: 'unknown_credential', reason: '签名有效，但平台没有这份凭证的签发记录' };
  if (f.credential.status === 'revoked') {
    return {
      status: 'revoked',
      valid: false,
      code: 'credential_revoked',
      reason: `凭证已于 ${f.credential.revokedAt ?? ''} 撤销：${f.credential.revokedReason ?? ''}`.trim(),
    };
  }
  return { status: 'valid', valid: true, code: 'valid', reason: '签名有效，凭证由本平台签发且未被撤销' };
}
