import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { makeIdNumber } from '../../core/codes/index.ts';
import { uscc } from '../support/registry.ts';
import { demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The pages around the register: the public directory and enterprise registration (no sign-in, reached from
 * the sign-in page), the header search with its results page, and spreadsheet import with its error report —
 * each on a phone (375 px) and on a large screen (1920 px), screenshots in test-results/.
 */

describe('directory, registration, search and import pages', () => {
  const app = demoBrowser('tools');
  const { signIn, onPage } = app;

  for (const vp of VIEWPORTS) {
    test(`public directory from the sign-in page, search by name, a school's programs (${vp.name})`, () =>
      onPage(vp, async (page) => {
        await page.goto(`${app.url}/login`);
        await page.click('[data-testid="login-directory"]');
        await page.waitForURL(/\/directory$/);
        const rows = page.locator('[data-testid="directory-row"]');
        await rows.first().waitFor();
        const all = await rows.count();
        assert.ok(all > 1);
        await page.fill('[data-testid="directory-search"] input', '铁路');
        await page.press('[data-testid="directory-search"] input', 'Enter');
        await page.waitForURL(/q=/);
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="directory-row"]').length < n, all);
        assert.match(await rows.first().innerText(), /铁路/);
        await page.screenshot({ path: path.join(shots, `directory-search-${vp.name}.png`), fullPage: true });
        await rows.first().locator('a').first().click();
        await page.locator('[data-testid="directory-school-name"]').waitFor();
        assert.match(await page.locator('[data-testid="directory-school-name"]').innerText(), /铁路/);
        return 'directory-school';
      }));

    test(`public directory: enterprises and carriers tabs (${vp.name})`, () =>
      onPage(vp, async (page) => {
        await page.goto(`${app.url}/directory?tab=carriers`);
        await page.locator('[data-testid="directory-page"] .ant-table, [data-testid="directory-page"] .ant-list').first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(shots, `directory-carriers-${vp.name}.png`), fullPage: true });
        await page.goto(`${app.url}/directory?tab=enterprises`);
        await page.locator('[data-testid="directory-page"] .ant-table, [data-testid="directory-page"] .ant-list').first().waitFor();
        await page.waitForLoadState('networkidle');
        return 'directory-enterprises';
      }));

    test(`enterprise registration: live USCC check, submitted and awaiting the district (${vp.name})`, () =>
      onPage(vp, async (page) => {
        await page.goto(`${app.url}/login`);
        await page.click('[data-testid="login-register"]');
        await page.waitForURL(/\/register$/);
        const code = uscc();
        const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
        await page.fill('[data-testid="reg-uscc"]', wrong);
        await page.getByText('校验码').first().waitFor();
        await page.screenshot({ path: path.join(shots, `register-invalid-${vp.name}.png`), fullPage: true });
        await page.fill('[data-testid="reg-uscc"]', code);
        await page.fill('[data-testid="reg-name"]', `郑州浏览器测试${vp.name}科技有限公司`);
        await page.click('[data-testid="reg-district"]');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        await page.click('[data-testid="reg-industry"]');
        await page.keyboard.type('3411');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '锅炉' }).first().click();
        await page.click('[data-testid="reg-size"]');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '小型' }).click();
        await page.fill('[data-testid="reg-staff"]', '120');
        await page.fill('[data-testid="reg-contact"]', '王经理');
        await page.fill('[data-testid="reg-username"]', `browser_reg_${vp.name}`);
        await page.fill('[data-testid="reg-password"]', 'Register-2025!');
        await page.fill('[data-testid="reg-confirm"]', 'Register-2025!');
        await page.click('[data-testid="reg-submit"]');
        await page.locator('[data-testid="registration-submitted"]').waitFor();
        assert.match(await page.locator('[data-testid="registration-submitted"]').innerText(), /等待区县审核/);
        return 'register-submitted';
      }));

    test(`search: header box and results page (${vp.name})`, () =>
      onPage(vp, async (page) => {
        await signIn(page, 'admin');
        if (vp.name === 'desktop') {
          await page.fill('input[aria-label="全局搜索"]', '数控');
          await page.locator('[data-testid="search-all"]').waitFor();
          await page.screenshot({ path: path.join(shots, `search-suggest-${vp.name}.png`) });
          await page.press('input[aria-label="全局搜索"]', 'Enter');
        } else {
          await page.click('[data-testid="header-search-link"]');
          await page.locator('[data-testid="search-page"]').waitFor();
          await page.fill('[data-testid="search-input"] input', '数控');
          await page.press('[data-testid="search-input"] input', 'Enter');
        }
        await page.waitForURL(/\/search\?q=/);
        const hit = page.locator('[data-testid="search-hit"]').first();
        await hit.waitFor();
        assert.match(await page.locator('[data-testid="search-page"]').innerText(), /数控/);
        const href = await hit.locator('a').first().getAttribute('href');
        assert.match(href ?? '', /^\/(registry|search|directory)/);
        return 'search';
      }));

    test(`import: a wrong sheet is rejected with its report, a right one imported, and both survive a reload (${vp.name})`, () =>
      onPage(vp, async (page) => {
        await signIn(page, 'school1');
        const me = await (await page.request.get(`${app.url}/api/auth/me`)).json();
        const schoolId = me.roles[0].organisation.id;
        const school = await (await page.request.get(`${app.url}/api/directory/schools/${schoolId}`)).json();
        await page.goto(`${app.url}/imports?entity=teachers`);
        await page.locator('[data-testid="recent-imports"]').waitFor();
        const header = '学校标识码,姓名,身份证号码,聘用类型,任教类别,是否双师型';
        const seq = vp.name === 'phone' ? '101' : '202';
        const bad = `${header}\n9999999999,张三,123,专任,专业课,是\n`;
        await page.setInputFiles('[data-testid="imports-page"] input[type="file"]', {
          name: 'bad-teachers.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(bad),
        });
        await page.locator('[data-testid="import-rejected"]').waitFor({ timeout: 30_000 });
        const rejected = await page.locator('[data-testid="import-rejected"]').innerText();
        assert.match(rejected, /身份证号码/);
        assert.match(rejected, /学校标识码“9999999999”不存在/);
        assert.ok(await page.locator('[data-testid="import-report"]').getAttribute('href'));
        await page.reload();
        await page.locator('[data-testid="import-rejected"]').waitFor();
        await page.screenshot({ path: path.join(shots, `import-rejected-${vp.name}.png`), fullPage: true });
        const good = `${header}\n${school.code},李老师${seq},${makeIdNumber('410105', '19850101', seq)},专任,专业课,是\n`;
        await page.setInputFiles('[data-testid="imports-page"] input[type="file"]', {
          name: 'teachers.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(good),
        });
        await page.locator('[data-testid="import-imported"]').waitFor({ timeout: 30_000 });
        assert.match(await page.locator('[data-testid="import-imported"]').innerText(), /新增\s*1/);
        assert.match(page.url(), /job=/);
        await page.reload();
        await page.locator('[data-testid="import-imported"]').waitFor();
        assert.match(await page.locator('[data-testid="recent-imports"]').innerText(), /teachers\.csv/);
        return 'import-imported';
      }));
  }
});
