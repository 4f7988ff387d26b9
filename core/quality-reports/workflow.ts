import type { ReportKind } from './facts.ts';

/**
 * A report's life: the party writes a draft → submits it (its tables are frozen with their data date) → the bureau
 * returns it with comments per part (the party edits again) or approves it → published. The city's own report has
 * no reviewer above the bureau: submitting it publishes it. An enterprise's report is published jointly with its
 * partner schools, so the bureau approves it only once every partner school has confirmed it.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '退回修改',
  published: '已公开',
};

/** The party may edit its parts (and submit) only while the report is with it. */
export const editable = (status: ReportStatus): boolean => status === 'draft' || status === 'returned';

export const statusAfterSubmission = (kind: ReportKind): ReportStatus => (kind === 'city' ? 'published' : 'submitted');

/** Why the bureau may not approve yet, or null. */
export function approvalBlock(
  status: ReportStatus,
  kind: ReportKind,
  partners: readonly { confirmed: boolean; name: string }[],
): string | null {
  if (status !== 'submitted') return `报告当前状态为「${REPORT_STATUS_LABELS[status]}」，只能审核已提交的报告`;
  if (kind === 'enterprise') {
    const waiting = partners.filter((p) => !p.confirmed).map((p) => p.name);
    if (waiting.length) return `企业报告须经合作学校确认后联合发布，尚待确认：${waiting.join('、')}`;
  }
  return null;
}
