import { z } from 'zod';
import { integer, pageOf, paging, versioned } from './common.ts';
import { shareStanding } from './registry.ts';

/** Levels of the national major catalogue (职业教育专业目录 2021), and how a clerk reads them. */
export const MAJOR_LEVELS = ['secondary', 'higher', 'vocUndergrad'] as const;
export const MAJOR_LEVEL_LABELS: Record<(typeof MAJOR_LEVELS)[number], string> = {
  secondary: '中职',
  higher: '高职专科',
  vocUndergrad: '职业本科',
};

/** 开设专业: a school offering a major of a catalogue edition (the major's id names the edition's entry). */

const count = (label: string) => integer(`${label}应为整数`).min(0, `${label}不能为负数`).max(100_000, `${label}过大`);

export const programYear = z.strictObject({
  year: integer('年份应为整数').min(1949, '年份不早于1949年').max(2100, '年份不晚于2100年'),
  enrolment: count('招生人数').nullable().optional(),
  graduates: count('毕业人数').nullable().optional(),
});
export type ProgramYear = z.infer<typeof programYear>;

/** Each year once; the whole list replaces the stored one. */
const years = z
  .array(programYear)
  .max(100, '年份过多')
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((y, i) => {
      if (seen.has(y.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${y.year}年重复填写` });
      seen.add(y.year);
    });
  });

/** A fraction of total teaching hours (0.55 = 55%); the plan asks ≥ 50% (二 (三) 8). */
const practiceShare = z.number().min(0, '占比应在0到1之间').max(1, '占比应在0到1之间（如0.55表示55%）');

export const programCreate = z.strictObject({
  schoolId: z.uuid('学校编号格式不正确'),
  majorId: z.uuid('专业编号格式不正确'),
  startYear: integer('开设年份应为整数').min(1949).max(2100),
  practiceShare: practiceShare.nullable().optional(),
  years: years.optional(),
});
export type ProgramCreate = z.infer<typeof programCreate>;

/** `majorId` may move a program to the same major's entry in a newer catalogue edition. */
export const programUpdate = z.strictObject({
  ...versioned,
  majorId: z.uuid('专业编号格式不正确').optional(),
  startYear: integer('开设年份应为整数').min(1949).max(2100).optional(),
  practiceShare: practiceShare.nullable().optional(),
  years: years.optional(),
});
export type ProgramUpdate = z.infer<typeof programUpdate>;

export const PROGRAM_SORTS = ['code', '-code', 'name', '-name', 'enrolment', '-enrolment', 'practiceShare', '-practiceShare'] as const;
export const programListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  schoolId: z.uuid().optional(),
  majorId: z.uuid().optional(),
  majorLevel: z.enum(MAJOR_LEVELS).optional(),
  /** true: meeting the plan's practice-teaching share; false: recorded and below it. */
  practiceMet: z.stringbool().optional(),
  includeArchived: z.stringbool().default(false),
  sort: z.enum(PROGRAM_SORTS).default('code'),
  ...paging,
});
export type ProgramListQuery = z.infer<typeof programListQuery>;

export const program = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtId: z.string().nullable(),
  majorId: z.string(),
  majorCode: z.string(),
  majorName: z.string(),
  majorLevel: z.string(),
  /** The catalogue edition of the major entry, e.g. "2021". */
  edition: z.string(),
  startYear: z.number(),
  /** The current intake: the latest year's enrolment. */
  enrolment: z.number(),
  practiceShare: z.number().nullable(),
  practiceShareMet: z.boolean().nullable(),
  studentCount: z.number(),
  status: z.enum(['active', 'archived']),
  version: z.number(),
});
export type Program = z.infer<typeof program>;
export const programPage = pageOf(program);

export const programDetail = program.extend({
  years: z.array(z.object({ year: z.number(), enrolment: z.number().nullable(), graduates: z.number().nullable() })),
  practice: shareStanding,
});
export type ProgramDetail = z.infer<typeof programDetail>;
