/**
 * A series as a CSV with header `period,value`, oldest first. A period is a month `YYYY-MM`, a quarter `YYYY-Qn`,
 * a year `YYYY` or a plain step number; every period must follow the one before (no gaps, no repeats).
 */
export class SeriesInputError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'SeriesInputError';
    this.line = line;
  }
}

export interface ParsedSeries {
  periods: string[];
  values: number[];
}

type Period = { kind: 'month' | 'quarter' | 'year' | 'step'; index: number };

function parsePeriod(text: string): Period | null {
  let match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', index: Number(match[1]) * 12 + month - 1 } : null;
  }
  match = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (match) return { kind: 'quarter', index: Number(match[1]) * 4 + Number(match[2]) - 1 };
  if (/^\d{4}$/.test(text)) return { kind: 'year', index: Number(text) };
  if (/^\d+$/.test(text)) return { kind: 'step', index: Number(text) };
  return null;
}

export function parseSeriesCsv(text: string): ParsedSeries {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');
  if (lines.length === 0) throw new SeriesInputError('the file is empty (expected header period,value)');
  const header = lines[0].text.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  if (header.length !== 2 || header[0] !== 'period' || header[1] !== 'value') {
    throw new SeriesInputError(`missing header: expected "period,value", found "${lines[0].text}"`, lines[0].line);
  }
  const periods: string[] = [];
  const values: number[] = [];
  let previous: Period | null = null;
  for (const { text: row, line } of lines.slice(1)) {
    const cells = row.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length !== 2) throw new SeriesInputError(`expected 2 columns, found ${cells.length}`, line);
    const [periodText, valueText] = cells;
    const period = parsePeriod(periodText);
    if (!period) throw new SeriesInputError(`period "${periodText}" is not YYYY-MM, YYYY-Qn, YYYY or a step number`, line);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(valueText))
      throw new SeriesInputError(`value "${valueText}" is not a number`, line);
    const value = Number(valueText);
    if (previous) {
      if (period.kind !== previous.kind)
        throw new SeriesInputError(`period "${periodText}" is not of the same kind as the ones before`, line);
      if (period.index <= previous.index)
        throw new SeriesInputError(`period "${periodText}" does not come after the one before (oldest first)`, line);
      if (period.index !== previous.index + 1)
        throw new SeriesInputError(`gap before period "${periodText}": ${period.index - previous.index - 1} missing`, line);
    }
    previous = period;
    periods.push(periodText);
    values.push(value);
  }
  return { periods, values };
}
