/**
 * Shared shape of every code check, and the normalisation clerks' input needs.
 * Pure: no I/O, no clock.
 */

/** A passed check carries the normalised value (store that, not the raw input). */
export type CodeCheck<Code extends string = string> =
  | { valid: true; value: string }
  /** `code` is for machines (HTTP error details, tests); `reason` is the Chinese sentence shown to the clerk. */
  | { valid: false; code: Code; reason: string };

/**
 * Trim, turn full-width ASCII (what a Chinese IME types: "９１３５…", "Ｘ") into half-width and uppercase.
 * We normalise rather than reject because the clerk means the same code either way.
 */
export function normaliseCode(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
    .toUpperCase();
}

export function invalid<Code extends string>(code: Code, reason: string): { valid: false; code: Code; reason: string } {
  return { valid: false, code, reason };
}
