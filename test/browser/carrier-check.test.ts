import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The operating check of a carrier (issue 18 item 5) in Chromium on the tiny demo city: the bureau opens a carrier
 * marked 运行中 that waits for verification and sees its evidence and the 核验运行情况 button — at 375 px and 1920 px.
 */
describe('carrier operating check', () => {
  const app = demoBrowser('carrier-check');

  for (const vp of VIEWPORTS) {
    test(`the bureau sees a carrier awaiting its check [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/`);
          const list = await app.call(page, 'GET', '/api/carriers?status=operating&pageSize=200');
          const waiting = list.body.items.find((c: { operatingVerifiedAt: string | null }) => !c.operatingVerifiedAt);
          assert.ok(waiting, 'the demo leaves operating carriers waiting');
          await page.goto(`${app.url}/registry/carriers/${waiting.id}`);
          await page.locator('[data-testid="carrier-operating-check"]').waitFor();
          await page.locator('[data-testid="carrier-verify"]').waitFor();
          return 'carrier-check';
        },
        'admin',
      ));
  }
});
