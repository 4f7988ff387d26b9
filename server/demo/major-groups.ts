import type { ClusterDef } from '../catalogues/index.ts';
import { DEMO_CLUSTER_MAJORS } from './cluster-majors.ts';
import { DEMO_KEY_MAJORS, atScale } from './progress.ts';
import type { Rng } from './prng.ts';
import type { DemoMajorGroup, DemoProgram, RefMajor, ScaleParams } from './types.ts';

/** At most this many 专业群 per school: schools build a few groups around their strongest programs. */
const MAX_GROUPS_PER_SCHOOL = 3;

/**
 * 专业群 (二 (一) 3): per school, its programs whose majors feed one cluster (the demo cluster ↔ major mapping),
 * each program in one group, a group of at least two programs, named after its core program (the largest):
 * 「电子商务专业群」. The bureau's 产教融合型重点专业（群） designation goes to the number progress.ts sets,
 * drawn among the groups.
 */
export function generateMajorGroups(
  rng: Rng,
  scale: ScaleParams,
  input: { programs: readonly DemoProgram[]; majors: readonly RefMajor[]; clusters: readonly ClusterDef[] },
): DemoMajorGroup[] {
  const majorName = new Map(input.majors.map((m) => [m.code, m.name]));
  const known = new Set(input.clusters.map((c) => c.code));
  const bySchool = new Map<number, DemoProgram[]>();
  for (const p of input.programs) bySchool.set(p.schoolIndex, [...(bySchool.get(p.schoolIndex) ?? []), p]);
  const groups: DemoMajorGroup[] = [];
  for (const [schoolIndex, programs] of bySchool) {
    const taken = new Set<number>();
    let made = 0;
    for (const cluster of rng.shuffle(Object.keys(DEMO_CLUSTER_MAJORS).filter((c) => known.has(c)))) {
      if (made === MAX_GROUPS_PER_SCHOOL) break;
      const members = programs.filter((p) => !taken.has(p.index) && DEMO_CLUSTER_MAJORS[cluster]!.includes(p.majorCode));
      if (members.length < 2) continue;
      const core = members.reduce((a, b) => (b.enrolment > a.enrolment ? b : a));
      for (const p of members) taken.add(p.index);
      groups.push({
        index: groups.length,
        schoolIndex,
        name: `${majorName.get(core.majorCode) ?? core.majorCode}专业群`,
        clusterCode: cluster,
        keyMajor: false,
        programIndexes: members.map((p) => p.index),
      });
      made++;
    }
  }
  // Never every group: the bureau designates the best of them (at most nine in ten).
  for (const g of rng.sample(groups, Math.min(Math.round(groups.length * 0.9), atScale(DEMO_KEY_MAJORS, scale)))) g.keyMajor = true;
  return groups;
}
