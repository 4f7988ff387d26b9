import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fillTemplate } from '../../core/internships/agreement.ts';
import type { Agreement } from '../../contracts/internship-lifecycle.ts';
import type { PdfBlock, PdfDocumentSpec } from '../platform/pdf/a4-document.ts';
import { AGREEMENT_PARTY_LABELS } from '../../contracts/internship-lifecycle.ts';

/**
 * The tripartite agreement's text: the template file (after the model text issued with the regulation) filled
 * with the placement's facts. The template's version is its content hash, so a changed template is visible on
 * every agreement generated from it.
 */
const TEMPLATE = readFileSync(new URL('./agreement-template.zh.txt', import.meta.url), 'utf8');
export const TEMPLATE_VERSION = `zz-2021-${crypto.createHash('sha256').update(TEMPLATE).digest('hex').slice(0, 8)}`;

export interface AgreementFacts {
  agreementNo: string;
  schoolName: string;
  enterpriseName: string;
  studentName: string;
  studentIdMasked: string;
  studentBirthDate: string;
  kind: 'observation' | 'placement';
  postTitle: string;
  location: string | null;
  startDate: string;
  endDate: string;
  dailyHours: number;
  weeklyHours: number;
  monthlyPayYuan: number;
  payFloor: number;
  insurancePayer: 'school' | 'enterprise' | 'none';
  generatedOn: string;
}

export function agreementText(f: AgreementFacts) {
  const text = fillTemplate(TEMPLATE, {
    agreementNo: f.agreementNo,
    templateVersion: TEMPLATE_VERSION,
    schoolName: f.schoolName,
    enterpriseName: f.enterpriseName,
    studentName: f.studentName,
    studentIdMasked: f.studentIdMasked,
    studentBirthDate: f.studentBirthDate,
    kindLabel: f.kind === 'placement' ? '岗位实习' : '认识实习',
    postTitle: f.postTitle,
    location: f.location ?? '以实习单位安排为准',
    startDate: f.startDate,
    endDate: f.endDate,
    dailyHours: String(f.dailyHours),
    weeklyHours: String(f.weeklyHours),
    monthlyPay: String(f.monthlyPayYuan),
    payFloorPercent: String(Math.round(f.payFloor * 100)),
    // A post published under the regulation never says 'none'; the agreement still names a party who must insure.
    insurancePayer: f.insurancePayer === 'school' ? '甲方（学校）' : '乙方（实习单位）',
    generatedOn: f.generatedOn,
  });
  return { text, textSha256: crypto.createHash('sha256').update(text).digest('hex'), templateVersion: TEMPLATE_VERSION };
}

const RELATIONS: Record<string, string> = { father: '父亲', mother: '母亲', other_guardian: '其他监护人' };

/** The agreement as filed: its text, the signature record and the digest that binds them, as an A4 document. */
export function agreementDocument(a: Agreement, issuedOn: string, generatedAt: Date): PdfDocumentSpec {
  const [title = '三方协议', ...lines] = a.text.split('\n');
  const blocks: PdfBlock[] = lines
    .filter((line) => line.trim())
    .map((line) =>
      /^第[一二三四五六七八九十]+条/.test(line) ? { kind: 'heading', text: line, level: 2 } : { kind: 'paragraph', text: line },
    );
  const signatures = a.requiredParties.map((party) => {
    const s = a.signatures.find((x) => x.party === party);
    if (!s) return [AGREEMENT_PARTY_LABELS[party], '未签', ''];
    const who =
      party === 'guardian'
        ? `${s.guardianName ?? ''}（${RELATIONS[s.guardianRelation ?? ''] ?? ''}，由${s.signerName}登记）`
        : s.signerName;
    return [AGREEMENT_PARTY_LABELS[party], who, new Date(s.signedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })];
  });
  blocks.push(
    {
      kind: 'table',
      table: {
        caption: '签署记录',
        dataDate: issuedOn,
        columns: [{ title: '签署方' }, { title: '签字人', width: 2 }, { title: '签署时间', width: 1.5 }],
        rows: signatures,
      },
    },
    {
      kind: 'fields',
      rows: [
        ['文本版本', a.templateVersion],
        ['文本摘要（SHA-256）', a.textSha256],
        [
          '状态',
          a.complete
            ? '各方已签齐，协议生效。'
            : `尚未签齐（缺${a.missingParties.map((p) => AGREEMENT_PARTY_LABELS[p]).join('、')}），协议未生效。`,
        ],
      ],
    },
  );
  return { title, issuer: '产教 Chanjiao 实习管理', issuedOn, generatedAt, blocks };
}
