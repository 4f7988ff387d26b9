import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * 产教融合型企业 pages on the tiny demo city at 375 px and 1920 px: the enterprise declares its year and sees its
 * standing, runs the self-check; the bureau opens the case waiting on its expert panel (scores so far); a
 * department reads the SOEs' report and the surcharge credits; the bureau sees who has not reported and prints a
 * case's application; anyone reads the certified list. Screenshots: test-results/certification-*.png.
 */
describe('certification pages', () => {
  const app = demoBrowser('certification');

  for (const vp of VIEWPORTS) {
    test(`the enterprise declares and checks itself on ${vp.name}`, async () => {
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/certification/declaration`);
          await page.locator('[data-testid="declaration-page"] [data-testid="payroll"]').waitFor();
          await page.waitForLoadState('networkidle');
          await page.locator('[data-testid="payroll"]').fill('20000000');
          await page.locator('[data-testid="drawn"]').fill('360000');
          await page.locator('[data-testid="spent"]').fill('300000');
          await page.locator('[data-testid="frontline"]').fill('66');
          await page.locator('[data-testid="trained"]').fill('450');
          await page.click('[data-testid="declaration-submit"]');
          await page.locator('[data-testid="standing"]').getByText('提取 1.8%').waitFor();
          await page.goto(`${app.url}/certification/mine`);
          await page.locator('[data-testid="eligibility-summary"]').waitFor();
          assert.ok(await page.locator('[data-testid="criterion-training_fund_drawn"]').getByText('平台数据核验：满足').isVisible());
          return 'certification-enterprise';
        },
        'enterprise1',
      );
    });

    test(`the bureau's pipeline, a department's SOE report and the public list on ${vp.name}`, async () => {
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/certification/pipeline`);
          await page.locator('[data-testid="case-row"]').first().waitFor();
          // The case waiting on its panel: the review round's sheets, some scored, the rest still out.
          await page.locator('.ant-segmented').getByText('待专家评审').click();
          await page.getByText('查看办理').first().click();
          await page.locator('.ant-drawer [data-testid="case-card"]').waitFor();
          await page.locator('.ant-drawer [data-testid="review-sheet"]').first().waitFor();
          await page
            .locator('.ant-drawer')
            .getByText(/已提交 \d+ \/ \d+ 份评分/)
            .waitFor();
          return 'certification-pipeline';
        },
        'admin',
      );
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/certification/declarations`);
          await page.locator('[data-testid="declaration-row"]').first().waitFor();
          // The demo declares for 90% of enterprises above designated size: the rest are listed to be chased.
          await page.locator('[data-testid="undeclared"] [data-testid="undeclared-row"]').first().waitFor();
          return 'certification-declarations';
        },
        // The tiny city's 金水区 has no enterprise above designated size: the bureau's list is the city's.
        'admin',
      );
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/certification/state-owned`);
          await page.locator('[data-testid="state-owned-page"] .ant-statistic').first().waitFor();
          return 'certification-state-owned';
        },
        'dept_ndrc',
      );
      await app.onPage(
        vp,
        async (page) => {
          // Certified over a year ago and not reported: on the list with the policy's consequence; the case prints.
          await page.goto(`${app.url}/certification/pipeline`);
          await page.locator('[data-testid="missing-reports"] [data-testid="missing-row"]').first().waitFor();
          await page.locator('.ant-segmented').getByText('已认定').click();
          await page.getByText('查看办理').first().click();
          await page.locator('.ant-drawer [data-testid="case-documents"]').getByText('申报书（PDF）').waitFor();
          return 'certification-missing-reports';
        },
        'admin',
      );
      await app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/certification/surcharge-credits`);
          await page.locator('[data-testid="credit-row"]').first().waitFor();
          return 'certification-surcharge-credits';
        },
        'dept_ndrc',
      );
      await app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/certified-enterprises`);
        await page.locator('[data-testid="certified-row"]').first().waitFor();
        return 'certification-public';
      });
    });
  }
});
