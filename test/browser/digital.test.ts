import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The digital pages (数字职教) in Chromium on the tiny demo city: the bureau's course list with its review buttons,
 * the smart-campus standard and self-assessments, the demo-school applications (the bureau approves school1's),
 * a school's own self-assessment and application, the partner enterprise's courses, and the public catalogue —
 * each at 375 px and 1920 px (nothing cut off, no script error; screenshots in test-results/).
 */
describe('digital pages', () => {
  const app = demoBrowser('digital');

  for (const vp of VIEWPORTS) {
    test(`the bureau recognises courses [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/digital/courses`);
          await page.locator('[data-testid="course-row"]').first().waitFor();
          assert.ok(await page.getByText('已认定课程').isVisible());
          return 'digital-courses-bureau';
        },
        'admin',
      ));

    test(`the bureau reads the standard and the self-assessments [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/digital/smart-campus`);
          await page.locator('[data-testid="standard-card"]').waitFor();
          await page.locator('[data-testid="assessment-row"]').first().waitFor();
          assert.ok(await page.getByText('审核通过且达标的职业学校').isVisible());
          return 'digital-smart-campus';
        },
        'admin',
      ));

    test(`a school sees its self-assessment and its application [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/digital/my-campus`);
          await page.locator('[data-testid="assessment-form"]').waitFor();
          await page.locator('[data-testid="demo-apply"]').getByText('待认定').waitFor();
          return 'digital-my-campus';
        },
        'school1',
      ));

    test(`the partner enterprise reads the courses it co-built [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/digital/courses`);
          await page.locator('[data-testid="course-row"]').first().waitFor();
          assert.equal(await page.locator('[data-testid="course-new"]').count(), 0, 'an enterprise does not declare');
          return 'digital-courses-enterprise';
        },
        'enterprise1',
      ));

    test(`the public catalogue of recognised courses [${vp.name}]`, () =>
      app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/online-courses`);
        await page.locator('[data-testid="public-course"]').first().waitFor();
        return 'digital-public-courses';
      }));
  }

  test('school1 records a student’s completion of its recognised course: the credits reach the credit bank', () =>
    app.onPage(
      VIEWPORTS[VIEWPORTS.length - 1]!,
      async (page) => {
        await page.goto(`${app.url}/digital/courses`);
        await page.locator('[data-testid="course-complete"]').first().click();
        const form = page.locator('[data-testid="completion-form"]');
        await form.locator('.ant-select').click();
        await page.locator('.ant-select-item-option').first().click();
        await form.locator('input#hours').fill('32');
        await form.locator('input#completedOn').fill('2026-01-10');
        await form.locator('input#completedOn').press('Enter');
        await page.getByRole('button', { name: '存入学分银行' }).click();
        await page.getByText(/已存入学分银行：[\d.]+ 学分/).waitFor();
        return 'digital-completion';
      },
      'school1',
    ));

  test('the bureau approves school1 as a 智慧职教示范校 from the list', () =>
    app.onPage(
      VIEWPORTS[VIEWPORTS.length - 1]!,
      async (page) => {
        await page.goto(`${app.url}/digital/demo-schools`);
        await page.locator('[data-testid="demo-row"]').first().waitFor();
        const pending = page.locator('[data-testid="demo-decision-yes"]');
        assert.ok((await pending.count()) >= 1);
        await pending.first().click();
        await page.waitForFunction(() => !document.querySelector('[data-testid="demo-decision-yes"]'));
        const list = await app.call(page, 'GET', '/api/digital/demo-schools?status=submitted');
        assert.equal(list.body.total, 0);
        return 'digital-demo-schools';
      },
      'admin',
    ));
});
