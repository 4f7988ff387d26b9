import { AppError } from '../../core/errors.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

/**
 * Which encoding a CSV file is in. Excel on a Chinese Windows saves "CSV" in GBK and "CSV UTF-8" with a
 * byte-order mark; other tools write UTF-8 without one. A GBK file of Chinese text is almost never valid
 * UTF-8, so: a UTF-8 BOM → UTF-8; valid UTF-8 → UTF-8; otherwise GBK. UTF-16 ("Unicode text") is refused
 * with an explanation rather than decoded into nonsense.
 */
export function detectCsvEncoding(data: Uint8Array): CsvEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8-bom';
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new AppError('VALIDATION_FAILED', '文件是UTF-16编码（Excel“Unicode文本”），请另存为“CSV UTF-8（逗号分隔）”或.xlsx后再上传', {
      fields: { file: '不支持UTF-16编码' },
    });
  }
  // Checked in slices with a streaming decoder so that a 20 MB file is not turned into one 40 MB string.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let i = 0; i < data.length; i += 1 << 16) decoder.decode(data.subarray(i, i + (1 << 16)), { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gbk';
  }
}

export const ENCODING_LABELS: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8（带BOM）', gbk: 'GBK' };

/** The decoder for an encoding; the BOM is dropped by TextDecoder itself. */
export function decoderFor(encoding: CsvEncoding): TextDecoder {
  return new TextDecoder(encoding === 'gbk' ? 'gbk' : 'utf-8');
}
