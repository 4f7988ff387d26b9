import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The quality-report pages (质量年度报告) in Chromium on the tiny demo city: school1's returned report in its editor
 * (comment, counters, generated tables), the bureau's review list and a report under review, enterprise1's joint
 * report, the city's 中职 report, and the public list of published reports — each at 375 px and 1920 px (nothing cut
 * off, no script error; screenshots in test-results/).
 */
describe('quality-report pages', () => {
  const app = demoBrowser('quality-reports');

  for (const vp of VIEWPORTS) {
    test(`a school edits its returned report: the comment, a counter per part, the tables from data [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality-reports/mine`);
          await page.locator('[data-testid="part-challenges"]').waitFor();
          assert.ok(await page.getByText('审核意见：请补充改进措施').isVisible());
          const counter = await page.locator('[data-testid="counter-talent"]').innerText();
          assert.match(counter, /^\d+ \/ 8000 字$/);
          await page.locator('textarea[aria-label="文化传承"]').fill('字'.repeat(4001));
          assert.match(await page.locator('[data-testid="counter-culture"]').innerText(), /4001 \/ 4000 字/);
          await page.locator('[data-testid="save-report"]').click();
          await page.getByText('超过字数上限 4000 字').first().waitFor();
          await page.getByRole('tab', { name: '附表（平台生成）' }).click();
          await page.locator('[data-testid="report-table-row"]').first().waitFor();
          assert.ok(await page.getByText('暂无数据').first().isVisible());
          return 'quality-report-editor';
        },
        'school1',
      ));

    test(`the bureau's review list and a report waiting for review [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality-reports`);
          await page.locator('[data-testid="quality-report-row"]').first().waitFor();
          await page.locator('[data-testid="quality-report-row"]').filter({ hasText: '待审核' }).first().getByRole('link').click();
          await page.locator('[data-testid="approve-report"]').waitFor();
          assert.ok(await page.locator('[data-testid="return-report"]').isVisible());
          await page.locator('[data-testid="report-tables"]').waitFor();
          return 'quality-report-review';
        },
        'admin',
      ));

    test(`the city's 中职 report assembled from the published school reports [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality-reports/mine`);
          await page.getByText('全市中职质量年度报告').waitFor();
          await page.getByRole('tab', { name: '附表（平台生成）' }).click();
          await page.getByText('有数据学校数').first().waitFor();
          return 'quality-report-city';
        },
        'admin',
      ));

    test(`an enterprise's joint report lists its partner schools [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/quality-reports/mine`);
          await page.getByText('联合发布学校').waitFor();
          return 'quality-report-enterprise';
        },
        'enterprise1',
      ));

    test(`the public list of published reports [${vp.name}]`, () =>
      app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/quality-reports/public`);
        await page.locator('[data-testid="public-report-row"]').first().waitFor();
        return 'quality-report-public';
      }));
  }
});
