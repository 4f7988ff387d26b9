import type { QualityReport } from '../../../contracts/quality-reports.ts';
import { todayOf } from '../../../core/calendar.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../platform/pdf/a4-document.ts';

/**
 * A report as the printable A4 document: the title and who issues it, the parts in order (a draft's unwritten part
 * says so), then the tables with every row's value, data date and source, and the rows without data listed as
 * missing. What the bureau approved prints the tables frozen at submission.
 */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function titleOf(r: Pick<QualityReport, 'kind' | 'organisationName' | 'year'>): string {
  return r.kind === 'city' ? `郑州市中等职业教育质量年度报告（${r.year}年度）` : `${r.organisationName}质量年度报告（${r.year}年度）`;
}

export function reportPdfSpec(r: QualityReport, now: Date): PdfDocumentSpec {
  const fields: [string, string][] = [
    ['报告单位', r.kind === 'city' ? `${r.organisationName}（全市中职）` : r.organisationName],
    ['报告年度', `${r.year}年度`],
    ['状态', r.statusLabel],
    ['表格数据日期', r.dataDate],
  ];
  if (r.districtName) fields.splice(1, 0, ['所在区县', r.districtName]);
  if (r.kind === 'enterprise')
    fields.push([
      '联合发布学校',
      r.partners.map((p) => `${p.name}（${p.confirmed ? `已确认 ${p.confirmedAt}` : '待确认'}）`).join('；') || '—',
    ]);
  if (r.publishedAt) fields.push(['公开时间', r.publishedAt]);
  const blocks: PdfBlock[] = [{ kind: 'fields', rows: fields }];
  r.parts.forEach((p, i) => {
    blocks.push({ kind: 'heading', text: `${NUMERALS[i] ?? i + 1}、${p.title}` });
    const paragraphs = p.text
      .split(/\n+/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (!paragraphs.length) blocks.push({ kind: 'paragraph', text: '（尚未填写）' });
    for (const text of paragraphs) blocks.push({ kind: 'paragraph', text });
  });
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', text: '附表' });
  const city = r.kind === 'city';
  r.tables.forEach((t, i) => {
    blocks.push({
      kind: 'table',
      table: {
        caption: `附表${i + 1} ${t.title}`,
        dataDate: t.dataDate,
        columns: [
          { title: '指标', width: 4 },
          { title: '数值', width: 2, align: 'right' },
          ...(city ? [{ title: '有数据学校数', width: 1.4, align: 'right' as const }] : []),
          { title: '数据日期', width: 1.8 },
          { title: '数据来源', width: 1.8 },
        ],
        rows: t.rows.map((row) => [
          row.label,
          row.display,
          ...(city ? [String(row.basis ?? 0)] : []),
          row.dataDate,
          row.source ?? '平台暂未采集',
        ]),
      },
    });
  });
  if (r.missing.length) {
    blocks.push({ kind: 'heading', text: '暂无数据的指标', level: 2 });
    blocks.push({ kind: 'paragraph', text: r.missing.join('；') });
  }
  return {
    title: titleOf(r),
    subtitle: r.status === 'published' ? undefined : `${r.statusLabel}（未经审核公开）`,
    issuer: r.organisationName,
    issuedOn: todayOf(now),
    generatedAt: now,
    blocks,
  };
}
