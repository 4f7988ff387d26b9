import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '../../core/authz/roles.ts';
import { navItemsFor } from '../../web/src/navigation.ts';
import { assertFits, demoBrowser, SHOTS as shots, takeCspViolations, VIEWPORTS, type Viewport } from '../support/demo-browser.ts';

/**
 * Every page of every demo role's menu, and the pages without sign-in, at 375 px and 1920 px: nothing scrolls
 * sideways or is cut off inside its box (assertFits), no script error, no CSP violation, and the tab names the page
 * ("实习学生 · 产教"). One session per role and screen; every page's problems are gathered before failing, so
 * one run names all of them. Screenshots: test-results/page-<user>-<path>-<screen>.png.
 */
const USERS: [username: string, role: Role][] = [
  ['admin', 'city_admin'],
  ['dept_ndrc', 'department'],
  ['district_jinshui', 'district'],
  ['school1', 'school_admin'],
  ['school2', 'school_admin'],
  ['teacher1', 'teacher'],
  ['enterprise1', 'enterprise_admin'],
  ['student1', 'student'],
  ['learner1', 'learner'],
  ['evaluator1', 'evaluator'],
];
const PUBLIC: [pathname: string, title: string][] = [
  ['/login', '登录'],
  ['/directory', '公开名录'],
  ['/statistics', '公开统计'],
  ['/certified-enterprises', '产教融合型企业名单'],
  ['/register', '企业注册'],
  ['/credit-bank/verify', '学分证书核验'],
  ['/online-courses', '精品在线课程'],
  ['/quality-reports/public', '职业教育质量年度报告'],
];

describe('every page of every demo role', () => {
  const app = demoBrowser('pages');

  /** Opens a page and waits until its data has arrived; answers what is wrong with it (nothing: []). */
  async function check(page: Page, errors: string[], vp: Viewport, who: string, pathname: string, title: string | null): Promise<string[]> {
    const problems: string[] = [];
    const at = `${who} ${pathname} ${vp.width}px`;
    try {
      await page.goto(`${app.url}${pathname}`);
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), undefined, { timeout: 30_000 });
      await assertFits(page, at);
      if (title !== null && (await page.title()) !== `${title} · 产教`)
        problems.push(`${at}: title "${await page.title()}", not "${title} · 产教"`);
      // Every page works under the platform's Content Security Policy (issue 19 item 4): nothing it needs is blocked.
      problems.push(...(await takeCspViolations(page)).map((v) => `${at}: CSP blocked ${v}`));
    } catch (e) {
      problems.push(e instanceof Error ? e.message.split('\n')[0]! + ` (${at})` : String(e));
    }
    await page.screenshot({
      path: path.join(shots, `page-${who}${pathname.replace(/\//g, '-') || '-home'}-${vp.name}.png`),
      fullPage: true,
    });
    problems.push(...errors.splice(0).map((e) => `${at}: script error ${e}`));
    return problems;
  }

  for (const vp of VIEWPORTS) {
    test(`public pages on ${vp.name}`, async () => {
      const { context, page, errors } = await app.open(vp);
      try {
        const problems: string[] = [];
        for (const [pathname, title] of PUBLIC) problems.push(...(await check(page, errors, vp, 'public', pathname, title)));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    for (const [username, role] of USERS) {
      test(`${username}'s menu on ${vp.name}`, async () => {
        const { context, page, errors } = await app.signedIn(username, vp);
        try {
          const problems: string[] = [];
          // The home page titles itself after the role's home (server/home); every other entry by its menu label.
          for (const item of navItemsFor([role]))
            problems.push(...(await check(page, errors, vp, username, item.path, item.path === '/' ? null : item.label)));
          assert.deepEqual(problems, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
