import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * 国际交流与合作 in Chromium on the tiny demo city: the bureau's list with records awaiting it and a record's drawer
 * with its evidence and the verify button; the school's list with its 登记 form — each at 375 px and 1920 px
 * (nothing cut off, no script error; screenshots in test-results/).
 */
describe('international pages', () => {
  const app = demoBrowser('international');

  for (const vp of VIEWPORTS) {
    test(`the bureau opens a record awaiting verification [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/international`);
          await page.locator('[data-testid="international-row"]').first().waitFor();
          assert.ok(await page.getByText('待核验').first().isVisible());
          await page.locator('[data-testid="international-row"]').first().click();
          await page.locator('[data-testid="international-evidence"]').waitFor();
          await page.locator('[data-testid="international-verify"]').waitFor();
          return 'international-bureau';
        },
        'admin',
      ));

    test(`a school lists its records and opens the form [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/international`);
          await page.locator('[data-testid="international-row"]').first().waitFor();
          await page.locator('[data-testid="international-add"]').click();
          await page.locator('[data-testid="international-form"]').waitFor();
          assert.ok(await page.getByText('交流方向').isVisible());
          return 'international-school';
        },
        'school1',
      ));
  }
});
