import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The quality evaluation's pages in Chromium on the tiny demo city: the bureau's ranking by dimension with its chart,
 * a school's result (drill-down), the school's own monitoring, result and collected indicators, and the third-party
 * evaluator's commissions and review form — each at 375 px and 1920 px (nothing cut off, no script error;
 * screenshots in test-results/).
 */
describe('quality pages', () => {
  const app = demoBrowser('quality');

  for (const vp of VIEWPORTS) {
    test(`the bureau's ranking by dimension, drilling into a school [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality`);
          await page.locator('[data-testid="quality-ranking-row"]').first().waitFor();
          assert.ok(await page.getByTestId('quality-evaluate').isVisible());
          await page.locator('[data-testid="quality-ranking-row"]').first().click();
          await page.locator('[data-testid="quality-school-result"]').waitFor();
          await page.locator('[data-testid="quality-indicator-row"]').first().waitFor();
          return 'quality-bureau';
        },
        'admin',
      ));

    test(`a school sees what is slipping, its result and rank, and enters its collected indicators [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality/mine`);
          await page.locator('[data-testid="quality-monitoring-row"]').first().waitFor();
          await page.getByRole('tab', { name: '评价结果与排名' }).click();
          await page.locator('[data-testid="quality-total"]').waitFor();
          await page.getByRole('tab', { name: '填报指标' }).click();
          await page.getByText('企业投入办学资金（万元）').waitFor();
          return 'quality-school';
        },
        'school1',
      ));

    test(`the evaluator's commissions and review of a commissioned school [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality/commissions`);
          await page.locator('[data-testid="quality-commission-row"]').first().waitFor();
          await page.locator('[data-testid="quality-commission-row"] a').first().click();
          await page.locator('[data-testid="quality-finding-form"]').waitFor();
          return 'quality-evaluator';
        },
        'evaluator1',
      ));
  }
});
