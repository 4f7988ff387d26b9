import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError } from './api/client.ts';

/** An Ant Design form rule that runs a field's schema from contracts/ — the same one the server applies. */
export function zodRule(schema: z.ZodType) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/** Puts the server's per-field messages on the form's fields; returns the message for the rest. */
export function showServerErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return '网络异常，请稍后重试';
  const known = new Set(Object.keys(form.getFieldsValue()));
  const fields = Object.entries(error.fields ?? {}).filter(([name]) => known.has(name));
  if (fields.length) form.setFields(fields.map(([name, msg]) => ({ name, errors: [msg] })));
  return error.message;
}
