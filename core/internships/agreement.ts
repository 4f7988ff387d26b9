import { ageOn } from './placement-check.ts';
import type { Party } from './parties.ts';
import type { InternshipRules } from './rules.ts';

export interface SignatureFact {
  party: Party;
  /** The day of signing in Zhengzhou (YYYY-MM-DD). */
  signedOn: string;
}

export interface AgreementState {
  required: Party[];
  missing: Party[];
  complete: boolean;
  guardianRequired: boolean;
}

/**
 * Which signatures the agreement needs and which are missing. The guardian signs when the student is under
 * the adult age on the day the student signs (today while the student has not signed yet).
 */
export function agreementState(signatures: SignatureFact[], birthDate: string, today: string, r: InternshipRules): AgreementState {
  const studentSigned = signatures.find((s) => s.party === 'student')?.signedOn;
  const guardianRequired = ageOn(birthDate, studentSigned ?? today) < r.adultAge;
  const required = r.agreementParties.filter((p) => p !== 'guardian' || guardianRequired) as Party[];
  const signed = new Set(signatures.map((s) => s.party));
  const missing = required.filter((p) => !signed.has(p));
  return { required, missing, complete: missing.length === 0, guardianRequired };
}

/**
 * Fills `{{key}}` placeholders of the agreement template. A placeholder without a fact, or a fact the template
 * does not use, is a programming error: an agreement must never go out with a blank clause.
 */
export function fillTemplate(template: string, facts: Record<string, string>): string {
  const used = new Set<string>();
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = facts[key];
    if (value === undefined) throw new Error(`agreement template: no fact for {{${key}}}`);
    used.add(key);
    return value;
  });
  const unused = Object.keys(facts).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`agreement template: facts not used: ${unused.join(', ')}`);
  return text;
}
