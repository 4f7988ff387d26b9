import { sql, type SQL } from 'drizzle-orm';
import type { TextField } from '../../core/search/tokenize.ts';
import { CERTIFIED_STATUSES, ENTERPRISE_SIZE_LABELS, INTEGRATION_STATUS_LABELS } from '../../contracts/enterprises.ts';
import { SCHOOL_LEVEL_LABELS } from '../../contracts/registry.ts';
import type { SearchEntityType } from '../../contracts/search.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_LEVEL_LABELS,
  CARRIER_STATUS_LABELS,
  PUBLIC_CARRIER_STATUSES,
  type CarrierKind,
  type CarrierLevel,
  type CarrierStatus,
} from '../../core/registry/carrier-kinds.ts';
import { LEVEL_LABELS as MAJOR_LEVEL_LABELS } from '../catalogues/index.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';

/**
 * What each kind of record contributes to the search index: its title and subtitle as shown in results, its
 * text fields by weight (A names, B owner and codes, C description, D location), where it sits for the
 * scope filter, and whether anonymous visitors may find it. No personal information enters the index.
 *
 * A source reads from the register in bulk (a full reindex) or for a few ids (after a write); archived
 * records produce no document, so reindexing them removes them from the index.
 */
export interface SearchDocumentInput {
  entityType: SearchEntityType;
  entityId: string;
  title: string;
  subtitle: string | null;
  fields: TextField[];
  districtId: string | null;
  organisationId: string | null;
  isPublic: boolean;
}

/** Which records of a type to read: all of them, some ids, or those belonging to some schools / majors. */
export type SourceFilter =
  | { all: true }
  | { ids: readonly string[] }
  | { schoolIds: readonly string[] }
  | { majorIds: readonly string[] }
  | { leadIds: readonly string[] };

const CITY = '郑州市';
const joinParts = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ') || null;
/** `= any($1::uuid[])`: one parameter however many ids (imports reindex thousands at a time). */
const anyId = (ids: readonly string[]) => sql`any(${sql.param([...ids])}::uuid[])`;
/** Where a record is, right after its name: cover density then favours 「登封 武术」 for a 登封 martial-arts school. */
const location = (district: string | null): TextField[] => [
  { text: CITY, weight: 'D' },
  { text: district, weight: 'D' },
];

const OWNERSHIP_LABELS = { public: '公办', private: '民办' } as const;
const CERTIFIED: ReadonlySet<string> = new Set(CERTIFIED_STATUSES);

export interface Source {
  /** Documents for the filter's records that should be in the index. */
  load(db: Db | Tx, filter: SourceFilter): Promise<SearchDocumentInput[]>;
  /** Ids of every record the filter names, indexable or not (to remove the ones that no longer are). */
  ids(db: Db | Tx, filter: SourceFilter): Promise<string[]>;
}

function unsupported(type: string, filter: SourceFilter): never {
  throw new Error(`search source ${type} cannot filter by ${Object.keys(filter).join(',')}`);
}

const schools: Source = {
  async load(db, filter) {
    const where = 'all' in filter ? sql`true` : 'ids' in filter ? sql`o.id = ${anyId(filter.ids)}` : unsupported('school', filter);
    const list = await rows<{
      id: string;
      name: string;
      code: string;
      status: string;
      district_id: string | null;
      district_name: string | null;
      level: keyof typeof SCHOOL_LEVEL_LABELS;
      ownership: keyof typeof OWNERSHIP_LABELS;
      enterprise_run: boolean;
      majors: string | null;
    }>(
      db,
      sql`
      select o.id, o.name, o.code, o.status, o.district_id, d.name as district_name, s.level, s.ownership, s.enterprise_run,
        (select string_agg(distinct m.name, ' ') from programs p join majors m on m.id = p.major_id
          where p.school_id = o.id and p.status = 'active') as majors
      from organisations o
      join schools s on s.organisation_id = o.id
      left join organisations d on d.id = o.district_id
      where o.status <> 'archived' and ${where}`,
    );
    return list.map((r) => ({
      entityType: 'school',
      entityId: r.id,
      title: r.name,
      subtitle: joinParts(SCHOOL_LEVEL_LABELS[r.level], OWNERSHIP_LABELS[r.ownership], r.district_name),
      fields: [
        { text: r.name, weight: 'A' },
        ...location(r.district_name),
        { text: r.code, weight: 'B' },
        { text: `${SCHOOL_LEVEL_LABELS[r.level]} ${OWNERSHIP_LABELS[r.ownership]}${r.enterprise_run ? ' 企业办学' : ''}`, weight: 'C' },
        { text: r.majors, weight: 'C' },
      ],
      districtId: r.district_id,
      organisationId: r.id,
      isPublic: r.status === 'active',
    }));
  },
  async ids(db, filter) {
    if ('all' in filter) return (await rows<{ id: string }>(db, sql`select organisation_id as id from schools`)).map((r) => r.id);
    if ('ids' in filter) return [...filter.ids];
    return unsupported('school', filter);
  },
};

