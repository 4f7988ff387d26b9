import crypto from 'node:crypto';
import { ERROR_CODES } from '../../core/errors.ts';
import { ERROR_STATUS } from '../../server/platform/http/errors.ts';

/**
 * The API as its OpenAPI document describes it, for tests that are generated from it (the input sweep, the
 * authorisation matrix): each operation with its access, parameters and body schema, and values made from
 * the schemas. A new route joins those tests by being in the document.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  /** OpenAPI path, `{id}` style. */
  path: string;
  /** `public`, `authenticated` or `resource.action` of core/authz/grants.ts. */
  access: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        'x-access': string;
        parameters: { name: string; in: string; required: boolean; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        access: op['x-access'],
        pathParams: op.parameters.filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: op.parameters.filter((p) => p.in === 'query').map(({ name, required, schema }) => ({ name, required, schema })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** The first alternative of a union that is not `null`. */
export function concrete(s: JsonSchema): JsonSchema {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return concrete(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!);
  return s;
}

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema accepts where that is easy to make: enough to reach past validation on most routes. */
export function sampleOf(raw: JsonSchema): unknown {
  const s = concrete(raw);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'uuid') return crypto.randomUUID();
      if (s.format === 'date') return '2026-03-02';
      if (s.format === 'date-time') return '2026-03-02T08:00:00+08:00';
      if (s.format === 'email') return 'sweep@example.com';
      if (s.pattern === '^\\d{6}$') return '460101';
      return '测试'.padEnd(Math.max(s.minLength ?? 2, 2), '试');
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(1, s.maximum ?? 1));
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items ?? {}));
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sampleOf(s.properties?.[k] ?? {})]));
    default:
      return 'x';
  }
}

/** The body with only its required fields: every optional field can then be tried on its own. */
export const minimalBody = (body: JsonSchema) => sampleOf({ ...concrete(body), type: 'object' }) as Record<string, unknown>;

/** A lone UTF-16 surrogate: not Unicode, refused by PostgreSQL's JSON and the credit bank's canonical JSON. */
export const LONE_SURROGATE = '\ud800';

/** Wrong values for a JSON field of this schema, each named for the count. */
export function badJsonValues(raw: JsonSchema): [kind: string, value: unknown][] {
  const s = concrete(raw);
  const out: [string, unknown][] = [];
  switch (typeOf(s)) {
    case 'string':
      out.push(['type', 12345], ['nul', 'a\u0000b'], ['surrogate', `a${LONE_SURROGATE}b`]);
      if (s.maxLength !== undefined) out.push(['length', '长'.repeat(s.maxLength + 1)]);
      if (s.format === 'uuid') out.push(['missing-id', crypto.randomUUID()], ['format', 'not-an-id']);
      if (s.format === 'date') out.push(['format', '2026-02-30']);
      break;
    case 'integer':
    case 'number':
      out.push(['type', '12'], ['range', Number.MAX_SAFE_INTEGER], ['fraction', 1.5]);
      break;
    case 'boolean':
      out.push(['type', 'yes']);
      break;
    case 'array':
      out.push(['type', 'x'], ['nul', ['\u0000']], ['surrogate', [LONE_SURROGATE]]);
      if (s.maxItems !== undefined) out.push(['length', Array.from({ length: s.maxItems + 1 }, () => sampleOf(s.items ?? {}))]);
      break;
    case 'object':
      out.push(['type', 'x'], ['nul', { 'a\u0000': 1 }]);
      break;
    default:
      out.push(['nul', '\u0000'], ['surrogate', LONE_SURROGATE]);
  }
  return out;
}

/** Wrong values for a query or path parameter, already URL-encoded (they go into the address as they are). */
export function badUrlValues(raw: JsonSchema): [kind: string, encoded: string][] {
  const s = concrete(raw);
  // %ED%A0%80 is a lone surrogate written as UTF-8.
  const out: [string, string][] = [
    ['nul', 'a%00b'],
    ['surrogate', '%ED%A0%80'],
  ];
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      out.push(['type', 'abc'], ['range', String(Number.MAX_SAFE_INTEGER)], ['range', '1e400']);
      break;
    case 'boolean':
      out.push(['type', 'maybe']);
      break;
    default:
      if (s.maxLength !== undefined) out.push(['length', encodeURIComponent('长'.repeat(s.maxLength + 1))]);
      if (s.format === 'uuid') out.push(['missing-id', crypto.randomUUID()], ['format', 'not-an-id']);
  }
  return out;
}

/** A cut percent-encoding: the address itself cannot be decoded. */
export const BROKEN_ENCODING = '%E0%A4%A';

/** A concrete address for an operation, its path parameters filled in. */
export function addressOf(op: Operation, params: Record<string, string>, query = ''): string {
  const path = op.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => params[name] ?? encodeURIComponent(String(sampleOf(op.pathParams.find((p) => p.name === name)?.schema ?? {}))),
  );
  return query ? `${path}?${query}` : path;
}

/** What is wrong with an answer, if anything: a 5xx, or an error outside the platform's one shape. */
export function shapeProblem(status: number, body: unknown): string | null {
  if (status >= 500) return `status ${status}`;
  if (status < 400) return null;
  const b = body as { code?: unknown; message?: unknown; requestId?: unknown } | null;
  if (!b || typeof b !== 'object') return `status ${status} without a JSON error body`;
  if (!(ERROR_CODES as readonly unknown[]).includes(b.code)) return `status ${status} with unknown code ${String(b.code)}`;
  if (ERROR_STATUS[b.code as keyof typeof ERROR_STATUS] !== status) return `code ${String(b.code)} answered with status ${status}`;
  if (typeof b.message !== 'string' || !/[\u4e00-\u9fa5]/.test(b.message)) return `code ${String(b.code)} without a Chinese message`;
  if (typeof b.requestId !== 'string') return `code ${String(b.code)} without a request id`;
  return null;
}
