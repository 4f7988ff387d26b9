/**
 * The error report of an import: one entry per problem, naming the spreadsheet row and column a clerk has
 * to fix, with the reason in Chinese. Collected for the whole file before anything is written.
 */
export interface ImportIssue {
  /** 1-based row as Excel shows it; null for a problem of the whole file. */
  row: number | null;
  /** The column's header (学校标识码 …) or its letter when it has none; null for a whole-row problem. */
  column: string | null;
  reason: string;
}

/**
 * Keeps the first `cap` issues and counts them all: a sheet of 100,000 bad rows must not turn into a
 * report too large to store or open, and the first few thousand are what a clerk fixes first anyway.
 */
export class IssueList {
  readonly cap: number;
  readonly items: ImportIssue[] = [];
  #count = 0;

  constructor(cap = 10_000) {
    this.cap = cap;
  }

  add(issue: ImportIssue) {
    this.#count++;
    if (this.items.length < this.cap) this.items.push(issue);
  }

  get count() {
    return this.#count;
  }

  get truncated() {
    return this.#count > this.items.length;
  }
}

/** A one-line summary for the job's progress message and the API error. */
export function summariseIssues(count: number): string {
  return `发现${count}处错误，未导入任何数据。请按错误报告修改后重新上传`;
}
