import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkEvidence,
  currentPeriod,
  isDevelopmentZone,
  leagueTable,
  overdue,
  periodsOf,
  reportIndex,
  reportSlots,
  roleInTask,
  sniffEvidence,
  timelinessOf,
  unitOf,
  EVIDENCE_MAX_BYTES,
} from '../../core/supervision/index.ts';
import { currentPlan } from '../../policy/index.ts';

test('quarterly periods from the issue date to the horizon, each due 15 days after it ends', () => {
  const ps = periodsOf('2023-10-10', '2025-12-31', 'quarterly', 15);
  assert.equal(ps.length, 9);
  assert.deepEqual(ps[0], { key: '2023Q4', label: '2023年第四季度', start: '2023-10-01', end: '2023-12-31', due: '2024-01-15' });
  assert.deepEqual(ps[1]!.end, '2024-03-31');
  assert.equal(ps.at(-1)!.key, '2025Q4');
  assert.equal(
    periodsOf('2023-10-10', '2025-12-31', 'halfYearly', 0)
      .map((p) => p.key)
      .join(),
    '2023H2,2024H1,2024H2,2025H1,2025H2',
  );
  assert.equal(
    periodsOf('2023-10-10', '2024-02-10', 'monthly', 5)
      .map((p) => p.key)
      .join(),
    '2023-10,2023-11,2023-12,2024-01,2024-02',
  );
  assert.equal(periodsOf('2024-02-10', '2024-12-31', 'monthly', 0)[0]!.end, '2024-02-29', 'leap year');
  assert.equal(periodsOf('2023-10-10', '2025-12-31', 'yearly', 30).at(-1)!.due, '2026-01-30');
});

test('the reporting frequency and scoring scheme are data in the policy file', () => {
  const s = currentPlan.supervision;
  assert.equal(s.article, '三 18');
  assert.equal(s.frequency, 'quarterly');
  const w = s.scoring.weights;
  assert.equal(w.timeliness + w.quality + w.indicators, 1);
  for (const code of s.scoring.indicators)
    assert.ok(
      currentPlan.targets.some((t) => t.code === code),
      code,
    );
});

test('current period: the one in progress, the last after the horizon, none before the first', () => {
  const ps = periodsOf('2023-10-10', '2025-12-31', 'quarterly', 15);
  assert.equal(currentPeriod(ps, '2024-05-01')!.key, '2024Q2');
  assert.equal(currentPeriod(ps, '2026-11-29')!.key, '2025Q4');
  assert.equal(currentPeriod(ps, '2023-01-01'), null);
});

test('units: the bureau is edu, a department its code, a district a county or a development zone', () => {
  assert.equal(unitOf({ kind: 'bureau', code: 'edu' }), 'edu');
  assert.equal(unitOf({ kind: 'department', code: 'hrss' }), 'hrss');
  assert.equal(unitOf({ kind: 'district', code: '410105' }), 'districts');
  assert.equal(unitOf({ kind: 'district', code: '410171' }), 'dev_zones');
  assert.equal(unitOf({ kind: 'district', code: 'ZZ-ZDXQ' }), 'dev_zones');
  assert.equal(unitOf({ kind: 'school', code: '4101000001' }), null);
  assert.ok(isDevelopmentZone('410173') && !isDevelopmentZone('410185'));
  const task16 = currentPlan.tasks[15]!;
  assert.equal(roleInTask(task16, 'ndrc'), 'lead');
  assert.equal(roleInTask(task16, 'districts'), 'co');
  assert.equal(roleInTask(task16, 'union'), null);
});

