/**
 * The shape of a plan policy file (policy/<plan-id>.json) and its validation.
 *
 * Policy is data: the plan's targets, thresholds and task list, each with the article it comes from, so
 * that the next plan — or another city's — is a new JSON file, not a code change. This module is pure:
 * it takes already-parsed JSON and either returns a typed PlanPolicy or throws PlanPolicyError listing
 * every problem found (not just the first), so whoever edits the file fixes it in one pass.
 */

export type UnitKind = 'bureau' | 'department' | 'districts';
export type TargetKind = 'count' | 'share' | 'amount' | 'range' | 'duration';
export type TargetScope = 'city' | 'school' | 'enterprise' | 'teacher';
export type Comparator = '>=' | '<=';

/** A responsible unit (责任单位) of the task list. */
export interface PlanUnit {
  /** Stable identifier used everywhere else in the file and in the database. */
  code: string;
  name: string;
  /** `bureau`: the lead 市教育局; `department`: other city units; `districts`: 开发区 / 区县(市) governments. */
  kind: UnitKind;
}

export interface Period {
  value: number;
  unit: string;
}

interface TargetBase {
  code: string;
  name: string;
  /** References such as "一 (二)", "二 (三) 10", "任务清单 13" — the first is the main one. */
  article: string[];
  kind: TargetKind;
  /** 个, 家, 所, 门, %, 元, 年. Shares are in percent here (60 means 60%); rules use fractions. */
  unit: string;
  /** "YYYY-MM-DD"; null for standing rules that apply every year. */
  deadline: string | null;
  /** Whether the article itself says 到2025年 (false: the date is the plan's horizon). */
  deadlineStated: boolean;
  scope: TargetScope;
  /** How it is measured, in Chinese. */
  measure: string;
  responsibleUnits: string[];
  /** "within every …" for durations: 1 year per 5 years → value 1, per { value: 5, unit: "年" }. */
  per?: Period;
  /**
   * For a target the plan states against another figure, not a number (中职 funding above the local 普通高中's):
   * that figure. Its value is then the share of schools meeting it (100 = all), not a figure of the plan's text.
   */
  against?: string;
  note?: string;
}

export type PlanTarget =
  (TargetBase & { comparator: Comparator; value: number }) | (TargetBase & { comparator: 'between'; min: number; max: number });

/** A text correction made to the seed's task-list text (OCR loss), recorded so the test can replay it. */
export interface TextFix {
  seed: string;
  fixed: string;
}

/** One row of the 任务清单 (attachment to the plan). */
export interface PlanTask {
  no: number;
  /** 工作领域, e.g. "（一）构建产教融合发展新格局". */
  area: string;
  /** The body article the item implements, e.g. "二 (三) 7". */
  article: string;
  text: string;
  /** The 责任单位 column as printed. */
  unitsText: string;
  /** First unit listed. */
  leadUnit: string;
  coUnits: string[];
  /** Codes of the targets the item carries. */
  targets: string[];
  fixes?: TextFix[];
  note?: string;
}

export interface RuleSource {
  document: string;
  /** null when the article number could not be confirmed (then `check` is true). */
  article: string | null;
}

interface RuleBase {
  name: string;
  description: string;
  source: RuleSource;
  /** True where the wording or article must be confirmed against the official text before production use. */
  check: boolean;
  /** The plan target this rule enforces, when there is one. */
  target?: string;
  note?: string;
}

export interface ListItem {
  code: string;
  name: string;
  /** Article the item comes from when it differs from the rule's. */
  article?: string;
}

/** A threshold other modules enforce. Shares and ranges are fractions (0.5 = 50%). */
export type PlanRule =
  | (RuleBase & { kind: 'share'; comparator: Comparator; value: number; of: string })
  | (RuleBase & { kind: 'shareRange'; min: number; max: number; of: string })
  | (RuleBase & { kind: 'amount'; comparator: Comparator; value: number; unit: string })
  | (RuleBase & { kind: 'duration'; comparator: Comparator | '='; value: number; unit: string; per?: Period })
  | (RuleBase & { kind: 'age'; comparator: Comparator; value: number; unit: string })
  | (RuleBase & { kind: 'studyYear'; comparator: Comparator; value: number })
  | (RuleBase & { kind: 'list'; items: ListItem[] });

