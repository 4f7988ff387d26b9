import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fillTemplate } from '../../core/internships/agreement.ts';
import type { Agreement } from '../../contracts/internship-lifecycle.ts';
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

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const RELATIONS: Record<string, string> = { father: '父亲', mother: '母亲', other_guardian: '其他监护人' };

/** A print-ready A4 page of the agreement with its recorded signatures (Chinese, 宋体 body). */
export function agreementHtml(a: Agreement): string {
  const paragraphs = a.text
    .split('\n')
    .map((line, i) => {
      if (i === 0) return `<h1>${escapeHtml(line)}</h1>`;
      if (/^第[一二三四五六七八九十]+条/.test(line)) return `<h2>${escapeHtml(line)}</h2>`;
      return line.trim() ? `<p>${escapeHtml(line)}</p>` : '';
    })
    .join('\n');
  const rows = a.requiredParties
    .map((party) => {
      const s = a.signatures.find((x) => x.party === party);
      const who = s
        ? escapeHtml(
            party === 'guardian'
              ? `${s.guardianName ?? ''}（${RELATIONS[s.guardianRelation ?? ''] ?? ''}，由${s.signerName}登记）`
              : s.signerName,
          )
        : '<span class="missing">未签</span>';
      const at = s ? escapeHtml(new Date(s.signedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })) : '';
      return `<tr><th>${AGREEMENT_PARTY_LABELS[party]}</th><td>${who}</td><td>${at}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>三方协议 ${escapeHtml(a.id.slice(0, 8))}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.75; color: #000; max-width: 174mm; margin: 0 auto; padding: 8mm; }
  h1 { text-align: center; font-size: 18pt; margin: 0 0 6mm; letter-spacing: 2pt; }
  h2 { font-size: 12pt; margin: 4mm 0 1mm; }
  p { margin: 0; text-indent: 0; }
  table { width: 100%; border-collapse: collapse; margin-top: 8mm; page-break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; font-weight: normal; }
  th { width: 32%; }
  .missing { color: #a00; }
  .meta { margin-top: 4mm; font-size: 9pt; color: #444; word-break: break-all; }
  @media print { body { padding: 0; } .noprint { display: none; } }
</style></head>
<body>
<p class="noprint" style="text-align:right"><button onclick="window.print()">打印</button></p>
${paragraphs}
<table><caption style="text-align:left;font-weight:bold">签署记录</caption>
<tr><th>签署方</th><td>签字人</td><td>签署时间</td></tr>
${rows}
</table>
<p class="meta">文本版本 ${escapeHtml(a.templateVersion)}；文本摘要（SHA-256）${escapeHtml(a.textSha256)}；${a.complete ? '各方已签齐，协议生效。' : '尚未签齐，协议未生效。'}</p>
</body></html>`;
}
