import { catalogueWords, COMMON_WORDS, CATALOGUE_WORD_FREQ, createDictionary, GENERIC_NAME_PARTS, type Dictionary } from './dictionary.ts';
import { innerWords, segmentRun } from './segment.ts';
import { expansionsOf, synonymWords, TYPE_HINT_WORDS } from './synonyms.ts';

/**
 * Chinese text to PostgreSQL full-text lexemes, the same way for documents and queries, on both engines:
 * the app tokenises and hands the database a ready `tsvector` / `tsquery` (the `simple` configuration does no
 * stemming or stop words, and feeding lexemes directly keeps the database's text parser, which differs by
 * version and locale, out of the way).
 *
 * A document's text yields, for every run of Chinese characters, its characters (unigrams), its character
 * bigrams, the words the dictionary segmenter finds (three characters and longer — shorter ones are already
 * unigrams or bigrams) and the dictionary words inside those; every run of letters or digits is one lexeme.
 * Positions follow the characters, so a bigram phrase (`'郑州' <-> '州铁' <-> '铁路'`) matches exactly the
 * documents that contain the string, whatever the segmenter made of it. Runs and fields are separated by a
 * gap so that phrases never span them.
 */

export type Weight = 'A' | 'B' | 'C' | 'D';

export interface TextField {
  text: string | null | undefined;
  /** A: names; B: what a record belongs to (school of a program, code); C: descriptive; D: location and the rest. */
  weight: Weight;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;
/** PostgreSQL keeps positions up to 16383 and at most 256 of them per lexeme. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** Full-width to half-width, compatibility forms folded, lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  han: boolean;
  chars: string[];
}

/** Maximal runs of Chinese characters, and of other letters and digits; everything else separates runs. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  for (const ch of normalizeText(text)) {
    const han = HAN.test(ch);
    if (!han && !WORD.test(ch)) {
      cur = null;
      continue;
    }
    if (!cur || cur.han !== han) runs.push((cur = { han, chars: [] }));
    cur.chars.push(ch);
  }
  return runs;
}

/** Segmented words of a text (Chinese runs through the dictionary, other runs whole), in order. */
export function segmentText(dict: Dictionary, text: string): string[] {
  return splitRuns(text).flatMap((r) => (r.han ? segmentRun(dict, r.chars) : [r.chars.join('')]));
}

/** lexeme → positions with weights, in insertion order. */
export type LexemeMap = Map<string, { pos: number; weight: Weight }[]>;

/** The lexemes of a document's fields (see the module comment). */
export function documentLexemes(dict: Dictionary, fields: readonly TextField[]): LexemeMap {
  const out: LexemeMap = new Map();
  const add = (lexeme: string, pos: number, weight: Weight) => {
    if (pos > MAX_POSITION) return;
    let list = out.get(lexeme);
    if (!list) out.set(lexeme, (list = []));
    if (list.length < MAX_POSITIONS_PER_LEXEME && !list.some((p) => p.pos === pos)) list.push({ pos, weight });
  };
  let pos = 1;
  for (const field of fields) {
    if (!field.text) continue;
    for (const run of splitRuns(field.text)) {
      if (!run.han) {
        add(run.chars.join(''), pos, field.weight);
        pos += 2;
        continue;
      }
      const { chars } = run;
      for (let i = 0; i < chars.length; i++) {
        add(chars[i]!, pos + i, field.weight);
        if (i + 1 < chars.length) add(chars[i]! + chars[i + 1]!, pos + i, field.weight);
      }
      let at = 0;
      for (const word of segmentRun(dict, chars)) {
        const len = [...word].length;
        if (len >= 3) {
          add(word, pos + at, field.weight);
          for (const inner of innerWords(dict, word)) {
            if ([...inner].length < 3) continue;
            add(inner, pos + at + offsetOf(word, inner), field.weight);
          }
        }
        at += len;
      }
      pos += chars.length + 1;
    }
    pos += 1;
  }
  return out;
}

/** Code-point offset of the first occurrence of `inner` in `word`. */
function offsetOf(word: string, inner: string): number {
  return [...word.slice(0, word.indexOf(inner))].length;
}

/** A lexeme quoted for tsvector / tsquery input: in single quotes, with ' and \ doubled / escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The `tsvector` input text of a document (`'郑州':1A,9B '州铁':2A …`), for `$1::tsvector`. */
export function toTsvector(dict: Dictionary, fields: readonly TextField[]): string {
  const parts: string[] = [];
  for (const [lexeme, positions] of documentLexemes(dict, fields)) {
    parts.push(`${quoteLexeme(lexeme)}:${positions.map((p) => `${p.pos}${p.weight === 'D' ? '' : p.weight}`).join(',')}`);
  }
  return parts.join(' ');
}

export interface ParsedQuery {
  /** The normalised query text, for trigram similarity against titles. */
  text: string;
  /** Titles that are exactly what was asked for: the query, or what the whole query abbreviates (跨境电商 → 跨境电子商务). */
  names: string[];
  /** The query's units: dictionary words, runs of unknown characters, and letter/digit runs. */
  units: string[];
  /** Entity types the query asked for by a word such as 企业 or 学校 (see TYPE_HINT_WORDS). */
  typeHints: string[];
  /** tsquery input matching documents that contain every unit (or one of its expansions); null if the query has no lexeme. */
  all: string | null;
  /** tsquery input matching documents that contain any unit: the fallback's ranking when `all` finds little. */
  any: string | null;
  /**
   * tsquery input matching documents that contain any unit other than the generic name parts (郑州, 有限公司 …):
   * the fallback's candidates, with the titles trigram-similar to the query. `any` when every unit is generic.
   */
  anyDistinctive: string | null;
}

/** The tsquery term of one unit: the word itself, or its bigram phrase, or one of its expansions. */
function unitTerm(dict: Dictionary, unit: string, isWordRun: boolean): string {
  const alternatives = [unit, ...expansionsOf(unit)].map((alt) => {
    const runs = splitRuns(alt);
    const phrase = runs.map((r) => (r.han ? hanTerm(dict, r.chars) : wordTerm(r.chars.join(''), isWordRun && alt === unit)));
    return phrase.length === 1 ? phrase[0]! : `(${phrase.join(' <-> ')})`;
  });
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? unique[0]! : `(${unique.join(' | ')})`;
}

function hanTerm(dict: Dictionary, chars: readonly string[]): string {
  if (chars.length <= 2) return quoteLexeme(chars.join(''));
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(quoteLexeme(chars[i]! + chars[i + 1]!));
  const phrase = `(${bigrams.join(' <-> ')})`;
  const word = chars.join('');
  return (dict.freq.get(word) ?? 0) > 0 ? `(${quoteLexeme(word)} | ${phrase})` : phrase;
}

/** Letter and digit runs match as prefixes (「5102」 finds 510201, a USCC prefix finds the enterprise). */
function wordTerm(word: string, prefix: boolean): string {
  return prefix && [...word].length >= 2 ? `${quoteLexeme(word)}:*` : quoteLexeme(word);
}

/** Split a query into units and build its tsqueries (see ParsedQuery). */
export function parseQuery(dict: Dictionary, query: string): ParsedQuery {
  const text = normalizeText(query).replace(/\s+/g, ' ').trim();
  const units: { unit: string; wordRun: boolean }[] = [];
  for (const run of splitRuns(text)) {
    if (!run.han) {
      units.push({ unit: run.chars.join(''), wordRun: true });
      continue;
    }
    // Consecutive characters the dictionary does not know make one unit (an unknown name, a typo).
    let unknown = '';
    for (const w of segmentRun(dict, run.chars)) {
      if ([...w].length === 1 && !(dict.freq.get(w) ?? 0)) {
        unknown += w;
        continue;
      }
      if (unknown) units.push({ unit: unknown, wordRun: false });
      unknown = '';
      units.push({ unit: w, wordRun: false });
    }
    if (unknown) units.push({ unit: unknown, wordRun: false });
  }
  const typeHints = new Set<string>();
  let terms = units;
  const isHint = (u: string) => TYPE_HINT_WORDS[u] !== undefined;
  if (units.some((u) => !isHint(u.unit))) {
    for (const u of units) for (const t of TYPE_HINT_WORDS[u.unit] ?? []) typeHints.add(t);
    terms = units.filter((u) => !isHint(u.unit));
  }
  const seen = new Set<string>();
  const unique = terms.filter((u) => !seen.has(u.unit) && seen.add(u.unit));
  const termTexts = unique.map((u) => unitTerm(dict, u.unit, u.wordRun));
  const distinctive = unique.flatMap((u, i) => (GENERIC_NAME_PARTS.has(u.unit) ? [] : [termTexts[i]!]));
  return {
    text,
    names: [text, ...expansionsOf(text)],
    units: unique.map((u) => u.unit),
    typeHints: [...typeHints],
    all: termTexts.length ? termTexts.join(' & ') : null,
    any: termTexts.length ? termTexts.join(' | ') : null,
    anyDistinctive: distinctive.length ? distinctive.join(' | ') : termTexts.length ? termTexts.join(' | ') : null,
  };
}

/** A catalogue name and how it came, for the platform's dictionary. */
export interface DictionarySource {
  names: readonly string[];
  freq?: number;
}

/**
 * The platform's dictionary: the common organisation-name parts and domain words, the expansion words, and
 * every name of the given catalogues (majors, industries, clusters, carrier kinds, divisions) with its parts.
 */
export function buildPlatformDictionary(sources: readonly DictionarySource[]): Dictionary {
  const entries: [string, number][] = COMMON_WORDS.map(([w, f]) => [normalizeText(w), f]);
  for (const w of synonymWords()) entries.push([normalizeText(w), 1500]); // non-Chinese ones are ignored by the segmenter
  for (const s of sources) {
    for (const name of s.names) {
      for (const w of catalogueWords(normalizeText(name))) {
        // Only Chinese words: letter/digit runs are lexemes of their own and never segmented.
        if ([...w].every((c) => HAN.test(c))) entries.push([w, s.freq ?? CATALOGUE_WORD_FREQ]);
      }
    }
  }
  return createDictionary(entries);
}
