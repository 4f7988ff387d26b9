import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assessmentPage,
  coursePage,
  demoPage,
  mySmartCampus,
  onlineCourse,
  publicCoursePage,
  smartCampusAssessment,
  smartCampusStandard,
  demoApplication,
} from '../../../../contracts/digital.ts';
import { get, type Query } from '../../api/client.ts';

export type Course = z.infer<typeof onlineCourse>;
export type Assessment = z.infer<typeof smartCampusAssessment>;
export type DemoApplication = z.infer<typeof demoApplication>;
export type Standard = z.infer<typeof smartCampusStandard>;

/** Every digital query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'digital';

export const useCourses = (q: Query) =>
  useQuery({ queryKey: [KEY, 'courses', q], queryFn: () => get<z.infer<typeof coursePage>>('/api/digital/courses', q) });
export const usePublicCourses = (q: Query) =>
  useQuery({ queryKey: [KEY, 'public', q], queryFn: () => get<z.infer<typeof publicCoursePage>>('/api/public/online-courses', q) });
export const useStandard = () =>
  useQuery({ queryKey: [KEY, 'standard'], queryFn: () => get<Standard>('/api/digital/smart-campus/standard') });
export const useAssessments = (q: Query) =>
  useQuery({
    queryKey: [KEY, 'assessments', q],
    queryFn: () => get<z.infer<typeof assessmentPage>>('/api/digital/smart-campus/assessments', q),
  });
export const useMyCampus = () =>
  useQuery({ queryKey: [KEY, 'mine'], queryFn: () => get<z.infer<typeof mySmartCampus>>('/api/digital/smart-campus/mine') });
export const useDemoSchools = (q: Query) =>
  useQuery({ queryKey: [KEY, 'demo', q], queryFn: () => get<z.infer<typeof demoPage>>('/api/digital/demo-schools', q) });

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'gold',
  recognised: 'green',
  accepted: 'green',
  approved: 'green',
  rejected: 'red',
  returned: 'red',
};
