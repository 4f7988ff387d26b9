/**
 * The policy file against the plan's own text. The seed (the plan as published) is the specification:
 * every target figure in it must be in policy/zhengzhou-2023.json and every figure in the policy must be
 * in the plan; the 29 task-list rows must match the attachment word for word (apart from recorded fixes).
 * The seed is the plan's published text kept in the repository (policy/text/, with its source); if it is
 * missing the test fails (no skip).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { currentPlan as plan } from '../../policy/index.ts';
import { PlanPolicyError, parsePlanPolicy } from '../../core/plan/plan.ts';
import type { PlanTarget } from '../../core/plan/plan.ts';
import rawPolicy from '../../policy/zhengzhou-2023.json' with { type: 'json' };

const SEED_URL = new URL('../../policy/text/zhengzhou-2023.txt', import.meta.url);
const seed = readFileSync(SEED_URL, 'utf8'); // throws (test file fails) when the seed is absent

const ATTACHMENT_AT = seed.indexOf('序号\t');
assert.ok(ATTACHMENT_AT > 0, 'the seed should contain the task-list table');
const body = seed.slice(0, seed.indexOf('附件：'));

// ---- number extraction -------------------------------------------------------------------------

/**
 * Numbers in the plan that are NOT targets, removed before extraction. Each entry says why.
 * Anything numeric that survives must carry a unit (%, 家, 个, 所, 门, 元, 年) or the test fails as
 * "unclassified", so a new kind of number in a new plan cannot slip through silently.
 */
const IGNORE: Array<{ re: RegExp; why: string }> = [
  { re: /〔\d{4}〕\d+号/g, why: 'document numbers: 郑政办〔2023〕38号, 国办发〔2017〕95号, 豫政办〔2018〕47号' },
  { re: /\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?/g, why: 'years and dates: 2023年10月10日, 到2025年, 到 2025 年' },
  { re: /^\d{1,2}\.\s/gm, why: 'ordinal numbers of the measures in the body: "1. 统筹…" … "18. 创新…"' },
  { re: /^\d{1,2}\t/gm, why: 'ordinal numbers (序号) of the task-list rows: "1\\t(一) …"' },
  { re: /“1\+X”/g, why: 'the name of the “1+X” certificate system, not a figure' },
];

type NumClass = 'percent' | 'count' | 'amount' | 'year';
const UNIT_CLASS: Record<string, NumClass> = {
  '%': 'percent',
  家: 'count',
  个: 'count',
  所: 'count',
  门: 'count',
  元: 'amount',
  年: 'year',
};

interface Found {
  value: number;
  cls: NumClass;
  context: string;
}

function extractTargetNumbers(text: string): { found: Found[]; unclassified: string[] } {
  let t = text;
  for (const { re } of IGNORE) t = t.replace(re, ' ');
  const found: Found[] = [];
  const unclassified: string[] = [];
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)\s*(%|家|个|所|门|元|年)?/g)) {
    const context = t.slice(Math.max(0, m.index - 12), m.index + m[0].length + 8).replace(/\s+/g, ' ');
    if (!m[2]) unclassified.push(context);
    else found.push({ value: Number(m[1]), cls: UNIT_CLASS[m[2]]!, context });
  }
  return { found, unclassified };
}

const extracted = extractTargetNumbers(seed);

