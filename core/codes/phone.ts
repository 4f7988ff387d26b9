/**
 * Mainland China mobile numbers: 11 digits, "1" then 3–9 (the 1[3-9] number segments of the MIIT numbering plan).
 * Personal information: show `maskPhone` on screens and in exports.
 *
 * Normalisation (a number is the same number however it was typed): trim, full-width → half-width,
 * drop spaces and hyphens ("138 0013 8000", "138-0013-8000") and a leading +86 / 0086 country code.
 * Landlines and non-mainland numbers are rejected: the platform texts students and contacts on mobiles.
 */
import { invalid, normaliseCode } from './result.ts';
import type { CodeCheck } from './result.ts';

export type PhoneErrorCode = 'empty' | 'format' | 'length' | 'prefix';

export function normalisePhone(raw: string): string {
  const v = normaliseCode(raw).replace(/[\s-]/g, '');
  const m = /^(?:\+86|0086)(\d{11})$/.exec(v);
  return m ? m[1]! : v;
}

export function validatePhone(raw: string): CodeCheck<PhoneErrorCode> {
  const value = normalisePhone(raw);
  if (value === '') return invalid('empty', '请填写手机号码');
  if (!/^\d+$/.test(value)) return invalid('format', '手机号码只能包含数字');
  if (value.length !== 11) return invalid('length', `手机号码应为11位数字，当前为${value.length}位`);
  if (!/^1[3-9]/.test(value)) return invalid('prefix', '手机号码应以13至19开头，请填写中国大陆手机号码');
  return { valid: true, value };
}

/** 138****5678. A value that is not a clean 11-digit number is masked except its last 2 characters. */
export function maskPhone(raw: string): string {
  const v = normalisePhone(raw);
  if (/^\d{11}$/.test(v)) return `${v.slice(0, 3)}****${v.slice(7)}`;
  return v.length <= 4 ? '*'.repeat(v.length) : '*'.repeat(v.length - 2) + v.slice(-2);
}
