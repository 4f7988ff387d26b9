import type { FieldErrors } from '../errors.ts';
import type { ReportPart } from './policy.ts';

/**
 * The narrative parts a party writes: each within its length limit (policy `qualityReports.parts`, 三 18), and
 * every part written before the report is submitted. A character is a Unicode code point, as a reader counts 字.
 */
export const charCount = (text: string): number => [...text.trim()].length;

/** Problems of parts being saved: a part the kind of report does not have, or one over its limit. */
export function partProblems(parts: readonly ReportPart[], texts: Readonly<Record<string, string>>): FieldErrors {
  const fields: FieldErrors = {};
  for (const [code, text] of Object.entries(texts)) {
    const part = parts.find((p) => p.code === code);
    if (!part) fields[`parts.${code}`] = '报告没有这一部分';
    else if (charCount(text) > part.maxChars)
      fields[`parts.${code}`] = `「${part.title}」超过字数上限 ${part.maxChars} 字（现 ${charCount(text)} 字）`;
  }
  return fields;
}

/** Problems that stop a submission: a part not yet written (and any over its limit). */
export function submissionProblems(parts: readonly ReportPart[], texts: Readonly<Record<string, string>>): FieldErrors {
  const fields = partProblems(parts, texts);
  for (const part of parts) {
    if (!fields[`parts.${part.code}`] && !charCount(texts[part.code] ?? '')) fields[`parts.${part.code}`] = `「${part.title}」尚未填写`;
  }
  return fields;
}

export const COMMENT_MAX_CHARS = 1000;

/** The bureau's comments when it returns a report: per part, at least one, each within its limit. */
export function commentProblems(parts: readonly ReportPart[], comments: Readonly<Record<string, string>>): FieldErrors {
  const fields: FieldErrors = {};
  for (const [code, text] of Object.entries(comments)) {
    if (!parts.some((p) => p.code === code)) fields[`comments.${code}`] = '报告没有这一部分';
    else if (charCount(text) > COMMENT_MAX_CHARS) fields[`comments.${code}`] = `审核意见不超过 ${COMMENT_MAX_CHARS} 字`;
  }
  if (!Object.values(comments).some((t) => charCount(t) > 0)) fields.comments = '退回修改时请至少对一个部分填写审核意见';
  return fields;
}
