/**
 * 统一社会信用代码 (Unified Social Credit Identifier), GB 32100-2015.
 *
 *   pos 1      登记管理部门代码        (table below)
 *   pos 2      机构类别代码            (depends on pos 1)
 *   pos 3–8    登记管理机关行政区划码  (GB/T 2260, 6 digits)
 *   pos 9–17   主体标识码 = 组织机构代码 (GB 11714: 8-char body + its own check digit at pos 17)
 *   pos 18     校验码                  (ISO 7064 MOD 31-3 style, GB/T 17710)
 *
 * Input is normalised (trim, full-width → half-width, lowercase → uppercase) before checking:
 * "91350100m000100y43" and "９１３５０１００Ｍ０００１００Ｙ４３" are the same code to a clerk.
 * Pure: no I/O.
 */
import { invalid, normaliseCode } from './result.ts';
import type { CodeCheck } from './result.ts';

/** The 31 characters the code may use: digits and capitals except I, O, Z, S, V (easily misread). Index = value. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31. Written out so a reader can compare with the standard. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 organisation-code weights for the 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export interface UsccDepartment {
  name: string;
  /** 机构类别代码 → name. */
  categories: Readonly<Record<string, string>>;
}

/**
 * 登记管理部门代码 and the 机构类别代码 each allows, as published with GB 32100-2015 and its amendments
 * (1/5/9/Y in the 2015 text; 2, 3, 4, 6, 7, 8, A, N added later). Exported so a new amendment is a
 * one-line change. See the report: this table was checked against secondary sources, not the standard's PDF.
 */
export const USCC_DEPARTMENTS: Readonly<Record<string, UsccDepartment>> = {
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', categories: { '1': '其他' } },
};

export type UsccErrorCode = 'empty' | 'length' | 'charset' | 'department' | 'category' | 'division' | 'orgCodeCheck' | 'checkChar';

/** Value of a character in GB 11714: digits 0–9, letters A–Z 10–35 (the full alphabet, unlike the USCC charset). */
function orgCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  throw new Error(`组织机构代码含非法字符：${ch}`);
}

/** GB 11714 check digit of an 8-character organisation-code body: 11 − (Σ value×weight mod 11); 10 → X, 11 → 0. */
export function orgCodeCheckDigit(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error(`组织机构代码本体应为8位数字或大写字母：${body8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character for the first 17: 31 − (Σ value×weight mod 31), 31 → 0, mapped through the charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`计算校验码需要前17位，收到${first17.length}位`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`第${i + 1}位“${first17[i]}”不是统一社会信用代码字符`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c]!;
}

/**
 * Build a valid code (demo data generator): prefix2 = 登记管理部门 + 机构类别 (e.g. "91"),
 * division6 = 行政区划码 (e.g. "410100" 郑州市), orgBody8 = 8 characters of the organisation code.
 * Computes the organisation-code check digit and the final check character.
 */
export function makeUscc(prefix2: string, division6: string, orgBody8: string): string {
  if (!/^[0-9A-Z]{2}$/.test(prefix2)) throw new Error(`前缀应为2位：${prefix2}`);
  if (!/^\d{6}$/.test(division6)) throw new Error(`行政区划码应为6位数字：${division6}`);
  const first17 = prefix2 + division6 + orgBody8 + orgCodeCheckDigit(orgBody8);
  const code = first17 + usccCheckChar(first17); // throws if orgBody8 uses I/O/Z/S/V
  const check = validateUscc(code);
  if (!check.valid) throw new Error(`生成的代码无效：${check.reason}`);
  return code;
}

export function validateUscc(raw: string): CodeCheck<UsccErrorCode> {
  const value = normaliseCode(raw);
  if (value === '') return invalid('empty', '请填写统一社会信用代码');
  if (value.length !== 18) {
    return invalid('length', `统一社会信用代码应为18位，当前为${value.length}位`);
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(value[i]!)) {
      return invalid('charset', `统一社会信用代码第${i + 1}位“${value[i]}”不是有效字符（只能使用数字和除I、O、Z、S、V以外的大写英文字母）`);
    }
  }
  const dept = USCC_DEPARTMENTS[value[0]!];
  if (!dept) return invalid('department', `第1位登记管理部门代码“${value[0]}”无效`);
  if (!dept.categories[value[1]!]) {
    return invalid('category', `第2位机构类别代码“${value[1]}”不属于登记管理部门“${dept.name}”的机构类别`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return invalid('division', '第3至8位登记管理机关行政区划码应为6位数字');
  }
  if (orgCodeCheckDigit(value.slice(8, 16)) !== value[16]) {
    return invalid('orgCodeCheck', '第9至17位组织机构代码的校验码（第17位）错误，请核对代码是否抄错');
  }
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) {
    return invalid('checkChar', '第18位校验码错误，请核对代码是否抄错');
  }
  return { valid: true, value };
}
