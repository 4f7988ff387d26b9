import { z } from 'zod';
import { COURSE_STAGES, COURSE_STATUSES } from '../core/practical-courses/rules.ts';
import { integer, pageOf, paging, text, versionNumber } from './common.ts';

/** 劳动技术与职业体验课程 (二 (三) 7): the catalogue schools keep of courses developed with enterprises for 中小学. */

export const practicalCourseInput = z.strictObject({
  kind: text(40).trim().min(1, '请选择课程类型'),
  title: text(200).trim().min(1, '请填写课程名称'),
  stages: z.array(z.enum(COURSE_STAGES, '学段取值不正确'), '请选择面向的学段').min(1, '请至少选择一个学段').max(3),
  hours: integer('课时须为整数'),
  summary: text(1000).trim().min(1, '请填写课程简介'),
  /** The enterprises the course was developed with. */
  partnerIds: z.array(z.uuid('合作企业编号格式不正确')).max(20, '合作企业最多20家'),
  status: z.enum(COURSE_STATUSES, '状态取值不正确').optional(),
});
export type PracticalCourseInput = z.infer<typeof practicalCourseInput>;
export const practicalCourseUpdate = practicalCourseInput.extend({ version: versionNumber });
export type PracticalCourseUpdate = z.infer<typeof practicalCourseUpdate>;

const partner = z.object({ id: z.string(), name: z.string() });

export const practicalCourse = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  stages: z.array(z.enum(COURSE_STAGES)),
  hours: z.number(),
  summary: z.string(),
  partners: z.array(partner),
  status: z.enum(COURSE_STATUSES),
  /** Open and developed with at least one enterprise: counted toward practical_courses. */
  counted: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type PracticalCourse = z.infer<typeof practicalCourse>;

export const practicalCourseListQuery = z.strictObject({
  kind: text(40).optional(),
  stage: z.enum(COURSE_STAGES, '学段取值不正确').optional(),
  q: text(50).trim().optional(),
  ...paging,
});
export type PracticalCourseListQuery = z.infer<typeof practicalCourseListQuery>;
export const practicalCoursePage = pageOf(practicalCourse).extend({
  /** Open courses co-developed with an enterprise in the caller's scope (the target's count), and whether it enters courses. */
  counted: z.number(),
  canEnter: z.boolean(),
});
export type PracticalCoursePage = z.infer<typeof practicalCoursePage>;

/** The public catalogue: open courses with their school and partner enterprises. */
export const publicPracticalCourse = practicalCourse.pick({
  id: true,
  schoolName: true,
  districtName: true,
  kind: true,
  kindLabel: true,
  title: true,
  stages: true,
  hours: true,
  summary: true,
  partners: true,
});
export const publicPracticalCoursePage = pageOf(publicPracticalCourse);
