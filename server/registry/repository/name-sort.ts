import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { pinyin } from 'pinyin-pro';
import { rows, type Db } from '../../platform/db/engine.ts';
import { carriers, majorGroups, majors, organisations, students, teachers } from '../../platform/db/schema/index.ts';
import { nameSortStale } from '../../platform/db/schema/name-sort.ts';

/**
 * The pinyin sort key of a 名称 (server/platform/db/schema/name-sort.ts): syllables with tone digits (重庆 → `chong2 qing4`,
 * a word's reading rather than each character's most common one), then a tab and the name. People's names are
 * read with surname readings (单 shàn, 曾 zēng); organisations' names are not (行业 háng). Letters and digits
 * keep their place, lower-cased, so 5G产业园 sorts among the 5s.
 */
export function nameSortKeyOf(name: string, person: boolean): string {
  const syllables = pinyin(name, { toneType: 'num', type: 'array', v: true, toneSandhi: false, surname: person ? 'head' : 'off' });
  return `${syllables
    .map((s) => s.replace(/\s+/g, '').toLowerCase())
    .filter(Boolean)
    .join(' ')}\t${name}`;
}

/**
 * The span of keys that names starting with `prefix` can have: from the lowest to past the highest reading of the
 * first character (重 → chong … zhong). A name search sorted by the key reads that span of the key's index instead
 * of walking it from 安 (bench/front-door.ts: 「王」 city-wide took 7.6 s without it). Null when no span applies.
 */
export function nameSortPrefixRange(prefix: string): { from: string; to: string } | null {
  const first = [...prefix][0];
  if (!first || /\s/.test(first)) return null;
  const readings = pinyin(first, { multiple: true, type: 'array', toneType: 'none', v: true })
    .map((r) => r.toLowerCase())
    .sort();
  if (readings.length === 0) return null;
  // Keys' syllables end in a tone digit; '{' sorts after every letter and digit.
  return { from: readings[0]!, to: `${readings.at(-1)!}{` };
}

/** The key function with a memory: a city's half a million students share far fewer names. */
export function nameSortKeyer(person: boolean): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let key = known.get(name);
    if (key === undefined) known.set(name, (key = nameSortKeyOf(name, person)));
    return key;
  };
}

interface Keyed {
  table: PgTable;
  id: PgColumn;
  name: PgColumn;
  nameSort: PgColumn;
  person: boolean;
}

/** Every table whose list sorts by 名称. */
export const NAME_SORTED = {
  organisations: { table: organisations, id: organisations.id, name: organisations.name, nameSort: organisations.nameSort, person: false },
  teachers: { table: teachers, id: teachers.id, name: teachers.name, nameSort: teachers.nameSort, person: true },
  students: { table: students, id: students.id, name: students.name, nameSort: students.nameSort, person: true },
  carriers: { table: carriers, id: carriers.id, name: carriers.name, nameSort: carriers.nameSort, person: false },
  majorGroups: { table: majorGroups, id: majorGroups.id, name: majorGroups.name, nameSort: majorGroups.nameSort, person: false },
  majors: { table: majors, id: majors.id, name: majors.name, nameSort: majors.nameSort, person: false },
} satisfies Record<string, Keyed>;

const BATCH = 5000;

/**
 * Brings the keys of one table up to date: rows written by any path (the API, an import, the demo loader, SQL by
 * hand) or renamed since are found through the table's stale-key index, which is empty when nothing changed, so a
 * list calls this before every name-sorted page for the price of one empty index scan. Only the derived key is
 * written (no version, no audit row): it is a cache of the name, not a fact a clerk edits.
 */
export async function syncNameSort(db: Db, which: keyof typeof NAME_SORTED): Promise<number> {
  const t: Keyed = NAME_SORTED[which];
  const keyOf = nameSortKeyer(t.person);
  let done = 0;
  for (;;) {
    const stale = await rows<{ id: string; name: string }>(
      db,
      // In id order, which the stale-key index gives: without it the planner, which cannot tell that the predicate
      // is almost never true, scans the whole table (1.8 s for 500,000 students).
      sql`select ${t.id} as id, ${t.name} as name from ${t.table} where ${nameSortStale(t.name, t.nameSort)} order by ${t.id} limit ${BATCH}`,
    );
    if (stale.length === 0) return done;
    const keys = stale.map((r) => keyOf(r.name));
    await db.execute(sql`update ${t.table} set ${sql.identifier('name_sort')} = v.k
      from unnest(${sql.param(stale.map((r) => r.id))}::uuid[], ${sql.param(keys)}::text[]) as v(id, k)
      where ${t.id} = v.id`);
    done += stale.length;
    if (stale.length < BATCH) return done;
  }
}

/** All tables at once (after a bulk load, before a benchmark). */
export async function syncAllNameSorts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(NAME_SORTED) as (keyof typeof NAME_SORTED)[]) out[k] = await syncNameSort(db, k);
  return out;
}
