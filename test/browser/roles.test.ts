import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * Every role signs in, sees its home page with real figures, and signs out — on a phone (375 px) and on the
 * bureau's large screen (1920 px). Screenshots land in test-results/ for people to look at.
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

describe('each role signs in, sees its home page and signs out', () => {
  const app = demoBrowser('roles');
  const { submitSignIn: signIn } = app;

  for (const vp of VIEWPORTS) {
    for (const [username, role] of ROLES) {
      test(`${role} (${username}) on ${vp.name}`, async () => {
        const context = await app.browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN' });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        try {
          await page.goto(`${app.url}/`);
          await page.waitForURL(/\/login/);
          await signIn(page, username);
          const home = page.locator(`[data-testid="home"][data-role="${role}"]`);
          await home.waitFor({ timeout: 15_000 });
          // Real figures: a number rendered from the API, not a placeholder.
          await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="home"]')?.textContent ?? ''));
          await assertFits(page, `${vp.width}px`);
          await page.waitForLoadState('networkidle');
          await page.screenshot({ path: path.join(shots, `home-${role}-${vp.name}.png`), fullPage: true });
          await page.click('[data-testid="user-menu"]');
          await page.click('[data-testid="logout"]');
          await page.waitForURL(/\/login/);
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('a department hears of its overdue reports in the inbox and can mark them read', async () => {
    const context = await app.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/login`);
      await signIn(page, 'dept_ndrc');
      await page.locator('[data-testid="home"]').waitFor();
      // The daily reminder job runs at server start; wait until it has delivered, then load the page afresh.
      await assert.doesNotReject(async () => {
        for (let i = 0; ; i++) {
          const inbox = await (await page.request.get(`${app.url}/api/notifications`)).json();
          if (inbox.unread > 0) return;
          if (i > 100) throw new Error('no reminder delivered');
          await page.waitForTimeout(200);
        }
      });
      await page.reload();
      await page.click('button[aria-label^="消息（"]');
      await page.getByText('逾期未报送').first().waitFor();
      await page.screenshot({ path: path.join(shots, 'inbox-department-phone.png') });
      await page.click('text=全部已读');
      await page.locator('button[aria-label="消息"]').waitFor();
    } finally {
      await context.close();
    }
  });

  test('an expired session returns to sign-in and then back to the page the user was on', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/login`);
      await signIn(page, 'admin');
      await page.locator('[data-testid="home"]').waitFor();
      await page.goto(`${app.url}/audit?action=sign_in`);
      await page.locator('[data-testid="audit"]').waitFor();
      await context.clearCookies();
      await page.reload();
      await page.waitForURL(/\/login\?next=/);
      assert.match(decodeURIComponent(page.url()), /next=\/audit\?action=sign_in/);
      await signIn(page, 'admin');
      await page.waitForURL(/\/audit\?action=sign_in/);
      await page.locator('[data-testid="audit"]').waitFor();
      await page.screenshot({ path: path.join(shots, 'audit-desktop.png') });
    } finally {
      await context.close();
    }
  });
});