function targetNumbers(t: PlanTarget): Array<{ value: number; cls: NumClass }> {
  // A target stated against another figure (中职 above 普高) has no number in the plan: its 100% means "every school".
  if (t.against) return [];
  const cls: NumClass = t.unit === '%' ? 'percent' : t.unit === '元' ? 'amount' : t.unit === '年' ? 'year' : 'count';
  const values = t.comparator === 'between' ? [t.min, t.max] : [t.value];
  const out = values.map((value) => ({ value, cls }));
  if (t.per) out.push({ value: t.per.value, cls: t.per.unit === '年' ? 'year' : 'count' });
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

test('extractor: ignores dates, document numbers, ordinals and 1+X; keeps figures with units', () => {
  const { found, unclassified } = extractTargetNumbers(
    '郑政办〔2023〕38号\n2023年10月10日\n1. 到 2025 年，打造 100 家；“1+X”证书；2%—3%；1.5%—2.5%；12000元；每5年不少于1年\n7\t\t建设10个',
  );
  assert.deepEqual(unclassified, []);
  assert.deepEqual(
    found.map((f) => `${f.value}${f.cls}`),
    ['100count', '2percent', '3percent', '1.5percent', '2.5percent', '12000amount', '5year', '1year', '10count'],
  );
  assert.deepEqual(extractTargetNumbers('共有 7 项').unclassified.length, 1);
});

test('seed: every number is either ignored (with a reason) or a figure with a unit', () => {
  assert.deepEqual(extracted.unclassified, [], 'numbers without a unit need an entry in IGNORE or a unit');
  // Sanity: the extractor actually saw the plan (both the body and the task list repeat the figures).
  assert.ok(extracted.found.length >= 60, `only ${extracted.found.length} figures extracted`);
  for (const [v, cls] of [
    [12000, 'amount'],
    [1.5, 'percent'],
    [2.5, 'percent'],
    [5, 'year'],
    [300, 'count'],
    [100, 'count'],
  ] as const) {
    assert.ok(
      extracted.found.some((f) => f.value === v && f.cls === cls),
      `expected ${v} (${cls}) in the seed`,
    );
  }
  for (const v of [2017, 2018, 2023, 2025, 38, 95, 47]) {
    assert.ok(!extracted.found.some((f) => f.value === v), `${v} should have been ignored`);
  }
});

test('every target figure in the plan is in the policy targets', () => {
  const inPolicy = plan.targets.flatMap(targetNumbers);
  const missing = extracted.found.filter((f) => !inPolicy.some((p) => p.cls === f.cls && close(p.value, f.value)));
  assert.deepEqual(
    missing.map((f) => `${f.value} (${f.cls}) at “${f.context}”`),
    [],
  );
});

test('every figure in the policy targets appears in the plan', () => {
  for (const t of plan.targets) {
    for (const n of targetNumbers(t)) {
      assert.ok(
        extracted.found.some((f) => f.cls === n.cls && close(f.value, n.value)),
        `${t.code}: ${n.value} (${n.cls}) is not in the plan text`,
      );
    }
  }
});

test('rules taken from this plan carry the same figures as the plan (fractions of its percentages)', () => {
  const fromPlan = Object.entries(plan.rules).filter(([, r]) => r.source.document.includes(plan.document));
  assert.ok(fromPlan.length >= 8);
  for (const [code, r] of fromPlan) {
    const nums: Array<{ value: number; cls: NumClass }> =
      r.kind === 'share'
        ? [{ value: r.value * 100, cls: 'percent' }]
        : r.kind === 'shareRange'
          ? [
              { value: r.min * 100, cls: 'percent' },
              { value: r.max * 100, cls: 'percent' },
            ]
          : r.kind === 'amount'
            ? [{ value: r.value, cls: 'amount' }]
            : r.kind === 'duration'
              ? [{ value: r.value, cls: 'year' }, ...(r.per ? [{ value: r.per.value, cls: 'year' as const }] : [])]
              : [];
    assert.ok(nums.length > 0, `${code}: unexpected kind ${r.kind}`);
    for (const n of nums) {
      assert.ok(
        extracted.found.some((f) => f.cls === n.cls && close(f.value, n.value)),
        `rule ${code}: ${n.value} not in the plan`,
      );
    }
    assert.ok(r.target, `rule ${code} should name the target it enforces`);
    const t = plan.targets.find((x) => x.code === r.target)!;
    const tn = targetNumbers(t)
      .map((x) => x.value)
      .sort();
    assert.deepEqual(nums.map((x) => Math.round(x.value * 1e6) / 1e6).sort(), tn, `rule ${code} and target ${t.code} disagree`);
  }
});

test('national internship figures are present and sourced', () => {
  const r = plan.rules;
  const v = (code: string) => {
    const rule = r[code];
    assert.ok(rule, `rule ${code} missing`);
    return rule;
  };
  assert.deepEqual(pick(v('intern_enterprise_cap')), { comparator: '<=', value: 0.1 });
  assert.deepEqual(pick(v('intern_position_cap')), { comparator: '<=', value: 0.2 });
  assert.deepEqual(pick(v('intern_pay_floor')), { comparator: '>=', value: 0.8 });
  assert.deepEqual(pick(v('intern_min_age')), { comparator: '>=', value: 16 });
  assert.deepEqual(pick(v('placement_min_study_year')), { comparator: '>=', value: 2 });
  assert.deepEqual(pick(v('placement_duration')), { comparator: '=', value: 6 });
  assert.deepEqual(pick(v('work_hours_daily')), { comparator: '<=', value: 8 });
  assert.deepEqual(pick(v('work_hours_weekly')), { comparator: '<=', value: 40 });
  for (const code of ['forbidden_workplaces', 'forbidden_tasks', 'forbidden_fees']) {
    const rule = v(code);
    assert.equal(rule.kind, 'list');
    if (rule.kind === 'list') assert.ok(rule.items.length >= 5);
  }
  for (const [code, rule] of Object.entries(r)) {
    assert.ok(rule.source.document, `${code}: source document`);
    if (rule.source.article === null) assert.equal(rule.check, true, `${code}: unknown article must be flagged check`);
  }
});

function pick(rule: object): { comparator: unknown; value: unknown } {
  const o = rule as { comparator?: unknown; value?: unknown };
  return { comparator: o.comparator, value: o.value };
}

// ---- structure -----------------------------------------------------------------------------------

/** Article references that exist in the body: "一 (二)", "二 (三) 10", "三 17"…, read from the seed's headings. */
function bodyArticles(): Set<string> {
  const refs = new Set<string>();
  let chapter = '';
  let section = '';
  for (const line of body.split('\n')) {
    const ch = /^([一二三])、/.exec(line);
    if (ch) {
      chapter = ch[1]!;
      section = '';
      refs.add(chapter);
      continue;
    }
    const sec = /^（([一二三四五六])）/.exec(line);
    if (sec) {
      section = sec[1]!;
      refs.add(`${chapter} (${section})`);
      continue;
    }
    const item = /^(\d{1,2})\.\s/.exec(line);
    if (item) refs.add(section ? `${chapter} (${section}) ${item[1]}` : `${chapter} ${item[1]}`);
  }
  return refs;
}

const ARTICLES = bodyArticles();
const TASK_REF = /^任务清单 (\d{1,2})$/;

function assertArticle(ref: string, where: string): void {
  const m = TASK_REF.exec(ref);
  if (m) assert.ok(Number(m[1]) >= 1 && Number(m[1]) <= plan.tasks.length, `${where}: no task ${m[1]}`);
  else assert.ok(ARTICLES.has(ref), `${where}: “${ref}” is not an article of the plan`);
}

test('body article references are parsed from the seed', () => {
  for (const ref of ['一 (二)', '二 (一) 2', '二 (三) 10', '二 (五) 16', '三 17', '三 18']) assert.ok(ARTICLES.has(ref), ref);
});

test('tasks are numbered exactly 1..29', () => {
  assert.deepEqual(
    plan.tasks.map((t) => t.no),
    Array.from({ length: 29 }, (_, i) => i + 1),
  );
});

test('every unit and target code referenced exists; every target has an article', () => {
  const units = new Set(plan.units.map((u) => u.code));
  const targets = new Set(plan.targets.map((t) => t.code));
  assert.equal(units.size, plan.units.length, 'unit codes unique');
  assert.equal(targets.size, plan.targets.length, 'target codes unique');
  assert.equal(
    plan.units
      .filter((u) => u.kind === 'bureau')
      .map((u) => u.code)
      .join(),
    'edu',
    'the education bureau is the one lead',
  );
  for (const t of plan.tasks) {
    for (const u of [t.leadUnit, ...t.coUnits]) assert.ok(units.has(u), `task ${t.no}: unit ${u}`);
    for (const c of t.targets) assert.ok(targets.has(c), `task ${t.no}: target ${c}`);
    assertArticle(t.article, `task ${t.no}`);
  }
  for (const t of plan.targets) {
    assert.ok(t.article.length > 0, `${t.code}: article`);
    for (const ref of t.article) assertArticle(ref, t.code);
    for (const u of t.responsibleUnits) assert.ok(units.has(u), `${t.code}: unit ${u}`);
    if (t.deadline) assert.equal(t.deadline, plan.horizon, `${t.code}: deadline`);
  }
});

test('targets and task items point at each other', () => {
  for (const t of plan.targets) {
    const items = t.article
      .map((a) => TASK_REF.exec(a))
      .filter((m) => m)
      .map((m) => Number(m![1]));
    const carriers = plan.tasks.filter((k) => k.targets.includes(t.code)).map((k) => k.no);
    assert.deepEqual(
      items.sort((a, b) => a - b),
      carriers,
      `${t.code}: article task refs vs task.targets`,
    );
    for (const no of carriers) {
      const task = plan.tasks[no - 1]!;
      for (const u of [task.leadUnit, ...task.coUnits]) {
        assert.ok(t.responsibleUnits.includes(u), `${t.code}: unit ${u} of task ${no} missing from responsibleUnits`);
      }
    }
  }
});

// ---- the task list word for word -----------------------------------------------------------------

/** The seed's OCR layout: half-width brackets and commas, spaces around numbers. */
const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，');

function seedTaskRows(): Array<{ no: number; text: string; units: string }> {
  const rows: Array<{ no: number; text: string; units: string }> = [];
  for (const line of seed.slice(ATTACHMENT_AT).split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = line.split('\t');
    if (/^\d+\t/.test(line)) rows.push({ no: Number(cells[0]), text: cells[2] ?? '', units: cells[3] ?? '' });
    else {
      // A row continued after a page break: "\t\t<text>\t<units>".
      rows[rows.length - 1]!.text += cells[2] ?? '';
      rows[rows.length - 1]!.units += cells[3] ?? '';
    }
  }
  return rows.map((r) => ({ no: r.no, text: norm(r.text), units: norm(r.units) }));
}

test('task texts and units match the seed, apart from recorded fixes', () => {
  const rows = seedTaskRows();
  assert.equal(rows.length, 29);
  const byName = new Map(plan.units.map((u) => [u.name, u.code]));
  for (const row of rows) {
    const task = plan.tasks[row.no - 1]!;
    let text = row.text;
    for (const f of task.fixes ?? []) {
      assert.ok(text.includes(f.seed), `task ${row.no}: fix source “${f.seed}” not in the seed`);
      assert.ok(norm(body).includes(f.fixed), `task ${row.no}: fix “${f.fixed}” is not supported by the plan body`);
      text = text.replace(f.seed, f.fixed);
    }
    assert.equal(task.text, text, `task ${row.no} text`);
    assert.equal(task.unitsText, row.units, `task ${row.no} units`);
    const names = row.units.split('、');
    if (row.units.endsWith('等部门')) {
      // Item 25: "市教育局等部门" — the lead is named, the others come from the text (see its note).
      assert.equal(task.leadUnit, byName.get(names[0]!.replace(/等部门$/, '')));
      assert.ok(task.note);
    } else {
      assert.deepEqual(
        [task.leadUnit, ...task.coUnits],
        names.map((n) => byName.get(n)),
        `task ${row.no} units`,
      );
    }
  }
});

// ---- the loader --------------------------------------------------------------------------------

test('parsePlanPolicy reports every problem, not just the first', () => {
  assert.throws(() => parsePlanPolicy(null), PlanPolicyError);
  try {
    parsePlanPolicy({ id: 'x', version: 0, units: 'no' });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof PlanPolicyError);
    assert.ok(e.issues.length >= 5, e.issues.join('\n'));
    assert.ok(e.issues.some((i) => i.startsWith('$.version')));
    assert.ok(e.issues.some((i) => i.startsWith('$.units')));
  }
});

