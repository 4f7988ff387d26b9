import type { Db } from '../platform/db/engine.ts';
import { indicatorPublications } from '../platform/db/schema/index.ts';

/**
 * What the demo bureau has chosen to publish at /statistics: the figures a citizen would look for (certified
 * enterprises and bases, key majors, the dual-qualified and practice-teaching shares). A real bureau decides
 * this on the indicators page; the demo only starts from a sensible choice so the public page is not empty.
 */
const DEMO_PUBLISHED = [
  'integration_enterprises',
  'training_bases',
  'industry_colleges',
  'key_majors',
  'dual_qualified_share',
  'practice_teaching_share',
  'graduate_retention_rate',
  'secondary_progression_rate',
];

export async function publishDemoIndicators(db: Db): Promise<number> {
  await db
    .insert(indicatorPublications)
    .values(DEMO_PUBLISHED.map((code) => ({ code, published: true })))
    .onConflictDoNothing();
  return DEMO_PUBLISHED.length;
}
