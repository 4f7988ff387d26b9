import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The surveys pages (满意度调查) in Chromium on the tiny demo city: a student answers a questionnaire on a phone
 * (and on a large screen), the bureau reads a round's results with response rates and 样本不足, a school its own,
 * an enterprise its interns' ratings — each at 375 px and 1920 px (nothing cut off, no script error; screenshots
 * in test-results/).
 */
describe('surveys pages', () => {
  const app = demoBrowser('surveys');

  for (const vp of VIEWPORTS) {
    test(`a student answers the open questionnaire, once [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/surveys/mine`);
          // The phone answers first; on the large screen the same questionnaire then shows as answered.
          await page.locator('[data-testid="survey-invitation"]').first().waitFor();
          const open = page.getByRole('button', { name: '填写问卷' });
          if ((await open.count()) === 0) return 'surveys-mine-answered';
          await open.first().click();
          const questions = page.locator('[data-testid="survey-question"]');
          await questions.first().waitFor();
          await page.click('[data-testid="survey-submit"]');
          assert.ok(await page.getByText('还有题目没有回答').isVisible());
          for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByText('满意', { exact: true }).click();
          await page.fill('[data-testid="survey-form"] textarea', '实训课再多一些');
          await page.screenshot({ path: `test-results/surveys-answer-form-${vp.name}.png`, fullPage: true });
          await page.click('[data-testid="survey-submit"]');
          await page.getByText('已填写').first().waitFor();
          return 'surveys-mine';
        },
        'student1',
      ));

    test(`the bureau reads a round: response rates per school, 样本不足 below the minimum, a school's detail [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/surveys`);
          await page.locator('[data-testid="survey-round-row"]').first().waitFor();
          assert.ok(await page.locator('[data-testid="survey-open"]').isVisible());
          await page.locator('[data-testid="survey-round-row"]', { hasText: '在校生满意度' }).first().click();
          await page.locator('[data-testid="survey-school-row"]').first().waitFor();
          assert.ok((await page.getByText('样本不足').count()) > 0);
          await page.locator('[data-testid="survey-school-row"]').last().click();
          await page.locator('[data-testid="survey-school-detail"]').waitFor();
          return 'surveys-round-bureau';
        },
        'admin',
      ));

    test(`a school sees its own figures in the rounds [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/surveys`);
          await page.locator('[data-testid="survey-round-row"]').first().waitFor();
          await page.locator('[data-testid="survey-round-row"]', { hasText: '用人单位' }).first().click();
          await page.locator('[data-testid="survey-school-row"]').first().waitFor();
          assert.equal(await page.locator('[data-testid="survey-school-row"]').count(), 1);
          return 'surveys-round-school';
        },
        'school1',
      ));

    test(`an enterprise reads its interns' ratings [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/surveys/ratings`);
          await page.locator('[data-testid="enterprise-ratings"]').waitFor();
          await page.waitForLoadState('networkidle');
          return 'surveys-ratings';
        },
        'enterprise1',
      ));
  }
});