/**
 * Red / amber / green of a target: green when its progress keeps pace with the time elapsed since the plan
 * was issued, amber when it reaches `amberRatio` of that pace, red below (core/indicators/status.ts).
 */
export interface ProgressStatusRule {
  article: string;
  amberRatio: number;
  note?: string;
}

export type ReportFrequency = 'monthly' | 'quarterly' | 'halfYearly' | 'yearly';

/** Weights of the district league table (三 18 督导考核); they add up to 1. */
export interface ScoringScheme {
  weights: { timeliness: number; quality: number; indicators: number };
  /** Target codes whose district values make up the `indicators` part. */
  indicators: string[];
  note?: string;
}

/** Periodic progress reports on the task list (三 18): how often, how long after a period ends, how scored. */
export interface SupervisionRule {
  article: string;
  frequency: ReportFrequency;
  dueAfterDays: number;
  reminders: ReminderRule;
  scoring: ScoringScheme;
  note?: string;
}

/** When units are reminded of a report: once `daysBefore` its due date, then every `overdueEveryDays` while it is overdue. */
export interface ReminderRule {
  daysBefore: number;
  overdueEveryDays: number;
  note?: string;
}

export interface PlanPolicy {
  id: string;
  version: number;
  title: string;
  document: string;
  /** "YYYY-MM-DD". */
  issued: string;
  /** "YYYY-MM-DD": the date the plan's targets fall due. */
  horizon: string;
  notes: string[];
  units: PlanUnit[];
  targets: PlanTarget[];
  tasks: PlanTask[];
  rules: Record<string, PlanRule>;
  progressStatus: ProgressStatusRule;
  supervision: SupervisionRule;
}

