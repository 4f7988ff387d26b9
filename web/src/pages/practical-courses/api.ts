import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { practicalCourse, practicalCoursePage, publicPracticalCoursePage } from '../../../../contracts/practical-courses.ts';
import { COURSE_STAGE_LABELS, type CourseStage } from '../../../../core/practical-courses/rules.ts';
import { get, type Query } from '../../api/client.ts';

export type PracticalCourse = z.infer<typeof practicalCourse>;
export type PracticalCoursePage = z.infer<typeof practicalCoursePage>;
export type PublicCoursePage = z.infer<typeof publicPracticalCoursePage>;

/** Every practical-course query key starts here, so one invalidation refreshes the capability's pages. */
export const KEY = 'practical-courses';

export const useCourses = (q: Query) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<PracticalCoursePage>('/api/practical-courses', q) });
export const usePublicCourses = (q: Query) =>
  useQuery({ queryKey: [KEY, 'public', q], queryFn: () => get<PublicCoursePage>('/api/public/practical-courses', q) });

export const stagesText = (stages: readonly CourseStage[]) => stages.map((s) => COURSE_STAGE_LABELS[s]).join('、');
/** The kinds of the policy file, as the server labels them (kindLabel), for the filters. */
export const KIND_OPTIONS = [
  { value: 'labour', label: '劳动技术课程' },
  { value: 'career', label: '职业体验课程' },
];
