import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Agreement,
  alertPage,
  checkinPage,
  InternshipDetail,
  internshipPage,
  logPage,
} from '../../../../contracts/internship-lifecycle.ts';
import { get, type Query } from '../../api/client.ts';
import { KEY } from './api.ts';
import { isoDateOf, todayOf } from '../../../../core/calendar.ts';

export type { Agreement, InternshipDetail };
export type InternshipPage = z.infer<typeof internshipPage>;
export type LogPage = z.infer<typeof logPage>;
export type CheckinPage = z.infer<typeof checkinPage>;
export type AlertPage = z.infer<typeof alertPage>;

/** The side a signed-in user acts for on an internship's page. */
export type Side = 'student' | 'school' | 'enterprise';

export const useInternships = (query: Query) =>
  useQuery({
    queryKey: [KEY, 'internships', query],
    queryFn: () => get<InternshipPage>('/api/internships', query),
    placeholderData: (prev) => prev,
  });
export const useInternship = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'internship', id], enabled: !!id, queryFn: () => get<InternshipDetail>(`/api/internships/${id}`) });
export const useLogs = (id: string) =>
  useQuery({ queryKey: [KEY, 'logs', id], queryFn: () => get<LogPage>(`/api/internships/${id}/logs`, { pageSize: 50 }) });
export const useCheckins = (id: string) =>
  useQuery({ queryKey: [KEY, 'checkins', id], queryFn: () => get<CheckinPage>(`/api/internships/${id}/checkins`, { pageSize: 14 }) });
export const useAlerts = (query: Query) =>
  useQuery({
    queryKey: [KEY, 'alerts', query],
    queryFn: () => get<AlertPage>('/api/internship-alerts', query),
    placeholderData: (prev) => prev,
  });

/** Today in Zhengzhou as YYYY-MM-DD, by this browser's clock: the date a check-in or log belongs to. */
export const zhengzhouToday = (): string => todayOf(new Date());

/** The Monday of the week containing a YYYY-MM-DD date (weekly logs are per week). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return isoDateOf(d);
}