export class PlanPolicyError extends Error {
  issues: string[];
  constructor(issues: string[]) {
    super(`政策文件格式错误（${issues.length}处）：\n${issues.join('\n')}`);
    this.name = 'PlanPolicyError';
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation. Small checkers that record an issue with its JSON path and return a safe default,
// so one pass reports everything.

type Obj = Record<string, unknown>;

class Checker {
  issues: string[] = [];

  fail(path: string, msg: string): void {
    this.issues.push(`${path}: ${msg}`);
  }

  obj(v: unknown, path: string): Obj {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'should be an object');
    return {};
  }

  arr(v: unknown, path: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail(path, 'should be an array');
    return [];
  }

  str(v: unknown, path: string): string {
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.fail(path, 'should be a non-empty string');
    return '';
  }

  optStr(v: unknown, path: string): string | undefined {
    return v === undefined ? undefined : this.str(v, path);
  }

  num(v: unknown, path: string): number {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.fail(path, 'should be a finite number');
    return 0;
  }

  bool(v: unknown, path: string): boolean {
    if (typeof v === 'boolean') return v;
    this.fail(path, 'should be true or false');
    return false;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(path, `should be one of ${allowed.join(', ')}`);
    return allowed[0]!;
  }

  date(v: unknown, path: string): string {
    const s = this.str(v, path);
    if (s && !/^\d{4}-\d{2}-\d{2}$/.test(s)) this.fail(path, 'should be a date YYYY-MM-DD');
    return s;
  }

  strList(v: unknown, path: string, nonEmpty = false): string[] {
    const a = this.arr(v, path).map((x, i) => this.str(x, `${path}[${i}]`));
    if (nonEmpty && a.length === 0) this.fail(path, 'should not be empty');
    return a;
  }

  period(v: unknown, path: string): Period | undefined {
    if (v === undefined) return undefined;
    const o = this.obj(v, path);
    return { value: this.num(o.value, `${path}.value`), unit: this.str(o.unit, `${path}.unit`) };
  }
}

const UNIT_KINDS = ['bureau', 'department', 'districts'] as const;
const TARGET_KINDS = ['count', 'share', 'amount', 'range', 'duration'] as const;
const SCOPES = ['city', 'school', 'enterprise', 'teacher'] as const;
const COMPARATORS = ['>=', '<='] as const;
const CODE_RE = /^[a-z][a-z0-9_]*$/;

function parseUnit(c: Checker, v: unknown, path: string): PlanUnit {
  const o = c.obj(v, path);
  const code = c.str(o.code, `${path}.code`);
  if (code && !CODE_RE.test(code)) c.fail(`${path}.code`, 'should be snake_case');
  return { code, name: c.str(o.name, `${path}.name`), kind: c.oneOf(o.kind, UNIT_KINDS, `${path}.kind`) };
}

function parseTarget(c: Checker, v: unknown, path: string): PlanTarget {
  const o = c.obj(v, path);
  const code = c.str(o.code, `${path}.code`);
  if (code && !CODE_RE.test(code)) c.fail(`${path}.code`, 'should be snake_case');
  const deadline = o.deadline === null ? null : c.date(o.deadline, `${path}.deadline`);
  const base: TargetBase = {
    code,
    name: c.str(o.name, `${path}.name`),
    article: c.strList(o.article, `${path}.article`, true),
    kind: c.oneOf(o.kind, TARGET_KINDS, `${path}.kind`),
    unit: c.str(o.unit, `${path}.unit`),
    deadline,
    deadlineStated: c.bool(o.deadlineStated, `${path}.deadlineStated`),
    scope: c.oneOf(o.scope, SCOPES, `${path}.scope`),
    measure: c.str(o.measure, `${path}.measure`),
    responsibleUnits: c.strList(o.responsibleUnits, `${path}.responsibleUnits`, true),
  };
  const per = c.period(o.per, `${path}.per`);
  if (per) base.per = per;
  const note = c.optStr(o.note, `${path}.note`);
  if (note) base.note = note;
  const against = c.optStr(o.against, `${path}.against`);
  if (against) base.against = against;
  if (deadline === null && base.deadlineStated) c.fail(`${path}.deadlineStated`, 'cannot be true without a deadline');
  if (o.comparator === 'between') {
    const min = c.num(o.min, `${path}.min`);
    const max = c.num(o.max, `${path}.max`);
    if (min > max) c.fail(path, 'min should not exceed max');
    if (base.kind !== 'range') c.fail(`${path}.kind`, 'a "between" target should have kind "range"');
    return { ...base, comparator: 'between', min, max };
  }
  if (base.kind === 'range') c.fail(`${path}.comparator`, 'a range target should use "between"');
  return { ...base, comparator: c.oneOf(o.comparator, COMPARATORS, `${path}.comparator`), value: c.num(o.value, `${path}.value`) };
}

function parseTask(c: Checker, v: unknown, path: string): PlanTask {
  const o = c.obj(v, path);
  const no = c.num(o.no, `${path}.no`);
  if (!Number.isInteger(no)) c.fail(`${path}.no`, 'should be an integer');
  const task: PlanTask = {
    no,
    area: c.str(o.area, `${path}.area`),
    article: c.str(o.article, `${path}.article`),
    text: c.str(o.text, `${path}.text`),
    unitsText: c.str(o.unitsText, `${path}.unitsText`),
    leadUnit: c.str(o.leadUnit, `${path}.leadUnit`),
    coUnits: c.strList(o.coUnits, `${path}.coUnits`),
    targets: c.strList(o.targets, `${path}.targets`),
  };
  if (o.fixes !== undefined) {
    task.fixes = c.arr(o.fixes, `${path}.fixes`).map((f, i) => {
      const fo = c.obj(f, `${path}.fixes[${i}]`);
      return { seed: c.str(fo.seed, `${path}.fixes[${i}].seed`), fixed: c.str(fo.fixed, `${path}.fixes[${i}].fixed`) };
    });
  }
  const note = c.optStr(o.note, `${path}.note`);
  if (note) task.note = note;
  return task;
}

function parseRule(c: Checker, v: unknown, path: string): PlanRule {
  const o = c.obj(v, path);
  const src = c.obj(o.source, `${path}.source`);
  const base: RuleBase = {
    name: c.str(o.name, `${path}.name`),
    description: c.str(o.description, `${path}.description`),
    source: {
      document: c.str(src.document, `${path}.source.document`),
      article: src.article === null ? null : c.str(src.article, `${path}.source.article`),
    },
    check: c.bool(o.check, `${path}.check`),
  };
  if (base.source.article === null && !base.check) c.fail(`${path}.check`, 'should be true when the article is unknown');
  const target = c.optStr(o.target, `${path}.target`);
  if (target) base.target = target;
  const note = c.optStr(o.note, `${path}.note`);
  if (note) base.note = note;
  const fraction = (x: unknown, p: string) => {
    const n = c.num(x, p);
    if (n < 0 || n > 1) c.fail(p, 'a share should be a fraction between 0 and 1');
    return n;
  };
  const kind = c.oneOf(o.kind, ['share', 'shareRange', 'amount', 'duration', 'age', 'studyYear', 'list'] as const, `${path}.kind`);
  switch (kind) {
    case 'share':
      return {
        ...base,
        kind,
        comparator: c.oneOf(o.comparator, COMPARATORS, `${path}.comparator`),
        value: fraction(o.value, `${path}.value`),
        of: c.str(o.of, `${path}.of`),
      };
    case 'shareRange': {
      const min = fraction(o.min, `${path}.min`);
      const max = fraction(o.max, `${path}.max`);
      if (min > max) c.fail(path, 'min should not exceed max');
      return { ...base, kind, min, max, of: c.str(o.of, `${path}.of`) };
    }
    case 'amount':
    case 'age':
      return {
        ...base,
        kind,
        comparator: c.oneOf(o.comparator, COMPARATORS, `${path}.comparator`),
        value: c.num(o.value, `${path}.value`),
        unit: c.str(o.unit, `${path}.unit`),
      };
    case 'duration': {
      const rule: PlanRule = {
        ...base,
        kind,
        comparator: c.oneOf(o.comparator, ['>=', '<=', '='] as const, `${path}.comparator`),
        value: c.num(o.value, `${path}.value`),
        unit: c.str(o.unit, `${path}.unit`),
      };
      const per = c.period(o.per, `${path}.per`);
      return per ? { ...rule, per } : rule;
    }
    case 'studyYear':
      return {
        ...base,
        kind,
        comparator: c.oneOf(o.comparator, COMPARATORS, `${path}.comparator`),
        value: c.num(o.value, `${path}.value`),
      };
    case 'list': {
      const items = c.arr(o.items, `${path}.items`).map((it, i) => {
        const io = c.obj(it, `${path}.items[${i}]`);
        const item: ListItem = { code: c.str(io.code, `${path}.items[${i}].code`), name: c.str(io.name, `${path}.items[${i}].name`) };
        const article = c.optStr(io.article, `${path}.items[${i}].article`);
        if (article) item.article = article;
        return item;
      });
      if (items.length === 0) c.fail(`${path}.items`, 'should not be empty');
      return { ...base, kind, items };
    }
  }
}

const FREQUENCIES = ['monthly', 'quarterly', 'halfYearly', 'yearly'] as const;

function parseProgressStatus(c: Checker, v: unknown, path: string): ProgressStatusRule {
  const o = c.obj(v, path);
  const amberRatio = c.num(o.amberRatio, `${path}.amberRatio`);
  if (amberRatio <= 0 || amberRatio >= 1) c.fail(`${path}.amberRatio`, 'should be a fraction between 0 and 1 (exclusive)');
  const rule: ProgressStatusRule = { article: c.str(o.article, `${path}.article`), amberRatio };
  const note = c.optStr(o.note, `${path}.note`);
  if (note) rule.note = note;
  return rule;
}

function parseReminders(c: Checker, v: unknown, path: string): ReminderRule {
  const o = c.obj(v, path);
  const days = (key: 'daysBefore' | 'overdueEveryDays', min: number) => {
    const n = c.num(o[key], `${path}.${key}`);
    if (!Number.isInteger(n) || n < min) c.fail(`${path}.${key}`, `should be a whole number of days ≥ ${min}`);
    return n;
  };
  const rule: ReminderRule = { daysBefore: days('daysBefore', 0), overdueEveryDays: days('overdueEveryDays', 1) };
  const note = c.optStr(o.note, `${path}.note`);
  if (note) rule.note = note;
  return rule;
}

function parseSupervision(c: Checker, v: unknown, path: string): SupervisionRule {
  const o = c.obj(v, path);
  const dueAfterDays = c.num(o.dueAfterDays, `${path}.dueAfterDays`);
  if (!Number.isInteger(dueAfterDays) || dueAfterDays < 0) c.fail(`${path}.dueAfterDays`, 'should be a whole number of days ≥ 0');
  const s = c.obj(o.scoring, `${path}.scoring`);
  const w = c.obj(s.weights, `${path}.scoring.weights`);
  const weights = {
    timeliness: c.num(w.timeliness, `${path}.scoring.weights.timeliness`),
    quality: c.num(w.quality, `${path}.scoring.weights.quality`),
    indicators: c.num(w.indicators, `${path}.scoring.weights.indicators`),
  };
  const values = Object.values(weights);
  if (values.some((x) => x < 0)) c.fail(`${path}.scoring.weights`, 'weights should not be negative');
  if (Math.abs(values.reduce((a, b) => a + b, 0) - 1) > 1e-9) c.fail(`${path}.scoring.weights`, 'weights should add up to 1');
  const scoring: ScoringScheme = { weights, indicators: c.strList(s.indicators, `${path}.scoring.indicators`) };
  const scoringNote = c.optStr(s.note, `${path}.scoring.note`);
  if (scoringNote) scoring.note = scoringNote;
  const rule: SupervisionRule = {
    article: c.str(o.article, `${path}.article`),
    frequency: c.oneOf(o.frequency, FREQUENCIES, `${path}.frequency`),
    dueAfterDays,
    reminders: parseReminders(c, o.reminders, `${path}.reminders`),
    scoring,
  };
  const note = c.optStr(o.note, `${path}.note`);
  if (note) rule.note = note;
  return rule;
}

/** Cross-references: unique codes, tasks numbered 1..n, every unit/target code resolves. */
function checkReferences(c: Checker, p: PlanPolicy): void {
  const dup = (codes: string[], what: string) => {
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) c.fail(what, `duplicate code "${code}"`);
      seen.add(code);
    }
    return seen;
  };
  const units = dup(
    p.units.map((u) => u.code),
    'units',
  );
  const targets = dup(
    p.targets.map((t) => t.code),
    'targets',
  );
  p.tasks.forEach((t, i) => {
    if (t.no !== i + 1) c.fail(`tasks[${i}].no`, `should be ${i + 1} (tasks are numbered 1..${p.tasks.length} in order)`);
    for (const u of [t.leadUnit, ...t.coUnits]) if (!units.has(u)) c.fail(`tasks[${i}]`, `unknown unit "${u}"`);
    if (t.coUnits.includes(t.leadUnit)) c.fail(`tasks[${i}].coUnits`, 'should not repeat the lead unit');
    for (const code of t.targets) if (!targets.has(code)) c.fail(`tasks[${i}].targets`, `unknown target "${code}"`);
  });
  p.targets.forEach((t, i) => {
    for (const u of t.responsibleUnits) if (!units.has(u)) c.fail(`targets[${i}].responsibleUnits`, `unknown unit "${u}"`);
  });
  for (const [code, r] of Object.entries(p.rules)) {
    if (!CODE_RE.test(code)) c.fail(`rules.${code}`, 'key should be snake_case');
    if (r.target && !targets.has(r.target)) c.fail(`rules.${code}.target`, `unknown target "${r.target}"`);
  }
  for (const code of p.supervision.scoring.indicators) {
    if (!targets.has(code)) c.fail('supervision.scoring.indicators', `unknown target "${code}"`);
  }
}

