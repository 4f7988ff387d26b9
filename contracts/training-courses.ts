import { z } from 'zod';
import { integer, pageOf, paging, versioned } from './common.ts';

/** 培训课程: courses a school offers to train enterprises' employees (二 (二) 5), part of its capability profile. */

export const TRAINING_MODES = ['offline', 'online', 'blended'] as const;
export const TRAINING_MODE_LABELS: Record<(typeof TRAINING_MODES)[number], string> = {
  offline: '线下',
  online: '线上',
  blended: '线上线下结合',
};

const name = z.string().trim().min(2, '课程名称至少2个字').max(100, '课程名称不超过100个字');
const majorCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '专业代码应为6位数字');
const hours = integer('学时须为整数').min(1, '学时至少为1').max(2000, '学时不超过2000');
const trainees = z.string().trim().max(100, '培训对象不超过100个字').nullable();
const capacityPerYear = integer('年培训能力须为整数').min(1, '年培训能力至少1人').max(100_000, '年培训能力不超过100000人');

export const trainingCourseCreate = z.strictObject({
  schoolId: z.uuid('学校编号格式不正确'),
  name,
  majorCode,
  hours,
  mode: z.enum(TRAINING_MODES),
  trainees: trainees.optional(),
  capacityPerYear,
});
export type TrainingCourseCreate = z.infer<typeof trainingCourseCreate>;

export const trainingCourseUpdate = z.strictObject({
  ...versioned,
  name: name.optional(),
  majorCode: majorCode.optional(),
  hours: hours.optional(),
  mode: z.enum(TRAINING_MODES).optional(),
  trainees: trainees.optional(),
  capacityPerYear: capacityPerYear.optional(),
});
export type TrainingCourseUpdate = z.infer<typeof trainingCourseUpdate>;

export const trainingCourseListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  majorCode: majorCode.optional(),
  mode: z.enum(TRAINING_MODES).optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(['name', '-name', 'capacity', '-capacity']).default('name'),
  ...paging,
});
export type TrainingCourseListQuery = z.infer<typeof trainingCourseListQuery>;

export const trainingCourse = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtId: z.string().nullable(),
  name: z.string(),
  majorCode: z.string(),
  majorName: z.string().nullable(),
  hours: z.number(),
  mode: z.enum(TRAINING_MODES),
  trainees: z.string().nullable(),
  capacityPerYear: z.number(),
  status: z.enum(['active', 'archived']),
  version: z.number(),
});
export type TrainingCourse = z.infer<typeof trainingCourse>;
export const trainingCoursePage = pageOf(trainingCourse);
