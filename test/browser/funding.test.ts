import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The funding pages (生均财政拨款) in Chromium on the tiny demo city: the bureau's list with standing, the school's
 * own declaration form, and the 市财政局's 普高 figure — each at 375 px and 1920 px (nothing cut off, no script
 * error; screenshots in test-results/).
 */
describe('funding pages', () => {
  const app = demoBrowser('funding');

  for (const vp of VIEWPORTS) {
    test(`the bureau's list of declarations with their standing [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/funding`);
          await page.locator('[data-testid="funding-row"]').first().waitFor();
          assert.ok(await page.getByText('公办高职：生均不低于').isVisible());
          return 'funding-bureau';
        },
        'admin',
      ));

    test(`a school declares its year [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/funding/mine`);
          await page.locator('[data-testid="funding-form"]').waitFor();
          return 'funding-school';
        },
        'school2',
      ));

    test(`the 财政局 enters the 普高 figure [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/funding/high-school`);
          await page.locator('[data-testid="high-school-form"]').waitFor();
          await page.locator('[data-testid="high-school-row"]').first().waitFor();
          return 'funding-finance';
        },
        'dept_finance',
      ));
  }
});
