import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { District, ScoreContext } from '../../core/matching/score.ts';
import { majorCatalogue, type MajorEntry } from '../../core/matching/majors.ts';
import { matchingPolicy } from '../../policy/index.ts';
import { csvRecords, readText, repoRoot } from '../catalogues/index.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import { clusterMajors, industryClusters, majors, organisations } from '../platform/db/schema/index.ts';

/** The district seats of server/catalogues/data/zhengzhou-district-seats.csv (see the README there), by name. */
const SEATS_FILE = path.join(repoRoot, 'server/catalogues/data/zhengzhou-district-seats.csv');
let seats: Map<string, { lon: number; lat: number }> | null = null;
function seatsByName() {
  if (!seats) {
    seats = new Map(
      csvRecords(readText(SEATS_FILE), ['name', 'lon', 'lat']).map((r) => [
        r.get('name'),
        { lon: Number(r.get('lon')), lat: Number(r.get('lat')) },
      ]),
    );
  }
  return seats;
}

/**
 * What scoring needs from the register: the major catalogue (every edition; a code keeps its place in the
 * hierarchy), the cluster ↔ major mapping, cluster names and the district points. Small tables, read per call,
 * so an edit of the mapping counts at once.
 */
export async function loadScoreContext(db: Db | Tx): Promise<ScoreContext> {
  const [majorRows, links, clusters, districtRows] = await Promise.all([
    db
      .selectDistinctOn([majors.code], {
        code: majors.code,
        name: majors.name,
        categoryCode: majors.categoryCode,
        categoryName: majors.categoryName,
        divisionCode: majors.divisionCode,
        divisionName: majors.divisionName,
      })
      .from(majors)
      .orderBy(majors.code),
    db.select({ clusterCode: clusterMajors.clusterCode, majorCode: clusterMajors.majorCode }).from(clusterMajors),
    db.select({ code: industryClusters.code, name: industryClusters.name }).from(industryClusters),
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'district')),
  ]);
  const points = seatsByName();
  const districts = new Map<string, District>();
  for (const d of districtRows) {
    const p = points.get(d.name);
    if (p) districts.set(d.id, { name: d.name, ...p });
  }
  return {
    policy: matchingPolicy,
    catalogue: majorCatalogue(majorRows as MajorEntry[], links, new Map(clusters.map((c) => [c.code, c.name]))),
    districts,
  };
}
