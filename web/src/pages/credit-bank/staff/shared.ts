import type { Me } from '../../../../../contracts/auth.ts';
import type { Role } from '../../../../../core/authz/roles.ts';
import { OUTCOME_KINDS, OUTCOME_KIND_LABELS } from '../../../../../core/credit-bank/kinds.ts';

/** The organisation the user acts for in one of these roles (the server takes the first its grant reaches). */
export function actingOrganisation(me: Me, roles: readonly Role[]) {
  return me.roles.find((r) => roles.includes(r.role))?.organisation ?? null;
}

export const KIND_OPTIONS = OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_KIND_LABELS[k] }));

/** A fresh idempotency key per form: a double click or a retried request issues once. */
export const newKey = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
