/**
 * The annual report's section of the plan policy file (`employmentReport`, 二 (五) 16 行业就业状况年度发布制度): its
 * title, the article it answers, and how many bars a chart shows (the largest; the table beside it lists all).
 * Pure: parsed JSON in, typed policy out, or every problem listed.
 */
export interface EmploymentReportPolicy {
  title: string;
  article: string;
  note: string;
  chartBars: number;
}

export function parseEmploymentReportPolicy(raw: unknown): EmploymentReportPolicy {
  const o = (raw ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const str = (k: string) => {
    if (typeof o[k] !== 'string' || !(o[k] as string).trim()) problems.push(`employmentReport.${k}: 应为非空文字`);
    return String(o[k] ?? '');
  };
  const bars = o.chartBars;
  if (typeof bars !== 'number' || !Number.isInteger(bars) || bars < 3 || bars > 40)
    problems.push('employmentReport.chartBars: 应为 3–40 的整数');
  const policy = { title: str('title'), article: str('article'), note: str('note'), chartBars: bars as number };
  if (problems.length) throw new Error(`政策文件 employmentReport 部分格式错误：\n${problems.join('\n')}`);
  return policy;
}
