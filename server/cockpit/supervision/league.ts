import { indicatorDefinition, indicatorGoal, progressOf } from '../../../core/indicators/index.ts';
import { validationFailed } from '../../../core/errors.ts';
import { leagueTable, timelinessOf, type DistrictRecord } from '../../../core/supervision/index.ts';
import type { League } from '../../../contracts/supervision.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { SnapshotPayload } from '../indicators/snapshot.ts';
import { latestSnapshot } from '../repository/indicators.ts';
import { loadSupervision, type SupervisionWorld } from './world.ts';

/**
 * The district league table (三 18 督导考核) under the policy file's scoring scheme: cumulative over every
 * period so far, or for one period. Districts' indicator values come from the latest snapshot.
 */
export async function buildLeague(
  db: Db,
  now: Date,
  period?: string,
  loaded?: SupervisionWorld,
  citySnapshot?: SnapshotPayload | null,
): Promise<League> {
  const world = loaded ?? (await loadSupervision(db, now));
  const scheme = currentPlan.supervision.scoring;
  const periods = period ? world.periods.filter((p) => p.key === period) : world.periods;
  if (period && !periods.length) throw validationFailed({ period: `没有期次${period}，期次如${world.periods[0]?.key ?? ''}` });
  const districts = world.orgs.filter((o) => o.kind === 'district');
  const ids = new Set(districts.map((d) => d.id));
  const tally = timelinessOf(
    world.slots.filter((s) => ids.has(s.organisationId)),
    periods,
    world.index,
    world.today,
  );
  const city = citySnapshot !== undefined ? citySnapshot : ((await latestSnapshot(db, 'city'))?.payload ?? null);
  const values = new Map((city?.districts ?? []).map((d) => [d.id, d.values]));
  const records: DistrictRecord[] = districts.map((d) => {
    const t = tally.get(d.id) ?? { dueSlots: 0, onTime: 0, scores: [] };
    return {
      districtId: d.id,
      name: d.name,
      ...t,
      indicatorProgress: scheme.indicators.map((code) => {
        const target = currentPlan.targets.find((x) => x.code === code)!;
        const def = indicatorDefinition(code);
        return progressOf(
          values.get(d.id)?.[code] ?? null,
          indicatorGoal(target, def?.method === 'computed' ? def.measuredAs : undefined).goal,
        );
      }),
    };
  });
  return {
    period: period ?? null,
    weights: scheme.weights,
    indicators: scheme.indicators,
    article: currentPlan.supervision.article,
    items: leagueTable(records, scheme),
  };
}
