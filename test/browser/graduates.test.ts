import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The graduates pages (毕业去向) in Chromium on the tiny demo city: the school's list opens its form, the employer
 * confirms a graduate, the graduate sees his or her own destination, and the bureau's figures open their masked
 * graduates — each at 375 px and 1920 px (nothing cut off, no script error; screenshots in test-results/).
 */
describe('graduates pages', () => {
  const app = demoBrowser('graduates');

  for (const vp of VIEWPORTS) {
    test(`the school's graduates and the destination form [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/graduates`);
          await page.locator('[data-testid="graduate-row"]').first().waitFor();
          await page.locator('[data-testid="destination-edit"]').first().click();
          await page.locator('[data-testid="destination-form"]').waitFor();
          return 'graduates-school';
        },
        'school1',
      ));

    test(`the employer confirms its graduates [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/graduates/confirmations`);
          const rows = page.locator('[data-testid="confirmation-row"]');
          await rows.first().waitFor();
          const before = await rows.count();
          await page.locator('[data-testid="confirm-yes"]').first().click();
          await page.waitForFunction((n) => document.querySelectorAll('[data-testid="confirmation-row"]').length === n - 1, before);
          return 'graduates-confirm';
        },
        'enterprise1',
      ));

    test(`the graduate's own destination [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/graduates/mine`);
          await page.locator('[data-testid="destination-correct"]').first().waitFor();
          return 'graduates-mine';
        },
        'graduate1',
      ));

    test(`留郑率 and 中职升学率 with their graduates [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/graduates/figures`);
          await page.locator('[data-testid="figures-row"]').first().waitFor();
          const figure = await page.locator('[data-testid="figure-retention"] .ant-statistic-content').innerText();
          assert.match(figure, /\d+(\.\d)?\s*%/);
          await page.locator('[data-testid="figure-retention"]').click();
          const first = page.locator('.ant-modal [data-testid="figures-drill-row"]').first();
          await first.waitFor();
          assert.match(await first.innerText(), /\*/, 'names masked');
          await page.keyboard.press('Escape');
          await page.locator('.ant-modal').waitFor({ state: 'hidden' });
          return 'graduates-figures';
        },
        'admin',
      ));
  }
});
