import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderA4Pdf, type PdfDocumentSpec } from '../../server/platform/pdf/a4-document.ts';
import { pdfPages } from '../support/pdf-text.ts';

const spec = (rows: number): PdfDocumentSpec => ({
  title: '郑州市职业学校质量年度报告',
  subtitle: '2026年度',
  issuer: '郑州市教育局',
  issuedOn: '2026-12-07',
  generatedAt: new Date('2026-12-07T02:00:00Z'),
  blocks: [
    { kind: 'heading', text: '一、人才培养' },
    { kind: 'paragraph', text: '学校坚持产教融合、校企合作，'.repeat(20) },
    {
      kind: 'fields',
      rows: [
        ['填报单位', '郑州市第一中等专业学校'],
        ['联系人', ''],
      ],
    },
    {
      kind: 'table',
      table: {
        caption: '表1 计分卡',
        dataDate: '2026-12-01',
        columns: [{ title: '指标名称', width: 3 }, { title: '单位' }, { title: '数值', align: 'right' }],
        rows: Array.from({ length: rows }, (_, i) => [
          `毕业生就业去向落实率（第${i + 1}项，含升学、参军、自主创业等各类去向）`,
          '%',
          String(90 + (i % 10)),
        ]),
        empty: '本年度尚无数据',
      },
    },
  ],
});

test('an A4 document embeds a subset of the CJK face and prints its title, fields and table with the data date', async () => {
  const pdf = await renderA4Pdf(spec(3));
  const raw = pdf.toString('latin1');
  assert.match(raw, /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4 in points');
  assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans/, 'the face is embedded as a subset');
  assert.ok(pdf.length < 400_000, `a subset, not the 8 MB face: ${pdf.length} bytes`);
  const [page, ...more] = await pdfPages(pdf);
  assert.equal(more.length, 0);
  for (const text of [
    '郑州市职业学校质量年度报告',
    '郑州市教育局',
    '2026-12-07',
    '填报单位：郑州市第一中等专业学校',
    '联系人：—',
    '表1 计分卡',
    '第3项',
    '数据日期：2026-12-01',
    '第 1 页 共 1 页',
  ]) {
    assert.ok(page!.includes(text), `page 1 prints ${text}: ${page}`);
  }
});

test('a long table runs onto further pages, each with the header row again and its page number', async () => {
  const pages = await pdfPages(await renderA4Pdf(spec(120)));
  assert.ok(pages.length >= 4, `120 wrapped rows need several pages, got ${pages.length}`);
  pages.forEach((text, i) => {
    assert.ok(text.includes('指标名称'), `page ${i + 1} repeats the header row`);
    assert.ok(text.includes(`第 ${i + 1} 页 共 ${pages.length} 页`), `page ${i + 1} is numbered`);
  });
  assert.ok(pages.at(-1)!.includes('第120项') && pages.at(-1)!.includes('数据日期'), 'the last row and the data date end the table');
});

test('an empty table prints one row saying so instead of a bare header', async () => {
  const [page] = await pdfPages(await renderA4Pdf(spec(0)));
  assert.ok(page!.includes('本年度尚无数据'), page);
});

test('a bar chart prints its caption, each label and value, the target line and its data date', async () => {
  const [page] = await pdfPages(
    await renderA4Pdf({
      ...spec(0),
      blocks: [
        {
          kind: 'bars',
          chart: {
            caption: '图1 留郑率（%），按区县(市)',
            dataDate: '2026-12-01',
            unit: '%',
            target: 60,
            bars: [
              { label: '金水区', value: 72.5 },
              { label: '中原区', value: 48 },
            ],
          },
        },
      ],
    }),
  );
  for (const text of ['图1 留郑率（%），按区县(市)', '金水区', '72.5%', '中原区', '48%', '目标 60%', '数据日期：2026-12-01'])
    assert.ok(page!.includes(text), `the chart prints ${text}: ${page}`);
});
