import { todayOf } from '../../../../core/calendar.ts';
import { useQuery } from '@tanstack/react-query';
import type { QualityReport, ReportList, ReportSummary } from '../../../../contracts/quality-reports.ts';
import { get, type Query } from '../../api/client.ts';

export type { QualityReport, ReportSummary };

/** Every quality-report query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'quality-reports';

export const useReports = (q: Query) => useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<ReportList>('/api/quality-reports', q) });
export const useMyReport = (year: number) =>
  useQuery({ queryKey: [KEY, 'mine', year], queryFn: () => get<QualityReport>(`/api/quality-reports/mine/${year}`) });
export const useReport = (id: string) =>
  useQuery({ queryKey: [KEY, 'one', id], queryFn: () => get<QualityReport>(`/api/quality-reports/${id}`) });
export const usePublicReports = (q: Query) =>
  useQuery({ queryKey: [KEY, 'public', q], queryFn: () => get<ReportList>('/api/public/quality-reports', q) });

export const STATUS_COLORS: Record<QualityReport['status'], string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'red',
  published: 'green',
};

/** Reports are of last year by default: a year is reported once it is over. */
export const lastYear = () => Number(todayOf(new Date()).slice(0, 4)) - 1;
export const yearOptions = () => Array.from({ length: 4 }, (_, i) => lastYear() + 1 - i).map((y) => ({ value: y, label: `${y}年度` }));
