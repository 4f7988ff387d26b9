import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The forecast page in Chromium at 375 px and 1920 px: the bureau sees the clusters' series with a forecast chart,
 * the chosen method and its backtest error; picking a major shows that major's series (screenshots in test-results/).
 */
describe('forecast page', () => {
  const app = demoBrowser('forecast');

  for (const vp of VIEWPORTS) {
    test(`the bureau reads a cluster's and a major's forecast at ${vp.width}px`, async () => {
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/forecast`);
          await page.locator('[data-testid="forecast-chart"]').waitFor();
          await page.locator('[data-testid="forecast-model"]').waitFor();
          assert.match(await page.locator('[data-testid="forecast-model"]').innerText(), /MASE/);
          await page.getByText('按专业').click();
          await page.locator('[data-testid="forecast-page"][data-dimension="major"]').waitFor();
          const rows = page.locator('[data-testid="forecast-row"]');
          await rows.first().waitFor();
          assert.ok((await rows.count()) > 1);
          const name = (await rows.nth(1).innerText()).split(/[\t\n ]/)[0]!.trim();
          await rows.nth(1).click();
          await page.locator('[data-testid="forecast-detail"]').getByText(`${name} ·`).waitFor();
          await page.locator('[data-testid="forecast-chart"]').waitFor();
          await page.locator('[data-testid="forecast-warnings"]').waitFor();
          return 'forecast';
        },
        'admin',
      );
    });
  }
});
