/**
 * 劳动技术与职业体验课程 (二 (三) 7, 任务清单 9): courses schools develop with enterprises for 中小学. The kinds and
 * whether each needs a partner enterprise are policy (`practicalCourses.kinds`); a course counts toward the plan's
 * 300 when it is open and has at least one partner enterprise (校企合作开发). Pure.
 */
export const COURSE_STAGES = ['primary', 'junior', 'senior'] as const;
export type CourseStage = (typeof COURSE_STAGES)[number];
export const COURSE_STAGE_LABELS: Record<CourseStage, string> = { primary: '小学', junior: '初中', senior: '高中' };
export const COURSE_STATUSES = ['open', 'closed'] as const;
export const COURSE_STATUS_LABELS: Record<(typeof COURSE_STATUSES)[number], string> = { open: '开设中', closed: '已停开' };

export interface CourseKind {
  code: string;
  name: string;
  /** The kind cannot be offered without a partner enterprise (职业体验 happens at or with one). */
  requiresEnterprise: boolean;
}

export interface PracticalCoursesPolicy {
  article: string;
  note: string;
  kinds: CourseKind[];
  maxHours: number;
  target: string;
}

export interface CourseInput {
  kind: string;
  hours: number;
  partnerIds: readonly string[];
}

/** Field → 中文 problem naming the rule; empty when the course can be saved. */
export function courseProblems(policy: PracticalCoursesPolicy, c: CourseInput): Record<string, string> {
  const f: Record<string, string> = {};
  const kind = policy.kinds.find((k) => k.code === c.kind);
  if (!kind) f.kind = `课程类型须为：${policy.kinds.map((k) => k.name).join('、')}`;
  else if (kind.requiresEnterprise && c.partnerIds.length === 0)
    f.partnerIds = `${kind.name}须由学校与企业合作开发：请至少选择一家合作企业（郑政办〔2023〕38号 ${policy.article}）`;
  if (!Number.isInteger(c.hours) || c.hours < 1 || c.hours > policy.maxHours) f.hours = `课时须为1至${policy.maxHours}的整数`;
  return f;
}

export function parsePracticalCoursesPolicy(raw: unknown, targetCodes: readonly string[]): PracticalCoursesPolicy {
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (k: string) => {
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push(`practicalCourses.${k}: should be a non-empty string`);
    return String(o[k] ?? '');
  };
  const kinds = Array.isArray(o.kinds) ? (o.kinds as CourseKind[]) : [];
  if (!kinds.length || kinds.some((k) => !k?.code || !k?.name || typeof k.requiresEnterprise !== 'boolean'))
    problems.push('practicalCourses.kinds: should list {code, name, requiresEnterprise}');
  if (!Number.isInteger(o.maxHours) || (o.maxHours as number) <= 0)
    problems.push('practicalCourses.maxHours: should be a positive integer');
  const policy = { article: str('article'), note: str('note'), kinds, maxHours: Number(o.maxHours), target: str('target') };
  if (!targetCodes.includes(policy.target)) problems.push(`practicalCourses.target: ${policy.target} is not a target of the plan`);
  if (problems.length) throw new Error(`invalid practicalCourses policy:\n${problems.join('\n')}`);
  return policy;
}
