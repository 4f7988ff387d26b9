/**
 * Evidence files (佐证材料) of progress and indicator reports: only PDF, JPEG, PNG, .xlsx and .docx, recognised
 * by their first bytes, not only by their name, so a renamed executable or script is refused. Pure.
 */
export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/** Largest evidence file: 10 MB, enough for a scanned multi-page document, small enough to keep in the database. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Files one report may carry. */
export const EVIDENCE_MAX_FILES = 20;

const EXTENSIONS: Record<string, EvidenceType> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', xlsx: 'xlsx', docx: 'docx' };
export const ALLOWED_LABEL = 'PDF、JPG、PNG、XLSX、DOCX';

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** Whether the bytes contain an ASCII string (zip entry names are stored uncompressed). */
function contains(b: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The type the content really has, or null. */
export function sniffEvidence(b: Uint8Array): EvidenceType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML is a zip with [Content_Types].xml; the main part's folder tells a workbook from a document.
    if (!contains(b, '[Content_Types].xml')) return null;
    if (contains(b, 'xl/workbook')) return 'xlsx';
    if (contains(b, 'word/document')) return 'docx';
  }
  return null;
}

export type EvidenceCheck =
  { ok: true; type: EvidenceType; mediaType: string } | { ok: false; reason: 'empty' | 'tooLarge' | 'type'; message: string };

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function checkEvidence(fileName: string, bytes: Uint8Array, maxBytes = EVIDENCE_MAX_BYTES): EvidenceCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: '文件为空，请重新选择文件' };
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: 'tooLarge',
      message: `佐证材料“${fileName}”大小为${mb(bytes.length)}，超过上限${mb(maxBytes)}，请压缩或拆分后上传`,
    };
  }
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const named = EXTENSIONS[ext];
  if (!named) return { ok: false, reason: 'type', message: `不支持的文件类型“.${ext || '无扩展名'}”，佐证材料只能是${ALLOWED_LABEL}文件` };
  const actual = sniffEvidence(bytes);
  if (actual !== named) {
    return {
      ok: false,
      reason: 'type',
      message: `文件“${fileName}”的内容不是${named.toUpperCase()}文件（可能被改了扩展名），佐证材料只能是${ALLOWED_LABEL}文件`,
    };
  }
  return { ok: true, type: actual, mediaType: EVIDENCE_TYPES[actual] };
}
