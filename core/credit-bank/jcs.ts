/**
 * JSON Canonicalization Scheme (RFC 8785): the byte-exact form that credential proofs (eddsa-jcs-2022) and
 * ledger hashes are computed over, so that key order or whitespace never changes a signature.
 *
 * - strings: the ECMAScript JSON.stringify form, which is the escaping RFC 8785 §3.2.2.2 prescribes;
 * - numbers: the ECMAScript Number-to-string form (§3.2.2.3); NaN and ±Infinity are not JSON and are refused;
 * - object members sorted by their names' UTF-16 code units (§3.2.3) — JavaScript's default string order;
 * - members whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JCS: NaN and Infinity cannot be serialised');
      return JSON.stringify(value);
    case 'string':
      if (hasLoneSurrogate(value)) throw new TypeError('JCS: string contains a lone surrogate');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v === undefined ? null : v)).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${canonicalize(k)}:${canonicalize(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`JCS: a ${typeof value} is not JSON`);
  }
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (!(n >= 0xdc00 && n <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}
