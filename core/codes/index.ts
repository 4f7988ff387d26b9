/** Validation, generation and masking of the identity codes the platform handles (pure). */
export type { CodeCheck } from './result.ts';
export { normaliseCode } from './result.ts';
export { USCC_CHARSET, USCC_DEPARTMENTS, makeUscc, orgCodeCheckDigit, usccCheckChar, validateUscc } from './uscc.ts';
export type { UsccDepartment, UsccErrorCode } from './uscc.ts';
export {
  PROVINCE_CODES,
  idNumberBirthDate,
  idNumberCheckChar,
  idNumberSex,
  makeIdNumber,
  maskIdNumber,
  validateIdNumber,
} from './idNumber.ts';
export type { IdNumberErrorCode } from './idNumber.ts';
export { maskPhone, normalisePhone, validatePhone } from './phone.ts';
export type { PhoneErrorCode } from './phone.ts';
