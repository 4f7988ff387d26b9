import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicReportList, reportDetail, reportList } from '../../../../contracts/employment-report.ts';
import { get } from '../../api/client.ts';

export type ReportList = z.infer<typeof reportList>;
export type ReportDetail = z.infer<typeof reportDetail>;
export type PublicReportList = z.infer<typeof publicReportList>;

/** Every report query key starts here, so one invalidation refreshes the list and the report open. */
export const KEY = 'employment-reports';

export const useReports = () => useQuery({ queryKey: [KEY, 'list'], queryFn: () => get<ReportList>('/api/employment-reports') });
export const useReport = (year: number | null) =>
  useQuery({
    queryKey: [KEY, 'one', year],
    queryFn: () => get<ReportDetail>(`/api/employment-reports/${year}`),
    enabled: year !== null,
  });
export const usePublicReports = () =>
  useQuery({ queryKey: [KEY, 'public'], queryFn: () => get<PublicReportList>('/api/public/employment-reports') });
