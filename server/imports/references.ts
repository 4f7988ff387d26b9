import { sql } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import {
  labelKey,
  type ImportEntity,
  type ImportRefs,
  type RefDistrict,
  type RefMajor,
  type RefNamed,
  type RefSchool,
} from '../../core/imports/index.ts';
import { graduatesPolicy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';

/** The look-ups of core/imports' ImportRefs, loaded once per import, plus schools by id for the writers. */
export interface LoadedRefs extends ImportRefs {
  schoolById(id: string): RefSchool | undefined;
}

/**
 * Loads what an entity's rules look up: a few thousand rows at most even at city scale (150 schools, the
 * ~1,400 majors of a catalogue, ~1,400 industry classes), so they are held in maps for the whole file.
 */
export async function loadRefs(db: Db, entity: ImportEntity, access: Access, today: Date): Promise<LoadedRefs> {
  const districts = await rows<RefDistrict>(db, sql`select id, name, code from organisations where kind = 'district'`);
  // Archived schools stay visible to the schools import (re-importing one is an update), not to the others.
  const schools = await rows<RefSchool>(
    db,
    sql`
    select id, code, name, district_id as "districtId" from organisations
    where kind = 'school' ${entity === 'schools' ? sql`` : sql`and status <> 'archived'`}`,
  );
  const needsMajors = entity === 'programs' || entity === 'students';
  // The newest edition that has a code wins: a code carried over into a new edition means the same major.
  const majors = needsMajors
    ? await rows<RefMajor>(
        db,
        sql`
    select distinct on (m.code) m.id, m.code, m.name from majors m join catalogue_editions e on e.id = m.edition_id
    order by m.code, e.loaded_at desc`,
      )
    : [];
  const programs =
    entity === 'students'
      ? await rows<{ id: string; schoolId: string; code: string }>(
          db,
          sql`
    select p.id, p.school_id as "schoolId", m.code from programs p join majors m on m.id = p.major_id where p.status = 'active'`,
        )
      : [];
  const industries =
    entity === 'enterprises' || entity === 'destinations'
      ? await rows<RefNamed>(db, sql`select distinct on (code) code, name from industries order by code`)
      : [];
  const clusters = entity === 'enterprises' ? await rows<RefNamed>(db, sql`select code, name from industry_clusters`) : [];

  const districtBy = new Map<string, RefDistrict>();
  for (const d of districts) {
    districtBy.set(labelKey(d.name), d);
    districtBy.set(labelKey(d.code), d);
  }
  const schoolByCode = new Map(schools.map((s) => [s.code, s]));
  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const majorByCode = new Map(majors.map((m) => [m.code, m]));
  const programBy = new Map(programs.map((p) => [`${p.schoolId}/${p.code}`, { id: p.id }]));
  const industryBy = new Map(industries.map((i) => [i.code, i]));
  const clusterBy = new Map<string, RefNamed>();
  for (const c of clusters) {
    clusterBy.set(labelKey(c.name), c);
    clusterBy.set(labelKey(c.code), c);
  }
  const categoryBy = new Map<string, RefNamed>();
  for (const c of graduatesPolicy.categories) {
    categoryBy.set(labelKey(c.code), c);
    categoryBy.set(labelKey(c.name), c);
  }
  const studyLevelBy = new Map<string, string>();
  for (const l of graduatesPolicy.studyLevels) {
    studyLevelBy.set(labelKey(l.code), l.code);
    studyLevelBy.set(labelKey(l.name), l.code);
    studyLevelBy.set(labelKey(l.name.replace(/（.*）/, '')), l.code);
  }
  return {
    access,
    today,
    district: (t) => districtBy.get(labelKey(t)),
    school: (code) => schoolByCode.get(code.trim()),
    schoolById: (id) => schoolById.get(id),
    major: (code) => majorByCode.get(code),
    program: (schoolId, code) => programBy.get(`${schoolId}/${code}`),
    industry: (code) => industryBy.get(labelKey(code).toUpperCase()),
    cluster: (t) => clusterBy.get(labelKey(t)),
    destinationCategory: (t) => categoryBy.get(labelKey(t)),
    studyLevel: (t) => studyLevelBy.get(labelKey(t)),
  };
}
