/**
 * The quality section of the plan policy file (`quality`, 三 18; 任务清单 27): the indicator system of the
 * multi-party evaluation of vocational schools, one system per range of years (`fromYear`: a new year's system is a
 * data change), with its four core dimensions, their indicators and the parties' weights. Pure: parsed JSON in,
 * typed policy out, or every problem listed with its path. `systemProblems` is the same check for one system, so
 * a route that accepts a draft system refuses weights that do not add up with the field at fault.
 */
export const DIMENSIONS = ['integration', 'skills', 'employment', 'service'] as const;
export type DimensionCode = (typeof DIMENSIONS)[number];
export const PARTIES = ['government', 'industry', 'enterprise', 'school'] as const;
export type PartyCode = (typeof PARTIES)[number];
export const SOURCES = ['computed', 'survey', 'collected'] as const;
export type IndicatorSource = (typeof SOURCES)[number];
export const SURVEY_KINDS = ['student_satisfaction', 'graduate_satisfaction', 'employer_satisfaction', 'internship_quality'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/**
 * What the platform computes per school and year (server/quality/repository/school-facts.ts): a computed
 * indicator names one of these as its formula.
 */
export const FACT_KEYS = [
  'enterprise_partners',
  'teacher_practice_share',
  'dual_qualified_share',
  'carriers',
  'cluster_aligned_programs',
  'certificates_per_100',
  'outcomes_per_100',
  'internship_placement',
  'employment_rate',
  'retention_rate',
  'progression_rate',
  'training_courses',
  'training_delivered',
  'funding_per_student',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export interface QualityIndicator {
  code: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  /** Weight within its dimension. */
  weight: number;
  source: IndicatorSource;
  /** Whose view the indicator stands for in the multi-party weighting. */
  party: PartyCode;
  /** computed: a fact key; survey: a survey kind; collected: none. */
  formula?: string;
  /** collected: who enters it (the party that owns the fact). */
  owner?: 'school' | 'bureau';
  /** Below it (above it for `lower`) the indicator is slipping. */
  floor: number;
  target: number;
}

export interface QualityDimension {
  code: DimensionCode;
  name: string;
  weight: number;
  indicators: QualityIndicator[];
}

export interface QualitySystem {
  fromYear: number;
  version: number;
  dimensions: QualityDimension[];
  parties: Array<{ code: PartyCode; name: string; weight: number }>;
}

export interface QualityPolicy {
  article: string;
  note: string;
  /** The score of an indicator exactly at its floor. */
  passScore: number;
  /** The most a third-party evaluator may move a dimension's score, either way. */
  maxAdjustment: number;
  /** A fall of more than this share of last year's value is slipping even above the floor. */
  slipDropShare: number;
  systems: QualitySystem[];
}

export interface PolicyProblem {
  path: string;
  message: string;
}

/** Weights are written with two or three decimals: a sum within this of 1 adds up. */
const WEIGHT_EPSILON = 1e-6;
const addsUp = (ws: readonly number[]) => Math.abs(ws.reduce((a, w) => a + w, 0) - 1) <= WEIGHT_EPSILON;

const obj = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** Every problem of one system; `at` prefixes the paths ('' for a draft posted on its own). */
export function systemProblems(raw: unknown, at = ''): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const bad = (path: string, message: string) => out.push({ path: at ? `${at}.${path}` : path, message });
  const o = obj(raw);
  if (!o) return [{ path: at || '$', message: '指标体系应为对象' }];
  const weight = (v: unknown, path: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1) bad(path, '权重应为大于0且不超过1的数');
    return typeof v === 'number' ? v : 0;
  };
  if (!Number.isInteger(o.fromYear) || (o.fromYear as number) < 2000) bad('fromYear', '起始年度应为四位年份');
  if (!Number.isInteger(o.version) || (o.version as number) < 1) bad('version', '版本号应为正整数');
  const dims = Array.isArray(o.dimensions) ? o.dimensions : (bad('dimensions', '应列出四个核心维度'), []);
  const seenDims = new Set<string>();
  const seenIndicators = new Set<string>();
  const dimWeights: number[] = [];
  dims.forEach((d: unknown, i: number) => {
    const dd = obj(d) ?? {};
    const p = `dimensions[${i}]`;
    if (!DIMENSIONS.includes(dd.code as DimensionCode)) bad(`${p}.code`, `维度代码应为 ${DIMENSIONS.join('、')} 之一`);
    else if (seenDims.has(dd.code as string)) bad(`${p}.code`, '维度重复');
    seenDims.add(String(dd.code));
    if (typeof dd.name !== 'string' || !dd.name.trim()) bad(`${p}.name`, '应填写维度名称');
    dimWeights.push(weight(dd.weight, `${p}.weight`));
    const inds =
      Array.isArray(dd.indicators) && dd.indicators.length ? dd.indicators : (bad(`${p}.indicators`, '每个维度至少一项指标'), []);
    const ws: number[] = [];
    inds.forEach((x: unknown, j: number) => {
      const q = `${p}.indicators[${j}]`;
      const ind = obj(x) ?? {};
      if (typeof ind.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(ind.code)) bad(`${q}.code`, '指标代码应为小写字母、数字和下划线');
      else if (seenIndicators.has(ind.code)) bad(`${q}.code`, '指标代码重复');
      seenIndicators.add(String(ind.code));
      for (const k of ['name', 'unit'] as const) if (typeof ind[k] !== 'string' || !(ind[k] as string).trim()) bad(`${q}.${k}`, '不能为空');
      if (ind.direction !== 'higher' && ind.direction !== 'lower') bad(`${q}.direction`, '方向应为 higher 或 lower');
      ws.push(weight(ind.weight, `${q}.weight`));
      if (!PARTIES.includes(ind.party as PartyCode)) bad(`${q}.party`, `评价方应为 ${PARTIES.join('、')} 之一`);
      if (ind.source === 'computed' && !FACT_KEYS.includes(ind.formula as FactKey)) bad(`${q}.formula`, '计算指标应引用平台可计算的数据项');
      else if (ind.source === 'survey' && !SURVEY_KINDS.includes(ind.formula as SurveyKind)) bad(`${q}.formula`, '问卷指标应引用问卷类别');
      else if (ind.source === 'collected' && ind.owner !== 'school' && ind.owner !== 'bureau')
        bad(`${q}.owner`, '填报指标应写明填报单位（school 或 bureau）');
      else if (!SOURCES.includes(ind.source as IndicatorSource)) bad(`${q}.source`, `来源应为 ${SOURCES.join('、')} 之一`);
      for (const k of ['floor', 'target'] as const)
        if (typeof ind[k] !== 'number' || !Number.isFinite(ind[k]) || (ind[k] as number) < 0) bad(`${q}.${k}`, '应为非负数');
      if (typeof ind.floor === 'number' && typeof ind.target === 'number' && ind.floor === ind.target)
        bad(`${q}.target`, '目标值不能等于底线');
      else if (ind.direction === 'higher' && (ind.floor as number) > (ind.target as number))
        bad(`${q}.target`, '越高越好的指标，目标值应高于底线');
      else if (ind.direction === 'lower' && (ind.floor as number) < (ind.target as number))
        bad(`${q}.target`, '越低越好的指标，目标值应低于底线');
    });
    if (ws.length && !addsUp(ws)) bad(`${p}.indicators`, `维度“${String(dd.name ?? dd.code)}”内各指标权重之和应为1（现为${sum(ws)}）`);
  });
  if (dims.length && seenDims.size !== DIMENSIONS.length) bad('dimensions', '应包括产教融合、技能水平、就业质量、服务贡献四个核心维度');
  if (dimWeights.length && !addsUp(dimWeights)) bad('dimensions', `各维度权重之和应为1（现为${sum(dimWeights)}）`);
  const parties = Array.isArray(o.parties) ? o.parties : (bad('parties', '应列出政府、行业、企业、学校四方的权重'), []);
  const pw: number[] = [];
  parties.forEach((x: unknown, i: number) => {
    const pp = obj(x) ?? {};
    if (!PARTIES.includes(pp.code as PartyCode)) bad(`parties[${i}].code`, `评价方应为 ${PARTIES.join('、')} 之一`);
    if (typeof pp.name !== 'string' || !pp.name.trim()) bad(`parties[${i}].name`, '不能为空');
    pw.push(weight(pp.weight, `parties[${i}].weight`));
  });
  if (parties.length && new Set(parties.map((x) => obj(x)?.code)).size !== PARTIES.length)
    bad('parties', '应为政府、行业、企业、学校四方各一项');
  if (pw.length && !addsUp(pw)) bad('parties', `多方权重之和应为1（现为${sum(pw)}）`);
  return out;
}

