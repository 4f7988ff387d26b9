/**
 * The surcharge credit of a 产教融合型企业 (财税〔2019〕46号; issue 14 item 4): in each year it is certified, the
 * policy's share (30%) of the qualifying investment it declared is credited against that year's 教育费附加 and
 * 地方教育附加; what the year's surcharges cannot absorb carries forward to later years. Pure: the enterprise's
 * declarations and certified periods in, one line a year out, amounts in yuan to the fen.
 */

/** The part of a case that says when the enterprise was certified. */
export interface CertifiedPeriod {
  stage: string;
  certifiedOn: string | null;
  validUntil: string | null;
  revokedOn: string | null;
}

/** One year's declared facts (null: not declared). */
export interface CreditFacts {
  year: number;
  investmentYuan: number | null;
  surchargesYuan: number | null;
}

export interface CreditLine {
  year: number;
  /** Certified on some day of the year: only then does the year's investment earn a credit. */
  certified: boolean;
  investmentYuan: number | null;
  creditYuan: number;
  carriedInYuan: number;
  surchargesYuan: number | null;
  usedYuan: number;
  carriedOutYuan: number;
}

const fen = (yuan: number) => Math.round(yuan * 100) / 100;

/**
 * Whether the enterprise held a certification on some day of `year`: from the day it was confirmed to the end of
 * its validity, or to its revocation. A case in its objection period, or refused, never was.
 */
export function certifiedIn(periods: readonly CertifiedPeriod[], year: number): boolean {
  return periods.some((p) => {
    if (!p.certifiedOn || !['certified', 'expired', 'revoked'].includes(p.stage)) return false;
    const end = p.revokedOn ?? p.validUntil;
    return p.certifiedOn <= `${year}-12-31` && (end === null || end >= `${year}-01-01`);
  });
}

/**
 * The ledger from the first certified year through `throughYear`: each year's credit, what is carried in, used
 * against the year's surcharges and carried out. Years before the first certification earn and carry nothing.
 */
export function surchargeCredits(
  periods: readonly CertifiedPeriod[],
  facts: readonly CreditFacts[],
  throughYear: number,
  ratePct: number,
): CreditLine[] {
  const first = periods
    .filter((p) => p.certifiedOn && ['certified', 'expired', 'revoked'].includes(p.stage))
    .map((p) => Number(p.certifiedOn!.slice(0, 4)))
    .sort((a, b) => a - b)[0];
  if (first === undefined) return [];
  const byYear = new Map(facts.map((f) => [f.year, f]));
  const lines: CreditLine[] = [];
  let carried = 0;
  for (let year = first; year <= throughYear; year++) {
    const f = byYear.get(year);
    const certified = certifiedIn(periods, year);
    const investmentYuan = f?.investmentYuan ?? null;
    const surchargesYuan = f?.surchargesYuan ?? null;
    const creditYuan = certified && investmentYuan ? fen((investmentYuan * ratePct) / 100) : 0;
    const available = fen(carried + creditYuan);
    const usedYuan = Math.min(available, surchargesYuan ?? 0);
    lines.push({
      year,
      certified,
      investmentYuan,
      creditYuan,
      carriedInYuan: carried,
      surchargesYuan,
      usedYuan,
      carriedOutYuan: fen(available - usedYuan),
    });
    carried = fen(available - usedYuan);
  }
  return lines;
}