export function parsePlanPolicy(json: unknown): PlanPolicy {
  const c = new Checker();
  const o = c.obj(json, '$');
  const version = c.num(o.version, '$.version');
  if (!Number.isInteger(version) || version < 1) c.fail('$.version', 'should be a positive integer');
  const rulesObj = c.obj(o.rules, '$.rules');
  const policy: PlanPolicy = {
    id: c.str(o.id, '$.id'),
    version,
    title: c.str(o.title, '$.title'),
    document: c.str(o.document, '$.document'),
    issued: c.date(o.issued, '$.issued'),
    horizon: c.date(o.horizon, '$.horizon'),
    notes: o.notes === undefined ? [] : c.strList(o.notes, '$.notes'),
    units: c.arr(o.units, '$.units').map((u, i) => parseUnit(c, u, `$.units[${i}]`)),
    targets: c.arr(o.targets, '$.targets').map((t, i) => parseTarget(c, t, `$.targets[${i}]`)),
    tasks: c.arr(o.tasks, '$.tasks').map((t, i) => parseTask(c, t, `$.tasks[${i}]`)),
    rules: Object.fromEntries(Object.entries(rulesObj).map(([k, r]) => [k, parseRule(c, r, `$.rules.${k}`)])),
    progressStatus: parseProgressStatus(c, o.progressStatus, '$.progressStatus'),
    supervision: parseSupervision(c, o.supervision, '$.supervision'),
  };
  if (c.issues.length === 0) checkReferences(c, policy);
  if (c.issues.length > 0) throw new PlanPolicyError(c.issues);
  return policy;
}
