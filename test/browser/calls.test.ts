import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The calls pages in Chromium on the tiny demo city, at 375 px and 1920 px (screenshots in test-results/): the
 * bureau's call under review with its ranking; an expert's tasks with the score form open (blind); the public page
 * of calls and results with the published call.
 */
describe('calls pages', () => {
  const app = demoBrowser('calls');

  test('every calls page fits both screens without script errors', async () => {
    for (const vp of VIEWPORTS) {
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/calls`);
          await page.locator('[data-testid="call-row"]').first().waitFor();
          const list = await app.call(page, 'GET', '/api/calls');
          const reviewing = list.body.items.find((c: { status: string }) => c.status === 'reviewing')?.id as string | undefined;
          assert.ok(reviewing, 'the demo holds a call under review');
          await page.goto(`${app.url}/calls/${reviewing}`);
          await page.locator('[data-testid="ranking-row"]').first().waitFor();
          return 'calls-reviewing';
        },
        'admin',
      );
      // The published call: its decision list as a PDF, and the objection raised in 公示 with the bureau's answer.
      await app.onPage(
        vp,
        async (page) => {
          const list = await app.call(page, 'GET', '/api/calls');
          const published = list.body.items.find((c: { status: string }) => c.status === 'published')?.id as string | undefined;
          assert.ok(published, 'the demo holds a published call');
          await page.goto(`${app.url}/calls/${published}`);
          await page.locator('[data-testid="objection-row"]').first().waitFor();
          await page.getByText('异议不成立').first().waitFor();
          await page.getByText('立项结果生效').first().waitFor();
          const href = await page.locator('[data-testid="call-decision-list"]').getAttribute('href');
          const pdf = await page.request.get(`${app.url}${href}`);
          assert.equal(pdf.headers()['content-type'], 'application/pdf');
          return 'calls-published';
        },
        'admin',
      );
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/reviews`);
          await page.locator('[data-testid="reviews-page"]').waitFor();
          const rows = page.locator('[data-testid="review-row"]');
          await rows.first().waitFor();
          await rows.first().click();
          await page.getByText('盲评').first().waitFor();
          return 'calls-reviews';
        },
        'teacher1',
      );
      await app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/calls/public`);
        await page.locator('[data-testid="public-calls"]').waitFor();
        await page.getByText('异议期至').first().waitFor();
        const href = await page.locator('[data-testid="public-decision-list"]').first().getAttribute('href');
        assert.equal((await page.request.get(`${app.url}${href}`)).headers()['content-type'], 'application/pdf');
        return 'calls-public';
      });
    }
  });
});