test('slots: each organisation of a task unit owes a report per period; overdue ones are those past due without one', () => {
  const orgs = [
    { id: 'edu1', unit: 'edu', districtId: null },
    { id: 'd1', unit: 'districts', districtId: 'd1' },
    { id: 'd2', unit: 'districts', districtId: 'd2' },
    { id: 'z1', unit: 'dev_zones', districtId: 'z1' },
  ];
  const tasks = [
    { no: 1, leadUnit: 'edu', coUnits: ['ndrc', 'districts'] },
    { no: 3, leadUnit: 'edu', coUnits: [] },
  ];
  const slots = reportSlots(tasks, orgs);
  assert.deepEqual(
    slots.map((s) => `${s.taskNo}:${s.organisationId}`),
    ['1:edu1', '1:d1', '1:d2', '3:edu1'],
  );
  const ps = periodsOf('2024-01-01', '2024-06-30', 'quarterly', 15);
  const index = reportIndex([
    { taskNo: 1, period: '2024Q1', organisationId: 'd1', late: false, status: 'rated', score: 80 },
    { taskNo: 1, period: '2024Q1', organisationId: 'd2', late: true, status: 'submitted', score: null },
  ]);
  const late = overdue(slots, ps, index, '2024-05-01');
  assert.deepEqual(
    late.map((l) => `${l.slot.taskNo}:${l.slot.organisationId}`),
    ['1:edu1', '3:edu1'],
    'Q2 is not yet due',
  );
  const t = timelinessOf(slots, ps, index, '2024-05-01');
  assert.deepEqual(t.get('d1'), { dueSlots: 1, onTime: 1, scores: [80] });
  assert.deepEqual(t.get('d2'), { dueSlots: 1, onTime: 0, scores: [] });
});

test('league table: weighted parts, missing parts give their weight away, ties share a rank', () => {
  const scheme = { weights: { timeliness: 0.3, quality: 0.5, indicators: 0.2 }, indicators: ['x'] };
  const rows = leagueTable(
    [
      { districtId: 'a', name: '甲区', dueSlots: 10, onTime: 10, scores: [80, 100], indicatorProgress: [1.5] },
      { districtId: 'b', name: '乙区', dueSlots: 10, onTime: 5, scores: [], indicatorProgress: [0.5] },
      { districtId: 'c', name: '丙区', dueSlots: 0, onTime: 0, scores: [], indicatorProgress: [null] },
      { districtId: 'd', name: '丁区', dueSlots: 10, onTime: 5, scores: [], indicatorProgress: [0.5] },
    ],
    scheme,
  );
  assert.deepEqual(
    rows.map((r) => [r.rank, r.districtId, r.total]),
    [
      [1, 'a', 95],
      [2, 'd', 50],
      [2, 'b', 50],
      [4, 'c', null],
    ],
    'ties in pinyin order: 丁 before 乙',
  );
  assert.equal(rows[0]!.indicators, 100, 'achievement is capped at 100%');
  // 乙区: quality missing → (0.3×50 + 0.2×50) / 0.5 = 50.
  assert.equal(rows[2]!.quality, null);
});

const zip = (entries: string[]) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from(entries.join('\0'), (c) => c.charCodeAt(0))]);
const PDF = new TextEncoder().encode('%PDF-1.7\n%…');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

test('evidence type by content: PDF, JPEG, PNG, xlsx and docx; anything else or a renamed file is refused', () => {
  assert.equal(sniffEvidence(PDF), 'pdf');
  assert.equal(sniffEvidence(PNG), 'png');
  assert.equal(sniffEvidence(JPG), 'jpg');
  assert.equal(sniffEvidence(zip(['[Content_Types].xml', 'xl/workbook.xml'])), 'xlsx');
  assert.equal(sniffEvidence(zip(['[Content_Types].xml', 'word/document.xml'])), 'docx');
  assert.equal(sniffEvidence(zip(['evil.exe'])), null, 'a plain zip is not an Office file');
  assert.equal(sniffEvidence(new TextEncoder().encode('MZ\x90\0')), null);
  assert.deepEqual(checkEvidence('通知.pdf', PDF), { ok: true, type: 'pdf', mediaType: 'application/pdf' });
  assert.equal(checkEvidence('照片.JPEG', JPG).ok, true);
  const renamed = checkEvidence('setup.pdf', new TextEncoder().encode('MZ\x90\0binary'));
  assert.equal(renamed.ok, false);
  assert.equal(!renamed.ok && renamed.reason, 'type');
  const exe = checkEvidence('setup.exe', PDF);
  assert.ok(!exe.ok && exe.reason === 'type' && exe.message.includes('.exe'));
  const big = checkEvidence('大.pdf', new Uint8Array(EVIDENCE_MAX_BYTES + 1));
  assert.ok(!big.ok && big.reason === 'tooLarge' && big.message.includes('10 MB'));
  assert.equal(checkEvidence('空.pdf', new Uint8Array(0)).ok, false);
});
