import { z } from 'zod';
import { pageOf, paging, queryInteger, text, versionNumber } from './common.ts';

/** 生均财政拨款 (二 (五) 14, 任务清单 20): the schools' yearly declarations and the 市财政局's 普通高中 figure. */

export const fundingYearParams = z.strictObject({
  year: queryInteger('年度应为整数').min(1900, '年度格式不正确').max(9999, '年度格式不正确'),
});
export const declarationIdParams = z.strictObject({ id: z.uuid('编号格式不正确') });

/** What the school declares for one year: the general-budget appropriation in 元 and the students it covers. */
export const declarationPut = z.strictObject({
  appropriationYuan: z.number('财政拨款总额须为数字（单位：元）').max(1e12, '财政拨款总额过大，请按元填写并核对'),
  students: z.number('在校生数须为整数').int('在校生数须为整数').max(1_000_000, '在校生数过大，请核对'),
  note: text(500).trim().nullable().optional(),
  /** The version read; omitted for the year's first declaration. */
  version: versionNumber.optional(),
});
export type DeclarationPut = z.infer<typeof declarationPut>;

export const FUNDING_STANDINGS = ['meets', 'below', 'noBenchmark', 'notCounted'] as const;

export const fundingDeclaration = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  ownership: z.enum(['public', 'private']),
  level: z.string(),
  /** 高职 or 中职 (public schools only); null: counted toward neither target. */
  group: z.enum(['higher', 'secondary']).nullable(),
  year: z.number(),
  appropriationYuan: z.number(),
  students: z.number(),
  perStudentYuan: z.number(),
  standing: z.enum(FUNDING_STANDINGS),
  standingLabel: z.string(),
  /** The figure the school is compared with: the 高职 floor, or the year's 普高 figure (null when not entered). */
  thresholdYuan: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type FundingDeclaration = z.infer<typeof fundingDeclaration>;

export const declarationListQuery = z.strictObject({
  year: queryInteger('年度应为整数').min(1900).max(9999).optional(),
  standing: z.enum(FUNDING_STANDINGS, '达标情况取值不正确').optional(),
  ...paging,
});
export type DeclarationListQuery = z.infer<typeof declarationListQuery>;
export const declarationExportQuery = declarationListQuery.pick({ year: true, standing: true });

export const declarationPage = pageOf(fundingDeclaration).extend({
  year: z.number(),
  higherFloorYuan: z.number(),
  highSchoolYuan: z.number().nullable(),
  /** Public 高职 / 中职 schools in scope that declared for the year, and those meeting their threshold. */
  summary: z.object({
    higher: z.object({ schools: z.number(), declared: z.number(), meeting: z.number() }),
    secondary: z.object({ schools: z.number(), declared: z.number(), meeting: z.number() }),
  }),
});
export type DeclarationPage = z.infer<typeof declarationPage>;

/** The caller's own school's declarations, newest year first (a school's page). */
export const myDeclarations = z.object({
  schoolName: z.string(),
  group: z.enum(['higher', 'secondary']).nullable(),
  higherFloorYuan: z.number(),
  items: z.array(fundingDeclaration),
});

export const highSchoolPut = z.strictObject({
  perStudentYuan: z.number('生均财政拨款须为数字（单位：元）').int('生均财政拨款请填整数元'),
  version: versionNumber.optional(),
});
export type HighSchoolPut = z.infer<typeof highSchoolPut>;

export const highSchoolFigure = z.object({
  year: z.number(),
  perStudentYuan: z.number(),
  enteredByName: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});
export type HighSchoolFigure = z.infer<typeof highSchoolFigure>;
/** `canEnter`: the caller's unit is the one that enters the figure (policy funding.enteredBy, 市财政局). */
export const highSchoolFigures = z.object({ items: z.array(highSchoolFigure), canEnter: z.boolean(), enteredBy: z.string() });
export type HighSchoolFigures = z.infer<typeof highSchoolFigures>;
