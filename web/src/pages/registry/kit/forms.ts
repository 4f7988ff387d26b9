import type { FormInstance, FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError } from '../../../api/client.ts';
import { checkValue } from '../../../forms/zod.ts';

const empty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Form rules from a contracts/ object schema: each field's own Zod schema checks what was entered (same
 * Chinese messages as the server), and a field the schema requires may not be left empty. Optional empty
 * fields are not checked, since the form sends them as absent or null.
 */
export function rulesOf<S extends z.ZodObject>(
  schema: S,
  labels: Partial<Record<keyof S['shape'] & string, string>> = {},
): Record<keyof S['shape'] & string, FormRule[]> {
  const out: Record<string, FormRule[]> = {};
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const optional = field.safeParse(undefined).success || field.safeParse(null).success;
    const rules: FormRule[] = [
      {
        async validator(_rule, value: unknown) {
          if (!empty(value)) checkValue(field, value);
        },
      },
    ];
    if (!optional) rules.unshift({ required: true, message: requiredMessage(field, labels[name as keyof typeof labels]) });
    out[name] = rules;
  }
  return out as Record<keyof S['shape'] & string, FormRule[]>;
}

/** The schema's own message for an empty text ("请填写…") when it has one, else one naming the field. */
function requiredMessage(field: z.ZodType, label: string | undefined): string {
  const m = field.safeParse('').error?.issues[0]?.message;
  if (m && /[\u4e00-\u9fa5]/.test(m)) return m;
  return label ? `请填写${label}` : '此项必填';
}

/** DatePicker props that keep the form value a "YYYY-MM-DD" string, the API's date format. */
export const dateValue = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

/** A percentage input whose form value is the API's fraction (55 on screen ↔ 0.55 sent). */
export const percentValue = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'number' ? Math.round(v * 10000) / 100 : v }),
  normalize: (v: number | null) => (typeof v === 'number' ? Math.round(v * 100) / 10000 : null),
};

/**
 * Puts the server's field messages (4xx `fields`, keys like "name" or "practicePeriods.0.endDate") on the
 * matching form fields. Returns the messages no field shows, so nothing the server said is lost.
 */
export function placeServerErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError) || !error.fields) return [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    if (registered.has(key)) placed.push({ name: key.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [message] });
    else if (key !== 'version') rest.push(message);
  }
  form.setFields(placed);
  return rest;
}

const norm = (v: unknown) => (v === undefined || v === '' ? null : v);

/** The fields whose value differs from what was loaded (an edit sends only those, with the version it read). */
export function changedFields(initial: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (JSON.stringify(norm(v)) !== JSON.stringify(norm(initial[k]))) out[k] = norm(v);
  }
  return out;
}

/** A new record's body: empty fields left out (the schema's defaults apply). */
export function filledFields(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !empty(v)));
}
