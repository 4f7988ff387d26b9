import type { MajorFitLevel } from './policy.ts';

/**
 * The major catalogue's hierarchy (专业 6 digits ⊂ 专业类 4 ⊂ 专业大类 2) and the cluster ↔ major mapping,
 * as a look-up for major fit. Codes are catalogue codes without edition, as the cluster mapping keeps them.
 */
export interface MajorEntry {
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  divisionCode: string;
  divisionName: string;
}

export interface MajorCatalogue {
  major(code: string): MajorEntry | undefined;
  /** Clusters a major feeds (二 (一) 3 mapping). */
  clustersOf(code: string): ReadonlySet<string>;
  clusterNames: ReadonlyMap<string, string>;
}

const NONE: ReadonlySet<string> = new Set();

export function majorCatalogue(
  entries: readonly MajorEntry[],
  links: readonly { clusterCode: string; majorCode: string }[],
  clusterNames: ReadonlyMap<string, string> = new Map(),
): MajorCatalogue {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const clusters = new Map<string, Set<string>>();
  for (const l of links) {
    let s = clusters.get(l.majorCode);
    if (!s) clusters.set(l.majorCode, (s = new Set()));
    s.add(l.clusterCode);
  }
  return { major: (c) => byCode.get(c), clustersOf: (c) => clusters.get(c) ?? NONE, clusterNames };
}

export interface MajorFit {
  level: MajorFitLevel;
  /** The wanted major that gave the level (absent for open and none). */
  matched?: string;
  reason: string;
}

const RANK: Record<MajorFitLevel, number> = { same: 5, category: 4, division: 3, cluster: 2, open: 1, none: 0 };

export const fitAtLeast = (level: MajorFitLevel, min: MajorFitLevel) => RANK[level] >= RANK[min];

/**
 * How well a student's major meets the majors an opportunity wants: the same major, the same 专业类, the same
 * 专业大类, or linked through a cluster (a wanted major, or the opportunity's own cluster, shares a cluster with
 * the student's major). The best level over all wanted majors counts.
 */
export function majorFit(
  cat: MajorCatalogue,
  studentMajor: string | null,
  wanted: readonly string[],
  opportunityCluster: string | null = null,
): MajorFit {
  if (wanted.length === 0) return { level: 'open', reason: '未限定专业' };
  if (!studentMajor) return { level: 'none', reason: '学生未登记专业' };
  const mine = cat.major(studentMajor);
  let best: MajorFit = { level: 'none', reason: '专业不对口' };
  const consider = (f: MajorFit) => {
    if (RANK[f.level] > RANK[best.level]) best = f;
  };
  const myClusters = cat.clustersOf(studentMajor);
  for (const code of wanted) {
    if (code === studentMajor) return { level: 'same', matched: code, reason: `专业完全对口（${mine?.name ?? code}）` };
    const w = cat.major(code);
    if (mine && w) {
      if (w.categoryCode === mine.categoryCode)
        consider({ level: 'category', matched: code, reason: `同属专业类 ${mine.categoryCode} ${mine.categoryName}` });
      else if (w.divisionCode === mine.divisionCode)
        consider({ level: 'division', matched: code, reason: `同属专业大类 ${mine.divisionCode} ${mine.divisionName}` });
    }
    for (const c of cat.clustersOf(code)) {
      if (myClusters.has(c)) consider({ level: 'cluster', matched: code, reason: `同属产业集群“${cat.clusterNames.get(c) ?? c}”的专业` });
    }
  }
  if (best.level === 'none' && opportunityCluster && myClusters.has(opportunityCluster)) {
    best = {
      level: 'cluster',
      reason: `所学专业面向该企业所在产业集群“${cat.clusterNames.get(opportunityCluster) ?? opportunityCluster}”`,
    };
  }
  return best;
}