function programWhere(filter: SourceFilter): SQL {
  if ('all' in filter) return sql`true`;
  if ('ids' in filter) return sql`p.id = ${anyId(filter.ids)}`;
  if ('schoolIds' in filter) return sql`p.school_id = ${anyId(filter.schoolIds)}`;
  if ('majorIds' in filter) return sql`p.major_id = ${anyId(filter.majorIds)}`;
  return unsupported('program', filter);
}

const programs: Source = {
  async load(db, filter) {
    const list = await rows<{
      id: string;
      school_id: string;
      school_name: string;
      school_status: string;
      district_id: string | null;
      district_name: string | null;
      major_name: string;
      major_code: string;
      major_level: keyof typeof MAJOR_LEVEL_LABELS;
      category_name: string;
      division_name: string;
    }>(
      db,
      sql`
      select p.id, p.school_id, o.name as school_name, o.status as school_status, o.district_id, d.name as district_name,
        m.name as major_name, m.code as major_code, m.level as major_level, m.category_name, m.division_name
      from programs p
      join organisations o on o.id = p.school_id
      join majors m on m.id = p.major_id
      left join organisations d on d.id = o.district_id
      where p.status = 'active' and o.status <> 'archived' and ${programWhere(filter)}`,
    );
    return list.map((r) => ({
      entityType: 'program',
      entityId: r.id,
      title: r.major_name,
      subtitle: r.school_name,
      fields: [
        { text: r.major_name, weight: 'A' },
        { text: r.school_name, weight: 'B' },
        ...location(r.district_name),
        { text: r.major_code, weight: 'B' },
        { text: `${r.category_name} ${r.division_name} ${MAJOR_LEVEL_LABELS[r.major_level] ?? ''}`, weight: 'C' },
      ],
      districtId: r.district_id,
      organisationId: r.school_id,
      isPublic: r.school_status === 'active',
    }));
  },
  async ids(db, filter) {
    return (await rows<{ id: string }>(db, sql`select p.id from programs p where ${programWhere(filter)}`)).map((r) => r.id);
  },
};

/**
 * Catalogue majors: one document per (level, code) — when several editions are loaded, a full edition wins
 * over the demo subset and a later load over an earlier one. Always reindexed as a whole (a few thousand rows).
 */
const majors: Source = {
  async load(db, filter) {
    if (!('all' in filter)) return unsupported('major', filter);
    const list = await rows<{
      id: string;
      name: string;
      code: string;
      level: keyof typeof MAJOR_LEVEL_LABELS;
      category_name: string;
      division_name: string;
      edition: string;
    }>(
      db,
      sql`
      select distinct on (m.level, m.code) m.id, m.name, m.code, m.level, m.category_name, m.division_name, e.edition
      from majors m join catalogue_editions e on e.id = m.edition_id
      order by m.level, m.code, e.is_demo_subset, e.loaded_at desc`,
    );
    return list.map((r) => ({
      entityType: 'major',
      entityId: r.id,
      title: r.name,
      subtitle: joinParts(MAJOR_LEVEL_LABELS[r.level], r.category_name, r.code),
      fields: [
        { text: r.name, weight: 'A' },
        { text: `${r.code} ${r.category_name}`, weight: 'B' },
        { text: r.division_name, weight: 'C' },
        { text: MAJOR_LEVEL_LABELS[r.level], weight: 'D' },
      ],
      districtId: null,
      organisationId: null,
      isPublic: true,
    }));
  },
  async ids(db, filter) {
    if (!('all' in filter)) return unsupported('major', filter);
    return (await rows<{ id: string }>(db, sql`select id from majors`)).map((r) => r.id);
  },
};

