import { z } from 'zod';
import { pageOf, paging, queryInteger, text, versioned } from './common.ts';

/** 毕业去向 and the two headline figures computed from them (issue 16). */

export const SURVEY_POINT_VALUES = ['graduation', 'sixMonths', 'oneYear'] as const;
export const surveyPoint = z.enum(SURVEY_POINT_VALUES, '调查时点应为毕业时、毕业6个月或毕业1年');
const year = z.number().int('毕业年份应为整数').min(2000, '毕业年份不早于2000年').max(2100, '毕业年份不晚于2100年');
const optText = (max: number) => text(max).trim().nullable().optional();

/** What the school enters for one graduate at one survey point (see core/graduates/rules.ts for the rules). */
const destinationFields = {
  graduationYear: year,
  categoryCode: z
    .string()
    .trim()
    .regex(/^\d{2}$/, '毕业去向代码为2位数字'),
  employerName: optText(200),
  employerOrganisationId: z.uuid('就业单位编号格式不正确').nullable().optional(),
  industryCode: z
    .string()
    .trim()
    .regex(/^([A-T]|\d{2,4})$/, '行业代码格式不正确（门类字母如C，或2至4位数字如38、3811）')
    .nullable()
    .optional(),
  studySchool: optText(200),
  studyLevel: optText(40),
  studyFullTime: z.boolean().nullable().optional(),
  /** A Zhengzhou district; null: outside Zhengzhou. */
  districtId: z.uuid('区县编号格式不正确').nullable().optional(),
  note: optText(500),
};

export const destinationPut = z.strictObject({
  ...destinationFields,
  /** The version read, when the row exists (optimistic concurrency). */
  version: z.number().int().min(1).optional(),
});
export type DestinationPut = z.infer<typeof destinationPut>;

export const destinationParams = z.strictObject({
  studentId: z.uuid('学生编号格式不正确'),
  surveyPoint,
});

export const destination = z.object({
  id: z.string(),
  studentId: z.string(),
  schoolId: z.string(),
  graduationYear: z.number(),
  surveyPoint,
  categoryCode: z.string(),
  categoryName: z.string(),
  categoryGroup: z.string(),
  employerName: z.string().nullable(),
  employerOrganisationId: z.string().nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  studySchool: z.string().nullable(),
  studyLevel: z.string().nullable(),
  studyFullTime: z.boolean().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  inZhengzhou: z.boolean(),
  note: z.string().nullable(),
  confirmation: z.enum(['none', 'pending', 'confirmed', 'denied']),
  confirmationNote: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  correction: z.record(z.string(), z.unknown()).nullable(),
  correctionAt: z.string().nullable(),
  version: z.number(),
});
export type Destination = z.infer<typeof destination>;

export const graduateListQuery = z.strictObject({
  ...paging,
  graduationYear: queryInteger('毕业年份应为整数').optional(),
  surveyPoint: surveyPoint.default('graduation'),
  schoolId: z.uuid('学校编号格式不正确').optional(),
  /** recorded: has a destination at the point; missing: none yet; correction: the student asked for a change. */
  state: z.enum(['recorded', 'missing', 'correction']).optional(),
});
export type GraduateListQuery = z.infer<typeof graduateListQuery>;
export const graduateExportQuery = graduateListQuery.omit({ page: true, pageSize: true });

export const graduateRow = z.object({
  studentId: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  majorCode: z.string().nullable(),
  majorName: z.string().nullable(),
  cohort: z.number(),
  graduationYear: z.number(),
  destination: destination.nullable(),
});
export const graduatePage = pageOf(graduateRow);
export type GraduateRow = z.infer<typeof graduateRow>;

export const studentIdParams = z.strictObject({ studentId: z.uuid('学生编号格式不正确') });
export const graduateDestinations = z.object({
  studentId: z.string(),
  name: z.string(),
  schoolName: z.string(),
  graduationYear: z.number(),
  items: z.array(destination),
});

/** The enterprise's list: graduates their school records as employed by it (the employer knows them by name). */
export const confirmationListQuery = z.strictObject({
  ...paging,
  confirmation: z.enum(['pending', 'confirmed', 'denied']).optional(),
});
export const confirmationRow = z.object({
  id: z.string(),
  name: z.string(),
  schoolName: z.string(),
  majorName: z.string().nullable(),
  graduationYear: z.number(),
  surveyPoint,
  categoryName: z.string(),
  employerName: z.string().nullable(),
  confirmation: z.enum(['none', 'pending', 'confirmed', 'denied']),
  confirmationNote: z.string().nullable(),
  version: z.number(),
});
export const confirmationPage = pageOf(confirmationRow);

export const confirmationBody = z.strictObject({
  ...versioned,
  confirmed: z.boolean(),
  note: optText(500),
});
export const confirmationResult = z.object({ id: z.string(), confirmation: z.enum(['confirmed', 'denied']), version: z.number() });
export type ConfirmationBody = z.infer<typeof confirmationBody>;

export const myDestinations = z.object({
  name: z.string(),
  schoolName: z.string(),
  status: z.string(),
  items: z.array(destination),
});

/** The student's own account: the same fields as the school's form, and a note for the school. */
export const correctionBody = z.strictObject({
  ...versioned,
  ...destinationFields,
  note: text(500).trim().min(2, '请说明需要更正的内容（至少2个字）'),
});
export type CorrectionBody = z.infer<typeof correctionBody>;

export const BREAKDOWNS = ['school', 'major', 'district', 'cluster'] as const;
export const figuresQuery = z.strictObject({
  graduationYear: queryInteger('毕业年份应为整数').optional(),
  by: z.enum(BREAKDOWNS).default('school'),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;

const rate = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });
export const figures = z.object({
  graduationYear: z.number().nullable(),
  years: z.array(z.object({ graduationYear: z.number(), retention: rate, progression: rate })),
  retention: rate.extend({ target: z.number(), surveyPoint, definition: z.string(), article: z.string() }),
  progression: rate.extend({ target: z.number(), surveyPoint, definition: z.string(), article: z.string() }),
  by: z.enum(BREAKDOWNS),
  rows: z.array(z.object({ key: z.string().nullable(), name: z.string(), retention: rate, progression: rate })),
});
export type Figures = z.infer<typeof figures>;

export const figuresDrillQuery = z.strictObject({
  ...paging,
  measure: z.enum(['retention', 'progression']),
  graduationYear: queryInteger('毕业年份应为整数'),
  by: z.enum(BREAKDOWNS).optional(),
  key: z.string().max(100).optional(),
  /** counted: in the numerator; others: in the denominator only. */
  part: z.enum(['counted', 'others']).optional(),
});
export type FiguresDrillQuery = z.infer<typeof figuresDrillQuery>;
export const figuresDrillRow = z.object({
  id: z.string(),
  name: z.string(),
  schoolName: z.string(),
  majorName: z.string().nullable(),
  categoryName: z.string(),
  place: z.string(),
  counted: z.boolean(),
});
export const figuresDrillPage = pageOf(figuresDrillRow);

export const destinationCatalogue = z.object({
  source: z.string(),
  note: z.string(),
  categories: z.array(z.object({ code: z.string(), name: z.string(), group: z.string(), groupName: z.string() })),
  studyLevels: z.array(z.object({ code: z.string(), name: z.string(), higherEducation: z.boolean() })),
  surveyPoints: z.array(z.object({ code: surveyPoint, name: z.string(), monthsAfter: z.number() })),
  retentionDefinition: z.string(),
  progressionDefinition: z.string(),
});
