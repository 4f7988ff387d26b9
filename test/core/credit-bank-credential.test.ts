import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeCredential, transcriptCredential, VC_CONTEXT, type CredentialOutcome } from '../../core/credit-bank/credential.ts';
import { canonicalize } from '../../core/credit-bank/jcs.ts';

const learner = { accountNo: 'CB00000000000001', name: '张三' };
const outcome: CredentialOutcome = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'skillCertificate',
  code: 'X-101',
  title: '工业机器人操作与运维（中级）',
  issuerId: '22222222-2222-4222-8222-222222222222',
  issuerName: '某智能装备有限公司',
  field: '460305',
  level: 3,
  credits: null,
  grade: null,
  hours: null,
  awardRank: null,
  achievedOn: '2025-01-15',
  evidenceUrl: 'https://example.org/cert.pdf',
};

test('a single outcome is an OpenBadgeCredential: VC 2.0 context first, achievement with creator, learner by IdentityObject', () => {
  const c = outcomeCredential({ id: 'abc', issuedAt: '2025-02-01T00:00:00Z', learner, outcome });
  assert.deepEqual(c['@context'], VC_CONTEXT);
  assert.equal((c['@context'] as string[])[0], 'https://www.w3.org/ns/credentials/v2');
  assert.deepEqual(c.type, ['VerifiableCredential', 'OpenBadgeCredential']);
  assert.equal(c.id, 'urn:uuid:abc');
  assert.equal(c.validFrom, '2025-02-01T00:00:00Z');
  const subject = c.credentialSubject as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.deepEqual(subject.type, ['AchievementSubject']);
  assert.equal(subject.achievement.achievementType, 'Certification');
  assert.equal(subject.achievement.creator.name, '某智能装备有限公司');
  assert.deepEqual(
    subject.identifier.map((i: { identityType: string }) => i.identityType),
    ['identifier', 'name'],
  );
  assert.equal((c.evidence as unknown[]).length, 1);
  assert.doesNotThrow(() => canonicalize(c));
});

test('a transcript lists every outcome and recognised credit as results pointing at result descriptions', () => {
  const c = transcriptCredential({
    id: 't',
    issuedAt: '2025-02-01T00:00:00Z',
    learner,
    outcomes: [outcome, { ...outcome, id: 'o2', kind: 'schoolCourse', credits: 4, grade: '优' }],
    recognitions: [{ programName: '工业机器人技术', courseCode: 'Y1', credits: 3, outcomeTitle: outcome.title }],
  });
  const subject = c.credentialSubject as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.equal(subject.creditsEarned, 3);
  const ids = new Set(subject.achievement.resultDescription.map((d: { id: string }) => d.id));
  assert.equal(subject.result.length, 3);
  for (const r of subject.result) assert.ok(ids.has(r.resultDescription));
});
