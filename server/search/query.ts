import { and, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { parseQuery } from '../../core/search/tokenize.ts';
import { SEARCH_ENTITY_TYPES, type SearchEntityType, type SearchHit, type SearchResult } from '../../contracts/search.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';
import { searchDocuments } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';
import { searchDictionary } from './dictionary.ts';

/**
 * The search query. The app parses the text into units (core/search/tokenize.ts) and hands PostgreSQL two
 * tsqueries: every unit (`all`), or any of them (`any`). Ranking adds up
 *   - ts_rank_cd of the query over the weighted lexemes (names weigh most, location least; cover density
 *     rewards the query's words standing together, as in a name),
 *   - trigram similarity of the title to the query (pg_trgm): the closer a name is to what was typed, the higher,
 *   - a bonus when the title is exactly the query (or what it abbreviates), and a larger one when the
 *     record's type is the one the query asked for (「汽车企业」, 「护理 学校」).
 * When fewer than FUZZY_BELOW records hold every unit, the answer is widened to the records holding any unit
 * other than the generic name parts (郑州, 有限公司 …), or whose title is trigram-similar to the query (typos:
 * 「郑州铁道职业技术学院」); they are ranked the same way (cover density favours the records holding more of the
 * units) and the answer says so (`fuzzy`).
 */
export type SearchVisibility = { kind: 'public' } | { kind: 'scoped'; access: Access };

export interface SearchParams {
  q: string;
  types?: readonly SearchEntityType[];
  page: number;
  pageSize: number;
}

const FUZZY_BELOW = 3;
/** ts_rank_cd weights for D, C, B, A. */
const WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';

const t = searchDocuments;
/** Among equals, the record itself before its instances: a school or catalogue major before the programs. */
const TYPE_ORDER = sql`array_position(array['school', 'major', 'enterprise', 'carrier', 'program']::text[], ${t.entityType})`;

function visible(v: SearchVisibility): SQL | undefined {
  if (v.kind === 'public') return sql`${t.isPublic}`;
  if (v.access.kind === 'city') return undefined;
  const scope = scopeWhere(v.access, { organisationId: t.organisationId, districtId: t.districtId });
  return scope ? sql`(${t.isPublic} or ${scope})` : sql`${t.isPublic}`;
}

const textArray = (list: readonly string[]) => sql`${sql.param([...list])}::text[]`;

type Counts = { type: SearchEntityType; n: number }[];

/**
 * Trigram similarity a title needs to join the fallback (pg_trgm.similarity_threshold, for this transaction
 * only): short queries share few trigrams with any name, long ones must share more — which also keeps the
 * trigram index from handing over every 郑州…有限公司 for a long company name.
 */
const trigramThreshold = (text: string) => ([...text.replace(/\s/g, '')].length <= 6 ? 0.3 : 0.45);

export async function searchDocumentsFor(db: Db, visibility: SearchVisibility, p: SearchParams): Promise<SearchResult> {
  const dict = await searchDictionary(db);
  const parsed = parseQuery(dict, p.q);
  const typeCounts = Object.fromEntries(SEARCH_ENTITY_TYPES.map((k) => [k, 0])) as Record<SearchEntityType, number>;
  const answer = { items: [] as SearchHit[], total: 0, page: p.page, pageSize: p.pageSize, fuzzy: false, typeCounts };
  if (!parsed.all || !parsed.any || !parsed.anyDistinctive) return answer;

  const vis = visible(visibility);
  const typeFilter = p.types?.length ? sql`${t.entityType} = any(${textArray(p.types)})` : undefined;
  const text = parsed.text;
  const selected = (counts: Counts) => counts.filter((c) => !p.types?.length || p.types.includes(c.type)).reduce((sum, c) => sum + c.n, 0);
  const count = (q: Db | Tx, match: SQL) =>
    rows<Counts[number]>(q, sql`select ${t.entityType} as type, count(*)::int as n from ${t} where ${and(match, vis)} group by 1`);

  const page = async (q: Db | Tx, match: SQL, tsq: SQL, counts: Counts, fuzzy: boolean): Promise<SearchResult> => {
    for (const c of counts) typeCounts[c.type] = c.n;
    const total = selected(counts);
    if (total === 0 || (p.page - 1) * p.pageSize >= total) return { ...answer, total, fuzzy };
    const hints = parsed.typeHints.length
      ? sql`case when ${t.entityType} = any(${textArray(parsed.typeHints)}) then 1.5 else 0 end`
      : sql`0`;
    const score = sql`(ts_rank_cd(${WEIGHTS}::float4[], ${t.tokens}, ${tsq})
      + 0.6 * similarity(${t.title}, ${text})
      + case when lower(${t.title}) = any(${textArray(parsed.names)}) then 1 else 0 end
      + ${hints})`;
    const items = await rows<{
      type: SearchEntityType;
      id: string;
      title: string;
      subtitle: string | null;
      organisation_id: string | null;
      score: number;
    }>(
      q,
      sql`
      select ${t.entityType} as type, ${t.entityId} as id, ${t.title} as title, ${t.subtitle} as subtitle,
        ${t.organisationId} as organisation_id, ${score}::float8 as score
      from ${t}
      where ${and(match, vis, typeFilter)}
      order by score desc, ${TYPE_ORDER}, ${t.title}, ${t.entityId}
      limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`,
    );
    return {
      ...answer,
      total,
      fuzzy,
      items: items.map((i) => ({
        type: i.type,
        id: i.id,
        title: i.title,
        subtitle: i.subtitle,
        organisationId: i.organisation_id,
        score: Math.round(Number(i.score) * 10000) / 10000,
      })),
    };
  };

  const all = sql`${parsed.all}::tsquery`;
  const strict = sql`${t.tokens} @@ ${all}`;
  const strictCounts = await count(db, strict);
  if (selected(strictCounts) >= FUZZY_BELOW) return page(db, strict, all, strictCounts, false);

  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(trigramThreshold(text))}, true)`);
    // A union rather than OR: each branch keeps its index (an OR of GIN conditions ends in a sequential scan).
    const widened = sql`(${t.entityType}, ${t.entityId}) in (
      select ${t.entityType}, ${t.entityId} from ${t} where ${t.tokens} @@ ${parsed.anyDistinctive}::tsquery
      union all select ${t.entityType}, ${t.entityId} from ${t} where ${t.title} % ${text}
      union all select ${t.entityType}, ${t.entityId} from ${t} where ${text} <% ${t.title})`;
    return page(tx, widened, sql`${parsed.any}::tsquery`, await count(tx, widened), true);
  });
}
