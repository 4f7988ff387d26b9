import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The annual report in Chromium at 375 px and 1920 px: the bureau sees the demo's published report and its sections,
 * drafts the next year and finds it listed as a draft; anyone finds the published report on /statistics with its
 * PDF and .xlsx (screenshots in test-results/).
 */
describe('annual employment report pages', () => {
  const app = demoBrowser('employment-report');

  for (const vp of VIEWPORTS) {
    test(`the bureau reads the published report at ${vp.width}px`, async () => {
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/employment-reports`);
          await page.locator('[data-testid="report-row"]').first().waitFor();
          await page.locator('[data-testid="report-section"]').first().waitFor();
          assert.equal(await page.locator('[data-testid="report-section"]').count(), 6);
          await page.getByText('已发布').first().waitFor();
          return 'employment-reports';
        },
        'admin',
      );
    });

    test(`anyone downloads the published report from /statistics at ${vp.width}px`, async () => {
      await app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/statistics`);
        const report = page.locator('[data-testid="public-report"]').first();
        await report.waitFor();
        const pdf = await report.locator('[data-testid="report-pdf"]').getAttribute('href');
        const res = await page.request.get(`${app.url}${pdf}`);
        assert.equal(res.status(), 200);
        assert.equal(res.headers()['content-type'], 'application/pdf');
        return 'statistics-reports';
      });
    });
  }

  test('the bureau drafts the next year and it is listed as a draft', async () => {
    await app.onPage(
      VIEWPORTS[1],
      async (page) => {
        await page.goto(`${app.url}/employment-reports`);
        await page.locator('[data-testid="report-row"]').first().waitFor();
        await page.locator('[data-testid="report-draft"]').click();
        await page.locator('[data-testid="report-form"]').waitFor({ timeout: 60_000 });
        assert.equal(await page.locator('[data-testid="report-row"]').count(), 2);
        await page.getByText('草稿').first().waitFor();
        return 'employment-reports-draft';
      },
      'admin',
    );
  });
});
