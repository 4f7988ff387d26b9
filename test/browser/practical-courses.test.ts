import { describe, test } from 'node:test';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * 劳动技术与职业体验课程 in Chromium on the tiny demo city: the school's catalogue with its 登记课程 form, the
 * bureau's view, and the public catalogue without signing in — each at 375 px and 1920 px (nothing cut off, no script
 * error; screenshots in test-results/).
 */
describe('practical course pages', () => {
  const app = demoBrowser('practical-courses');

  for (const vp of VIEWPORTS) {
    test(`a school's catalogue and its form [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/practical-courses`);
          await page.locator('[data-testid="course-row"]').first().waitFor();
          await page.locator('[data-testid="course-add"]').click();
          await page.locator('[data-testid="course-form"]').waitFor();
          return 'courses-school';
        },
        'school1',
      ));

    test(`the bureau's catalogue [${vp.name}]`, () =>
      app.onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/practical-courses`);
          await page.locator('[data-testid="course-row"]').first().waitFor();
          return 'courses-bureau';
        },
        'admin',
      ));

    test(`the public catalogue [${vp.name}]`, () =>
      app.onPage(vp, async (page) => {
        await page.goto(`${app.url}/practical-courses/public`);
        await page.locator('[data-testid="public-course-row"]').first().waitFor();
        return 'courses-public';
      }));
  }
});
