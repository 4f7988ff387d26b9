import type { FormInstance, FormRule as Rule } from 'antd';
import type { z } from 'zod';
import { cleanInput } from '../../../contracts/common.ts';
import { ApiError } from '../api/client.ts';

/**
 * AntD form rules that run the shared Zod schemas of contracts/, so the browser refuses exactly what the
 * server would refuse, with the same Chinese messages — the text rule the server applies to every input first.
 */
export function zodRule(schema: z.ZodType): Rule {
  return { validator: async (_rule, value: unknown) => checkValue(schema, value ?? '') };
}

/** Throws the first Chinese message of the text rule, then of the field's schema, for a value entered. */
export function checkValue(schema: z.ZodType, value: unknown) {
  const clean = cleanInput.safeParse(value);
  const result = clean.success ? schema.safeParse(value) : clean;
  if (!result.success) throw new Error(result.error.issues[0]?.message ?? '输入有误');
}

/** One rule per field of an object schema: `rules={fieldRules(loginRequest).username}`. */
export function fieldRules<S extends z.ZodObject>(schema: S): Record<keyof S['shape'] & string, Rule[]> {
  const out = {} as Record<string, Rule[]>;
  for (const [name, field] of Object.entries(schema.shape)) out[name] = [zodRule(field as z.ZodType)];
  return out as Record<keyof S['shape'] & string, Rule[]>;
}

/**
 * Puts the server's field messages on the matching form fields. Returns the fields it could not place
 * (shown with the general message) so nothing the server said is lost.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError) || !error.fields) return {};
  const known = new Set(fieldNames);
  const rest: Record<string, string> = {};
  const placed: { name: string; errors: string[] }[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    if (known.has(name)) placed.push({ name, errors: [message] });
    else rest[name] = message;
  }
  form.setFields(placed);
  return rest;
}