const enterprises: Source = {
  async load(db, filter) {
    const where = 'all' in filter ? sql`true` : 'ids' in filter ? sql`o.id = ${anyId(filter.ids)}` : unsupported('enterprise', filter);
    const list = await rows<{
      id: string;
      name: string;
      code: string;
      status: string;
      district_id: string | null;
      district_name: string | null;
      size: keyof typeof ENTERPRISE_SIZE_LABELS;
      integration_status: keyof typeof INTEGRATION_STATUS_LABELS;
      cluster_name: string | null;
      industry_name: string | null;
      industry_group: string | null;
    }>(
      db,
      sql`
      with ind as (select distinct on (code) code, name, parent_code from industries order by code, name)
      select o.id, o.name, o.code, o.status, o.district_id, d.name as district_name, e.size, e.integration_status,
        c.name as cluster_name, i.name as industry_name, g.name as industry_group
      from organisations o
      join enterprises e on e.organisation_id = o.id
      left join organisations d on d.id = o.district_id
      left join industry_clusters c on c.code = e.cluster_code
      left join ind i on i.code = e.industry_code
      left join ind g on g.code = i.parent_code
      where o.status <> 'archived' and ${where}`,
    );
    return list.map((r) => {
      const certified = CERTIFIED.has(r.integration_status);
      const stage = INTEGRATION_STATUS_LABELS[r.integration_status];
      // 市级产教融合型企业 … as it reads; the earlier stages as 产教融合型企业培育储备库 / 已申报.
      const integration = certified ? stage : r.integration_status === 'none' ? null : `产教融合型企业${stage}`;
      return {
        entityType: 'enterprise' as const,
        entityId: r.id,
        title: r.name,
        subtitle: joinParts(r.industry_name, r.district_name, certified && integration),
        fields: [
          { text: r.name, weight: 'A' },
          ...location(r.district_name),
          { text: r.code, weight: 'B' },
          // Certification is what the public directory is about: it weighs like a code; the earlier stages little.
          { text: certified ? integration : null, weight: 'B' },
          { text: `${r.industry_name ?? ''} ${r.cluster_name ?? ''}`, weight: 'C' },
          {
            text: `${r.industry_group ?? ''} ${ENTERPRISE_SIZE_LABELS[r.size] ?? ''}企业 ${certified ? '' : (integration ?? '')}`,
            weight: 'D',
          },
        ],
        districtId: r.district_id,
        organisationId: r.id,
        isPublic: r.status === 'active' && certified,
      };
    });
  },
  async ids(db, filter) {
    if ('all' in filter) return (await rows<{ id: string }>(db, sql`select organisation_id as id from enterprises`)).map((r) => r.id);
    if ('ids' in filter) return [...filter.ids];
    return unsupported('enterprise', filter);
  },
};

function carrierWhere(filter: SourceFilter): SQL {
  if ('all' in filter) return sql`true`;
  if ('ids' in filter) return sql`c.id = ${anyId(filter.ids)}`;
  if ('leadIds' in filter) return sql`c.lead_organisation_id = ${anyId(filter.leadIds)}`;
  return unsupported('carrier', filter);
}

/**
 * The plan's carriers. Found by their name, kind, level, lead and partners; public once operating or
 * certified. Scope follows the lead organisation and the carrier's district (partners find the public ones).
 */
const carriers: Source = {
  async load(db, filter) {
    const list = await rows<{
      id: string;
      name: string;
      kind: CarrierKind;
      level: CarrierLevel;
      status: CarrierStatus;
      country: string | null;
      district_id: string | null;
      district_name: string | null;
      lead_id: string;
      lead_name: string;
      lead_status: string;
      cluster_name: string | null;
      certifying_body: string | null;
      partners: string | null;
    }>(
      db,
      sql`
      select c.id, c.name, c.kind, c.level, c.status, c.country, coalesce(c.district_id, l.district_id) as district_id,
        d.name as district_name, l.id as lead_id, l.name as lead_name, l.status as lead_status, k.name as cluster_name,
        c.certifying_body,
        (select string_agg(o.name, ' ') from carrier_partners cp join organisations o on o.id = cp.organisation_id
          where cp.carrier_id = c.id) as partners
      from carriers c
      join organisations l on l.id = c.lead_organisation_id
      left join organisations d on d.id = coalesce(c.district_id, l.district_id)
      left join industry_clusters k on k.code = c.cluster_code
      where c.archived_at is null and ${carrierWhere(filter)}`,
    );
    return list.map((r) => ({
      entityType: 'carrier' as const,
      entityId: r.id,
      title: r.name,
      subtitle: joinParts(CARRIER_KIND_LABELS[r.kind], CARRIER_LEVEL_LABELS[r.level], r.lead_name),
      fields: [
        { text: r.name, weight: 'A' },
        ...location(r.district_name),
        { text: r.lead_name, weight: 'B' },
        {
          text: `${CARRIER_KIND_LABELS[r.kind] ?? ''} ${CARRIER_LEVEL_LABELS[r.level] ?? ''} ${r.cluster_name ?? ''} ${r.country ?? ''}`,
          weight: 'C',
        },
        { text: `${CARRIER_STATUS_LABELS[r.status] ?? ''} ${r.certifying_body ?? ''} ${r.partners ?? ''}`, weight: 'D' },
      ],
      districtId: r.district_id,
      organisationId: r.lead_id,
      isPublic: (PUBLIC_CARRIER_STATUSES as readonly string[]).includes(r.status) && r.lead_status !== 'archived',
    }));
  },
  async ids(db, filter) {
    return (await rows<{ id: string }>(db, sql`select c.id from carriers c where ${carrierWhere(filter)}`)).map((r) => r.id);
  },
};

/** The sources, in the order a full reindex runs them. */
export const SOURCES: Partial<Record<SearchEntityType, Source>> = {
  major: majors,
  school: schools,
  program: programs,
  enterprise: enterprises,
  carrier: carriers,
};