test('parsePlanPolicy checks cross-references', () => {
  const copy = structuredClone(rawPolicy) as unknown as {
    tasks: Array<{ no: number; leadUnit: string; targets: string[] }>;
    targets: Array<{ article: string[] }>;
  };
  copy.tasks[3]!.no = 7;
  copy.tasks[0]!.leadUnit = 'nobody';
  copy.tasks[1]!.targets.push('no_such_target');
  try {
    parsePlanPolicy(copy);
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof PlanPolicyError);
    const all = e.issues.join('\n');
    assert.match(all, /tasks\[3\]\.no: should be 4/);
    assert.match(all, /unknown unit "nobody"/);
    assert.match(all, /unknown target "no_such_target"/);
  }
  const noArticle = structuredClone(rawPolicy) as unknown as { targets: Array<{ article: string[] }> };
  noArticle.targets[0]!.article = [];
  assert.throws(() => parsePlanPolicy(noArticle), /article: should not be empty/);
});

test('the policy parses and is what policy/index.ts exports', () => {
  assert.deepEqual(parsePlanPolicy(structuredClone(rawPolicy)), plan);
  assert.equal(plan.id, 'zhengzhou-2023');
  assert.equal(plan.document, '郑政办〔2023〕38号');
  assert.equal(plan.issued, '2023-10-10');
  assert.equal(plan.horizon, '2025-12-31');
});

test('the status thresholds and the supervision scheme are checked too', () => {
  const copy = structuredClone(rawPolicy) as unknown as {
    progressStatus: { amberRatio: number };
    supervision: { frequency: string; scoring: { weights: { quality: number }; indicators: string[] } };
  };
  copy.progressStatus.amberRatio = 1.5;
  copy.supervision.frequency = 'weekly';
  copy.supervision.scoring.weights.quality = 0.9;
  copy.supervision.scoring.indicators.push('no_such_target');
  try {
    parsePlanPolicy(copy);
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof PlanPolicyError);
    const all = e.issues.join('\n');
    assert.match(all, /progressStatus\.amberRatio/);
    assert.match(all, /supervision\.frequency/);
    assert.match(all, /weights should add up to 1/);
  }
  const unknown = structuredClone(rawPolicy) as unknown as { supervision: { scoring: { indicators: string[] } } };
  unknown.supervision.scoring.indicators.push('no_such_target');
  assert.throws(() => parsePlanPolicy(unknown), /unknown target "no_such_target"/);
  assert.equal(plan.progressStatus.amberRatio, 0.8);
  assert.equal(plan.supervision.frequency, 'quarterly');
});