const sum = (ws: readonly number[]) => Math.round(ws.reduce((a, w) => a + w, 0) * 1e6) / 1e6;

export class QualityPolicyError extends Error {
  problems: PolicyProblem[];
  constructor(problems: PolicyProblem[]) {
    super(`政策文件 quality 部分有误：\n${problems.map((p) => `$.quality.${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'QualityPolicyError';
    this.problems = problems;
  }
}

export function parseQualityPolicy(raw: unknown): QualityPolicy {
  const o = obj(raw);
  if (!o) throw new QualityPolicyError([{ path: '$', message: '应为对象' }]);
  const problems: PolicyProblem[] = [];
  for (const k of ['article', 'note'] as const)
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push({ path: k, message: '不能为空' });
  const num = (k: string, min: number, max: number) => {
    if (typeof o[k] !== 'number' || (o[k] as number) < min || (o[k] as number) > max)
      problems.push({ path: k, message: `应为 ${min}–${max} 之间的数` });
  };
  num('passScore', 0, 100);
  num('maxAdjustment', 0, 50);
  num('slipDropShare', 0, 1);
  const systems =
    Array.isArray(o.systems) && o.systems.length ? o.systems : (problems.push({ path: 'systems', message: '至少一个年度的指标体系' }), []);
  systems.forEach((s: unknown, i: number) => problems.push(...systemProblems(s, `systems[${i}]`)));
  const years = systems.map((s: unknown) => obj(s)?.fromYear);
  if (new Set(years).size !== years.length) problems.push({ path: 'systems', message: '同一起始年度只能有一个指标体系' });
  if (problems.length) throw new QualityPolicyError(problems);
  return { ...(o as unknown as QualityPolicy), systems: [...(systems as QualitySystem[])].sort((a, b) => a.fromYear - b.fromYear) };
}

/** The system in force for a year: the latest whose `fromYear` is not after it (null before the first). */
export function systemFor(policy: QualityPolicy, year: number): QualitySystem | null {
  return policy.systems.filter((s) => s.fromYear <= year).at(-1) ?? null;
}
