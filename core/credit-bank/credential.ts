import { OUTCOME_ACHIEVEMENT_TYPE, OUTCOME_KIND_LABELS, type OutcomeKind } from './kinds.ts';
import type { JsonObject } from './proof.ts';

/**
 * Unsigned credentials in the Open Badges 3.0 shape (an OpenBadgeCredential is a W3C Verifiable Credential
 * 2.0): a single learning outcome as one achievement, and a transcript as one achievement whose results list
 * every outcome and recognised credit. The learner is named through IdentityObjects, not an ID number.
 */
export const VC_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
export const PLATFORM_ISSUER_ID = 'urn:chanjiao:creditbank:zhengzhou';
export const PLATFORM_ISSUER_NAME = '郑州市学分银行（郑州市产教融合、校企合作信息服务平台）';

export interface CredentialLearner {
  accountNo: string;
  name: string;
}

export interface CredentialOutcome {
  id: string;
  kind: OutcomeKind;
  code: string | null;
  title: string;
  issuerId: string;
  issuerName: string;
  field: string | null;
  level: number | null;
  credits: number | null;
  grade: string | null;
  hours: number | null;
  awardRank: string | null;
  achievedOn: string;
  evidenceUrl: string | null;
}

function base(id: string, issuedAt: string, name: string): JsonObject {
  return {
    '@context': VC_CONTEXT,
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: PLATFORM_ISSUER_ID, type: ['Profile'], name: PLATFORM_ISSUER_NAME },
    validFrom: issuedAt,
    name,
  };
}

function subjectIdentity(learner: CredentialLearner) {
  return [
    { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: learner.accountNo },
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name },
  ];
}

function outcomeDescription(o: CredentialOutcome): string {
  const parts = [OUTCOME_KIND_LABELS[o.kind], `签发单位：${o.issuerName}`, `取得日期：${o.achievedOn}`];
  if (o.credits !== null) parts.push(`学分：${o.credits}`);
  if (o.grade) parts.push(`成绩：${o.grade}`);
  if (o.hours !== null) parts.push(`学时：${o.hours}`);
  if (o.level !== null) parts.push(`等级：${o.level}`);
  if (o.awardRank) parts.push(`奖项：${o.awardRank}`);
  return parts.join('；');
}

export function outcomeCredential(opts: {
  id: string;
  issuedAt: string;
  learner: CredentialLearner;
  outcome: CredentialOutcome;
}): JsonObject {
  const o = opts.outcome;
  const achievement: JsonObject = {
    id: `urn:uuid:${o.id}`,
    type: ['Achievement'],
    achievementType: OUTCOME_ACHIEVEMENT_TYPE[o.kind],
    name: o.title,
    description: outcomeDescription(o),
    criteria: { narrative: `由${o.issuerName}认定并在郑州市学分银行登记` },
    creator: { id: `urn:uuid:${o.issuerId}`, type: ['Profile'], name: o.issuerName },
    ...(o.code && { humanCode: o.code }),
    ...(o.field && { fieldOfStudy: o.field }),
    ...(o.credits !== null && { creditsAvailable: o.credits }),
  };
  const subject: JsonObject = {
    type: ['AchievementSubject'],
    identifier: subjectIdentity(opts.learner),
    achievement,
    activityEndDate: `${o.achievedOn}T00:00:00Z`,
    ...(o.credits !== null && { creditsEarned: o.credits }),
    ...(o.grade && { result: [{ type: ['Result'], value: o.grade }] }),
  };
  return {
    ...base(opts.id, opts.issuedAt, o.title),
    credentialSubject: subject,
    ...(o.evidenceUrl && { evidence: [{ id: o.evidenceUrl, type: ['Evidence'], name: '成果佐证材料' }] }),
  };
}

export interface TranscriptRecognition {
  programName: string;
  courseCode: string | null;
  credits: number;
  outcomeTitle: string | null;
}

export function transcriptCredential(opts: {
  id: string;
  issuedAt: string;
  learner: CredentialLearner;
  outcomes: CredentialOutcome[];
  recognitions: TranscriptRecognition[];
}): JsonObject {
  const descriptions = [
    ...opts.outcomes.map((o, i) => ({
      id: `urn:chanjiao:rd:outcome:${i + 1}`,
      type: ['ResultDescription'],
      name: o.title,
      resultType: 'ext:LearningOutcome',
    })),
    ...opts.recognitions.map((r, i) => ({
      id: `urn:chanjiao:rd:recognition:${i + 1}`,
      type: ['ResultDescription'],
      name: `${r.programName} ${r.courseCode ?? ''}`.trim(),
      resultType: 'ext:RecognisedCredits',
    })),
  ];
  const results = [
    ...opts.outcomes.map((o, i) => ({
      type: ['Result'],
      resultDescription: `urn:chanjiao:rd:outcome:${i + 1}`,
      value: outcomeDescription(o),
    })),
    ...opts.recognitions.map((r, i) => ({
      type: ['Result'],
      resultDescription: `urn:chanjiao:rd:recognition:${i + 1}`,
      value: `${r.credits} 学分${r.outcomeTitle ? `（由“${r.outcomeTitle}”认定）` : ''}`,
    })),
  ];
  const recognised = Math.round(opts.recognitions.reduce((s, r) => s + r.credits, 0) * 100) / 100;
  return {
    ...base(opts.id, opts.issuedAt, '学分银行学习成果与学分记录'),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: subjectIdentity(opts.learner),
      creditsEarned: recognised,
      achievement: {
        id: `urn:chanjiao:transcript:${opts.learner.accountNo}`,
        type: ['Achievement'],
        achievementType: 'ext:Transcript',
        name: '学分银行学习成果与学分记录',
        description: `共 ${opts.outcomes.length} 项学习成果，已认定 ${recognised} 学分`,
        criteria: { narrative: '郑州市学分银行登记的全部有效学习成果及学分认定结果' },
        resultDescription: descriptions,
      },
      result: results,
    },
  };
}
