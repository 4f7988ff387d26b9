import type { InternationalPolicy } from './policy.ts';

/**
 * 国际交流与合作 (二 (四) 13, 任务清单 17): the facts a school (or an enterprise) records about its international
 * work — teacher and student exchanges, mutual recognition of qualifications, skill competitions hosted or
 * entered, 鲁班工坊 with their countries. The owner enters a record with its evidence; the bureau verifies it, and
 * only verified records count (toward international_projects and in the schools' annual quality reports). Pure.
 */
export const INTERNATIONAL_KINDS = ['exchange', 'recognition', 'competition', 'lubanWorkshop'] as const;
export type InternationalKind = (typeof INTERNATIONAL_KINDS)[number];
export const INTERNATIONAL_KIND_LABELS: Record<InternationalKind, string> = {
  exchange: '师生交流',
  recognition: '资格互认',
  competition: '技能大赛',
  lubanWorkshop: '鲁班工坊',
};

export const EXCHANGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const EXCHANGE_DIRECTION_LABELS: Record<(typeof EXCHANGE_DIRECTIONS)[number], string> = {
  inbound: '来华（来校）',
  outbound: '出国（境）',
};
export const EXCHANGE_PARTICIPANTS = ['student', 'teacher'] as const;
export const EXCHANGE_PARTICIPANT_LABELS: Record<(typeof EXCHANGE_PARTICIPANTS)[number], string> = { student: '学生', teacher: '教师' };
export const COMPETITION_ROLES = ['hosted', 'entered'] as const;
export const COMPETITION_ROLE_LABELS: Record<(typeof COMPETITION_ROLES)[number], string> = { hosted: '承办', entered: '参赛' };

export const INTERNATIONAL_STATUSES = ['submitted', 'verified', 'returned'] as const;
export type InternationalStatus = (typeof INTERNATIONAL_STATUSES)[number];
export const INTERNATIONAL_STATUS_LABELS: Record<InternationalStatus, string> = {
  submitted: '待核验',
  verified: '已核验',
  returned: '已退回',
};

/** What the owner enters; the kind decides which of the optional parts are required. */
export interface RecordInput {
  kind: InternationalKind;
  title: string;
  country: string;
  partner: string;
  startedOn: string;
  endedOn?: string | null | undefined;
  direction?: string | null | undefined;
  participant?: string | null | undefined;
  people?: number | null | undefined;
  role?: string | null | undefined;
  awards?: number | null | undefined;
  qualification?: string | null | undefined;
}

/** Field → 中文 problem naming the rule; empty when the record can be saved. `today` is a YYYY-MM-DD business day. */
export function recordProblems(policy: InternationalPolicy, r: RecordInput, today: string): Record<string, string> {
  const f: Record<string, string> = {};
  const year = Number(r.startedOn.slice(0, 4));
  if (year < policy.firstYear) f.startedOn = `开始日期须在${policy.firstYear}年或以后（方案实施期）`;
  else if (r.startedOn > today) f.startedOn = '不能登记尚未开始的交流合作（开始日期晚于今天）';
  if (r.endedOn && r.endedOn < r.startedOn) f.endedOn = '结束日期不能早于开始日期';
  const missing = (k: keyof RecordInput, message: string) => {
    if (r[k] === undefined || r[k] === null || r[k] === '') f[k] = message;
  };
  const absent = (k: keyof RecordInput, label: string) => {
    if (r[k] !== undefined && r[k] !== null && r[k] !== '') f[k] = `${INTERNATIONAL_KIND_LABELS[r.kind]}不填写${label}`;
  };
  if (r.kind === 'exchange') {
    missing('direction', '师生交流须注明方向（来华或出国）');
    missing('participant', '师生交流须注明交流对象（学生或教师）');
    missing('people', '师生交流须填写人数');
  } else {
    absent('direction', '交流方向');
    absent('participant', '交流对象');
  }
  if (r.people != null && (r.people < 1 || r.people > policy.maxPeople)) f.people = `人数须在1至${policy.maxPeople}之间`;
  if (r.kind === 'competition') missing('role', '技能大赛须注明承办或参赛');
  else {
    absent('role', '承办或参赛');
    absent('awards', '获奖数');
  }
  if (r.awards != null && (r.awards < 0 || r.awards > policy.maxPeople)) f.awards = `获奖数须在0至${policy.maxPeople}之间`;
  if (r.kind === 'recognition') missing('qualification', '资格互认须填写互认的职业资格或证书名称');
  else absent('qualification', '互认资格');
  if (r.kind !== 'exchange' && r.kind !== 'competition') absent('people', '人数');
  return f;
}

/** The bureau's verification: only a record awaiting it, and only with evidence — a record is never counted on its owner's word. */
export function verifyProblem(status: InternationalStatus, evidenceFiles: number): string | null {
  if (status !== 'submitted') return `只有待核验的记录可以核验（当前：${INTERNATIONAL_STATUS_LABELS[status]}）`;
  if (evidenceFiles < 1) return '核验须有佐证材料：请登记单位先上传佐证材料';
  return null;
}

/** Editing by the owner: a verified record is the bureau's fact now; correcting it goes through the bureau. */
export function editProblem(status: InternationalStatus): string | null {
  return status === 'verified' ? '已核验的记录不能修改，如需更正请联系市教育局' : null;
}

/** One verified record as the summary reads it. */
export interface SummaryRecord {
  kind: InternationalKind;
  year: number;
  country: string;
  direction: string | null;
  participant: string | null;
  people: number | null;
  role: string | null;
  awards: number | null;
}

/** An organisation's verified international work of one year: the 国际影响表 of its annual quality report. */
export interface InternationalSummary {
  year: number;
  /** People exchanged in the year, by direction and by who went. */
  exchanges: {
    inbound: { students: number; teachers: number };
    outbound: { students: number; teachers: number };
    records: number;
  };
  recognitions: number;
  competitions: { hosted: number; entered: number; awards: number };
  /** 鲁班工坊 set up in or before the year (they keep running), with their countries. */
  lubanWorkshops: { count: number; countries: string[] };
}

export function summarise(records: readonly SummaryRecord[], year: number): InternationalSummary {
  const ofYear = records.filter((r) => r.year === year);
  const people = (direction: string, participant: string) =>
    ofYear
      .filter((r) => r.kind === 'exchange' && r.direction === direction && r.participant === participant)
      .reduce((a, r) => a + (r.people ?? 0), 0);
  const competitions = ofYear.filter((r) => r.kind === 'competition');
  const workshops = records.filter((r) => r.kind === 'lubanWorkshop' && r.year <= year);
  return {
    year,
    exchanges: {
      inbound: { students: people('inbound', 'student'), teachers: people('inbound', 'teacher') },
      outbound: { students: people('outbound', 'student'), teachers: people('outbound', 'teacher') },
      records: ofYear.filter((r) => r.kind === 'exchange').length,
    },
    recognitions: ofYear.filter((r) => r.kind === 'recognition').length,
    competitions: {
      hosted: competitions.filter((r) => r.role === 'hosted').length,
      entered: competitions.filter((r) => r.role === 'entered').length,
      awards: competitions.reduce((a, r) => a + (r.awards ?? 0), 0),
    },
    lubanWorkshops: {
      count: workshops.length,
      countries: [...new Set(workshops.map((r) => r.country))].sort((a, b) => a.localeCompare(b, 'zh')),
    },
  };
}
