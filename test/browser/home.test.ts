import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * Each role's home answers "what do I have to do today": the 今日待办 list, each item a link to the page where
 * it is done (which opens, not 页面不存在); on a phone the home tables are stacked rows, and nothing is shown
 * in code form (层次 in Chinese). Screenshots at 375 px and 1920 px in test-results/home-todo-*.
 */
const ROLES: [username: string, role: string][] = [
  ['admin', 'city_admin'],
  ['dept_ndrc', 'department'],
  ['district_jinshui', 'district'],
  ['school1', 'school_admin'],
  ['teacher1', 'teacher'],
  ['enterprise1', 'enterprise_admin'],
  ['student1', 'student'],
];

/** Text a clerk must never read on a home page: enum codes of the register. */
const CODES = /\b(higher|secondary|vocUndergrad|school_approved|accepted|applied)\b/;

async function checkHome(page: Page, role: string, phone: boolean) {
  await page.locator(`[data-testid="home"][data-role="${role}"]`).waitFor();
  const items = page.locator('[data-section="todo"] [data-testid="todo-item"]');
  await items.first().waitFor();
  const hrefs = await items.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0 && hrefs.every((h) => h?.startsWith('/')), `every item links to a page: ${hrefs.join(', ')}`);
  const text = (await page.locator('[data-testid="home"]').textContent()) ?? '';
  assert.doesNotMatch(text, CODES);
  // Phones: no home table is a table any more; wide screens: none is cut off inside its card.
  const tables = await page.locator('[data-testid="home"] .ant-table').count();
  if (phone) assert.equal(tables, 0, 'home tables are stacked rows on a phone');
  const cut = await page.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="home"] .ant-table-content, [data-testid="home"] .ant-card-body')].filter(
        (e) => e.scrollWidth - e.clientWidth > 1 && getComputedStyle(e).overflowX !== 'auto',
      ).length,
  );
  assert.equal(cut, 0, 'no home table is cut off inside its card');
}

describe('home pages that help', () => {
  const app = demoBrowser('home');

  for (const vp of VIEWPORTS) {
    for (const [username, role] of ROLES) {
      test(`${role} (${username}) on ${vp.name}: 今日待办 with links, tables that fit`, () =>
        app.onPage(
          vp,
          async (page) => {
            await checkHome(page, role, vp.name === 'phone');
            await page.waitForLoadState('networkidle');
            return `home-todo-${role}`;
          },
          username,
        ));
    }
  }

  test('a to-do item opens the page where it is done', () =>
    app.onPage(
      VIEWPORTS[0],
      async (page) => {
        await page.locator('[data-section="todo"] [data-testid="todo-item"][data-key="reviews"] a').click();
        await page.waitForURL(/\/internships\/review$/);
        await page.locator('h3, h4').first().waitFor();
        assert.doesNotMatch((await page.textContent('body')) ?? '', /页面不存在/);
        return 'home-todo-school-review';
      },
      'school1',
    ));
});
