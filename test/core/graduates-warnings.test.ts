import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeWarnings, type MajorOutcome } from '../../core/graduates/index.ts';

const t = { minRetentionShare: 0.3, minPlacementShare: 0.85, minGraduates: 5 };
const major = (key: string, graduates: number, placed: number, retained: number, counted: number): MajorOutcome => ({
  key,
  name: `专业${key}`,
  graduates,
  placed,
  retention: { numerator: retained, denominator: counted },
});

test('a major below the placement or the retention share is warned, with its shares', () => {
  const out = outcomeWarnings(
    [major('A', 20, 19, 10, 19), major('B', 20, 15, 10, 15), major('C', 10, 10, 2, 10), major('D', 10, 8, 1, 8)],
    t,
  );
  assert.deepEqual(
    out.map((w) => [w.kind, w.key, w.placement, w.retention]),
    [
      ['placement_low', 'B', 0.75, 10 / 15],
      ['placement_low', 'D', 0.8, 1 / 8],
      ['retention_low', 'D', 0.8, 1 / 8],
      ['retention_low', 'C', 1, 0.2],
    ],
  );
});

test('at the thresholds nothing is warned; a major with too few graduates is not judged', () => {
  assert.deepEqual(outcomeWarnings([major('E', 20, 17, 6, 20)], t), [], '85% placed and 30% retained meet the thresholds');
  assert.deepEqual(outcomeWarnings([major('F', 4, 0, 0, 0)], t), [], 'fewer than minGraduates');
  assert.equal(outcomeWarnings([major('G', 5, 5, 0, 0)], t).length, 0, 'no retention denominator: not judged on retention');
});
