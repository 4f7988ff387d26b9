import { idNumberBirthDate, idNumberSex, validateIdNumber, validatePhone } from '../codes/index.ts';

/**
 * A student's identity facts as a clerk enters them: the 居民身份证号码 (GB 11643 check), and the birth date
 * and sex the number already encodes. When the clerk also types them they must agree with the number — a
 * mismatch is usually a mistyped number — and when left out they are taken from it. Pure: `today` is passed in.
 */
export interface IdentityInput {
  idNumber: string;
  birthDate?: string;
  sex?: 'male' | 'female';
}

export type IdentityCheck =
  { ok: true; idNumber: string; birthDate: string; sex: 'male' | 'female' } | { ok: false; fields: Record<string, string> };

const SEX_LABEL = { male: '男', female: '女' } as const;

export function checkIdentity(input: IdentityInput, today: Date): IdentityCheck {
  const id = validateIdNumber(input.idNumber, today);
  if (!id.valid) return { ok: false, fields: { idNumber: id.reason } };
  const birthDate = idNumberBirthDate(id.value);
  const sex = idNumberSex(id.value);
  const fields: Record<string, string> = {};
  if (input.birthDate !== undefined && input.birthDate !== birthDate) {
    fields.birthDate = `出生日期与身份证号码不一致（号码中为${birthDate}），请核对`;
  }
  if (input.sex !== undefined && input.sex !== sex) {
    fields.sex = `性别与身份证号码不一致（号码中为${SEX_LABEL[sex]}），请核对`;
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, idNumber: id.value, birthDate, sex };
}

/** A mobile number normalised for storage, or the reason it is refused. */
export function checkPhone(raw: string): { ok: true; phone: string } | { ok: false; reason: string } {
  const p = validatePhone(raw);
  return p.valid ? { ok: true, phone: p.value } : { ok: false, reason: p.reason };
}
