/**
 * 公民身份号码 as printed on the 居民身份证, GB 11643-1999:
 *   pos 1–6   address code (GB/T 2260; first two digits = province)
 *   pos 7–14  birth date YYYYMMDD
 *   pos 15–17 sequence; pos 17 odd = male, even = female
 *   pos 18    check character (ISO 7064 MOD 11-2): 0–9 or X
 *
 * Personal information (PIPL): callers store it protected and show `maskIdNumber` on screen.
 * Input is normalised like every code (trim, full-width → half-width, x → X). Pure: no I/O, no clock —
 * the "not in the future" check only runs when the caller passes `today`.
 */
import { invalid, normaliseCode } from './result.ts';
import type { CodeCheck } from './result.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Remainder of the weighted sum mod 11 → check character. */
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes of GB/T 2260, plus 81/82/83: 81 香港 and 82 澳门 are GB/T 2260 codes; 83 is used only
 * in the numbers of 台湾居民居住证 (Taiwan itself is 71). The 港澳台居民居住证 numbers follow GB 11643, and
 * such students can enrol in Zhengzhou's schools, so we accept them.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
  '71': '台湾',
  '81': '香港',
  '82': '澳门',
  '83': '台湾（居住证）',
};

export type IdNumberErrorCode = 'empty' | 'oldFormat' | 'length' | 'charset' | 'province' | 'birthDate' | 'futureBirthDate' | 'checkDigit';

/** Check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`计算校验码需要17位数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The calendar date of `today` in Beijing time (UTC+8, no DST) as YYYYMMDD — the date a Zhengzhou clerk sees. */
function beijingYmd(today: Date): string {
  const t = new Date(today.getTime() + 8 * 3600_000);
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return p(t.getUTCFullYear(), 4) + p(t.getUTCMonth() + 1, 2) + p(t.getUTCDate(), 2);
}

export function validateIdNumber(raw: string, today?: Date): CodeCheck<IdNumberErrorCode> {
  const value = normaliseCode(raw);
  if (value === '') return invalid('empty', '请填写居民身份证号码');
  if (/^\d{15}$/.test(value)) {
    return invalid('oldFormat', '这是已停止使用的15位旧身份证号码，请填写18位居民身份证号码');
  }
  if (value.length !== 18) return invalid('length', `居民身份证号码应为18位，当前为${value.length}位`);
  if (!/^\d{17}/.test(value)) return invalid('charset', '居民身份证号码前17位应全部为数字');
  if (!/[\dX]$/.test(value)) return invalid('charset', '居民身份证号码第18位应为数字或字母X');
  if (!PROVINCE_CODES[value.slice(0, 2)]) {
    return invalid('province', `居民身份证号码前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码`);
  }
  const ymd = value.slice(6, 14);
  const y = Number(ymd.slice(0, 4));
  if (y < 1900 || !isRealDate(y, Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)))) {
    return invalid('birthDate', `居民身份证号码第7至14位出生日期“${ymd}”不是有效日期`);
  }
  if (today && ymd > beijingYmd(today)) {
    return invalid('futureBirthDate', `居民身份证号码中的出生日期“${ymd}”晚于今天`);
  }
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) {
    return invalid('checkDigit', '居民身份证号码第18位校验码错误，请核对号码是否抄错');
  }
  return { valid: true, value };
}

function requireWellFormed(raw: string): string {
  const value = normaliseCode(raw);
  if (!/^\d{17}[\dX]$/.test(value)) throw new Error('不是18位居民身份证号码');
  return value;
}

/** Birth date as YYYY-MM-DD. Expects a validated number (throws on a malformed one). */
export function idNumberBirthDate(raw: string): string {
  const v = requireWellFormed(raw);
  return `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
}

/** 17th digit odd = male, even = female. */
export function idNumberSex(raw: string): 'male' | 'female' {
  const v = requireWellFormed(raw);
  return Number(v[16]) % 2 === 1 ? 'male' : 'female';
}

/** Build a valid number (demo data): division6 e.g. "410102", birth "YYYYMMDD", seq3 e.g. "123" (odd last digit = male). */
export function makeIdNumber(division6: string, birth: string, seq3: string): string {
  if (!/^\d{6}$/.test(division6)) throw new Error(`行政区划码应为6位数字：${division6}`);
  if (!/^\d{8}$/.test(birth)) throw new Error(`出生日期应为YYYYMMDD：${birth}`);
  if (!/^\d{3}$/.test(seq3)) throw new Error(`顺序码应为3位数字：${seq3}`);
  const first17 = division6 + birth + seq3;
  const id = first17 + idNumberCheckChar(first17);
  const check = validateIdNumber(id);
  if (!check.valid) throw new Error(`生成的号码无效：${check.reason}`);
  return id;
}

/**
 * For screens and exports: first 6 + ******** + last 4 (410102********1234). Anything that is not a
 * clean 18-character number is masked too, never shown raw: short input entirely, longer input except
 * its first 6 and last 4 characters.
 */
export function maskIdNumber(raw: string): string {
  const v = normaliseCode(raw);
  if (v.length === 18) return `${v.slice(0, 6)}********${v.slice(14)}`;
  if (v.length <= 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}
