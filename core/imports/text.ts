/**
 * Normalisation of what clerks type: full-width ASCII (what a Chinese IME produces: "（", "１２"), the
 * ideographic space, and stray spaces around a value. Header matching and enumerated values compare after
 * this, so "学校名称 " and "核定编制数（人）" match "学校名称" and "核定编制数(人)".
 */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, half-width, and collapse runs of white space (including the non-breaking space Excel pastes). */
export function normaliseText(s: string): string {
  return halfWidth(s)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** For comparing labels and headers: also drops the spaces inside ("学校 名称" is still 学校名称). */
export function labelKey(s: string): string {
  return normaliseText(s).replace(/ /g, '').toLowerCase();
}
