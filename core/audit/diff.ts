/**
 * The changed fields of a write, as the audit log stores them. `before` null means a creation, `after` null
 * an archive or removal. Fields named in `redact` are recorded as changed without their values (personal
 * information never enters the audit log in clear).
 */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

const REDACTED = '***';

export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  redact: readonly string[] = [],
): FieldChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChanges = {};
  for (const key of keys) {
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const hidden = redact.includes(key);
    changes[key] = { before: hidden && b != null ? REDACTED : b, after: hidden && a != null ? REDACTED : a };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
