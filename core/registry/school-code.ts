import { invalid, normaliseCode, type CodeCheck } from '../codes/result.ts';

/**
 * 学校标识码: the Ministry of Education's 10-digit identifier of a school, the natural key of the schools
 * register (and of the schools spreadsheet). It has no check digit, so only its form can be validated.
 * Full-width digits and spaces a Chinese IME types are normalised, not refused. Pure.
 */
export type SchoolCodeErrorCode = 'empty' | 'charset' | 'length';

export function validateSchoolCode(raw: string): CodeCheck<SchoolCodeErrorCode> {
  const value = normaliseCode(raw).replace(/\s/g, '');
  if (value === '') return invalid('empty', '请填写学校标识码');
  if (!/^\d+$/.test(value)) return invalid('charset', '学校标识码应全部为数字');
  if (value.length !== 10) return invalid('length', `学校标识码应为10位数字，当前为${value.length}位`);
  return { valid: true, value };
}
