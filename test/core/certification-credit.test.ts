import assert from 'node:assert/strict';
import { test } from 'node:test';
import { certifiedIn, surchargeCredits, type CertifiedPeriod } from '../../core/certification/surcharge-credit.ts';
import { certificationPolicy } from '../../policy/index.ts';

/** The 30% surcharge credit of a 产教融合型企业 (财税〔2019〕46号) with carry-forward, from declared figures. */
const period = (over: Partial<CertifiedPeriod> = {}): CertifiedPeriod => ({
  stage: 'certified',
  certifiedOn: '2023-05-10',
  validUntil: '2026-05-10',
  revokedOn: null,
  ...over,
});

test('the policy file gives the rate with its source', () => {
  assert.equal(certificationPolicy.surchargeCredit.ratePct, 30);
  assert.match(certificationPolicy.surchargeCredit.source.document, /财税〔2019〕46号/);
});

test('certified years: from confirmation to the end of validity or revocation; never in notice or refused', () => {
  const p = [period()];
  assert.deepEqual(
    [2022, 2023, 2026, 2027].map((y) => certifiedIn(p, y)),
    [false, true, true, false],
  );
  assert.equal(certifiedIn([period({ stage: 'revoked', revokedOn: '2024-03-01' })], 2025), false);
  assert.equal(certifiedIn([period({ stage: 'revoked', revokedOn: '2024-03-01' })], 2024), true);
  assert.equal(certifiedIn([period({ stage: 'publicNotice', validUntil: null })], 2023), false);
  assert.equal(certifiedIn([period({ stage: 'rejected' })], 2023), false);
});

test('30% of each certified year’s investment against that year’s surcharges; the rest carries forward; nothing outside certification', () => {
  const lines = surchargeCredits(
    [period()],
    [
      { year: 2022, investmentYuan: 9_000_000, surchargesYuan: 500_000 },
      { year: 2023, investmentYuan: 2_000_000, surchargesYuan: 250_000 },
      { year: 2024, investmentYuan: null, surchargesYuan: 300_000 },
      { year: 2025, investmentYuan: 333_333, surchargesYuan: null },
      { year: 2027, investmentYuan: 1_000_000, surchargesYuan: 100_000 },
    ],
    2027,
    30,
  );
  assert.deepEqual(
    lines.map((l) => [l.year, l.certified, l.creditYuan, l.carriedInYuan, l.usedYuan, l.carriedOutYuan]),
    [
      // 2022 is before certification: not in the ledger at all.
      [2023, true, 600_000, 0, 250_000, 350_000],
      [2024, true, 0, 350_000, 300_000, 50_000],
      [2025, true, 99_999.9, 50_000, 0, 149_999.9],
      [2026, true, 0, 149_999.9, 0, 149_999.9],
      // Lapsed: the year's investment earns nothing, the amount carried forward is still set against its surcharges.
      [2027, false, 0, 149_999.9, 100_000, 49_999.9],
    ],
  );
  assert.deepEqual(surchargeCredits([period({ stage: 'rejected' })], [], 2027, 30), [], 'never certified: no ledger');
});
