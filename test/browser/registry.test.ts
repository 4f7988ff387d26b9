import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeUscc } from '../../core/codes/uscc.ts';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The register's pages (web/src/pages/registry) in Chromium against the real server and the demo city:
 * every list and detail on a phone (375 px) and a large screen (1920 px), what each role may and may not
 * do, a create form, the API's field error shown on its field, the version conflict, bulk accounts with
 * their one-time passwords, and a district approving an enterprise's self-registration.
 * Screenshots land in test-results/registry-*.png for people to look at.
 */
const LISTS = [
  'schools',
  'programs',
  'major-groups',
  'teachers',
  'students',
  'enterprises',
  'carriers',
  'clusters',
  'registrations',
  'accounts',
];
const WITH_DETAIL = new Set(['schools', 'programs', 'teachers', 'students', 'enterprises']);

describe('register pages', () => {
  const app = demoBrowser('registry');
  const { signedIn: open } = app;

  /** Waits until the page's data is on screen (no spinner or skeleton left). */
  async function settled(page: Page, testId: string) {
    // Generous: the CI machine may be busy, and a failure here is a page that never renders, not a slow one.
    await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 90_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), null, { timeout: 90_000 });
  }

  const noOverflow = assertFits;

  /** Chooses an option of an AntD select found by its form field id. */
  async function choose(page: Page, fieldId: string, optionText: string | RegExp) {
    await page.locator(`#${fieldId}`).click();
    // The field's own dropdown (AntD names its list `${fieldId}_list`), not one still closing from a previous field.
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`#${fieldId}_list`) });
    const option = dropdown.locator('.ant-select-item-option', { hasText: optionText }).first();
    await option.click();
    // A single choice closes its list; a multiple choice stays open for more (the test closes it). A click that
    // lands while the list is still opening is ignored (CI saw the list stay open): choose again until it closes,
    // so that the list does not cover the fields below it.
    if (await page.locator(`#${fieldId}`).evaluate((el) => !!el.closest('.ant-select-multiple'))) return;
    for (let i = 0; i < 5 && (await dropdown.isVisible()); i++) {
      await dropdown.waitFor({ state: 'hidden', timeout: 3_000 }).catch(async () => {
        if (await option.isVisible()) await option.click();
      });
    }
  }

  for (const vp of VIEWPORTS) {
    test(`every register page and detail as the bureau on ${vp.name}`, async () => {
      const { context, page, errors } = await open('admin', vp);
      try {
        for (const name of LISTS) {
          const testId = name === 'accounts' ? 'registry-bulk-accounts' : `registry-${name}`;
          await page.goto(`${app.url}/registry/${name}`);
          await settled(page, testId);
          await noOverflow(page, `${name} on ${vp.name}`);
          await page.screenshot({ path: path.join(shots, `registry-${name}-${vp.name}.png`), fullPage: true });
          if (!WITH_DETAIL.has(name)) continue;
          // Real rows from the demo city, and a click on the first opens its detail.
          const first = page.locator('.ant-table-tbody tr.ant-table-row a').first();
          await first.waitFor();
          await first.click();
          const detail = `registry-${name.replace(/s$/, '')}`;
          await settled(page, detail);
          await noOverflow(page, `${name} detail on ${vp.name}`);
          await page.screenshot({ path: path.join(shots, `registry-${name}-detail-${vp.name}.png`), fullPage: true });
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test("a school admin sees its school only, without the bureau's buttons, and registers a major group", async () => {
    const { context, page, errors } = await open('school1');
    try {
      await page.goto(`${app.url}/registry/schools`);
      await settled(page, 'registry-schools');
      assert.equal(await page.locator('.ant-table-tbody tr.ant-table-row').count(), 1, 'its own school only');
      assert.equal(await page.locator('[data-testid="create"]').count(), 0, 'schools are registered by the bureau');
      await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
      await settled(page, 'registry-school');
      assert.equal(await page.locator('[data-testid="archive"]').count(), 0, "archiving a school is the bureau's");
      assert.equal(await page.locator('[data-testid="edit"]').count(), 1, 'a school keeps its own record');
      // The registration review is not a school's business: the menu does not offer it and the page refuses.
      assert.equal(await page.locator('a[href="/registry/registrations"]').count(), 0);

      await page.goto(`${app.url}/registry/major-groups`);
      await settled(page, 'registry-major-groups');
      await page.click('[data-testid="create"]');
      await page.fill('#record_name', '智能制造专业群');
      await choose(page, 'record_clusterCode', '装备制造');
      await choose(page, 'record_programIds', /./);
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#record_keyMajor').count(), 0, '重点专业 is designated by the bureau');
      await page.click('[data-testid="record-submit"]');
      await page.waitForURL(/\/registry\/major-groups\/[0-9a-f-]{36}$/);
      await settled(page, 'registry-major-group');
      assert.match((await page.locator('h3').first().textContent()) ?? '', /智能制造专业群/);
      await page.screenshot({ path: path.join(shots, 'registry-major-group-detail-desktop.png'), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a teacher reads the register but is offered no edits', async () => {
    const { context, page } = await open('teacher1');
    try {
      await page.goto(`${app.url}/registry/teachers`);
      await settled(page, 'registry-teachers');
      assert.equal(await page.locator('[data-testid="create"]').count(), 0);
      await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
      await settled(page, 'registry-teacher');
      assert.equal(await page.locator('[data-testid="edit"], [data-testid="archive"]').count(), 0);
    } finally {
      await context.close();
    }
  });

  test('a stale edit is told that someone else changed the record, and reloads it', async () => {
    const { context, page } = await open('school1');
    try {
      await page.goto(`${app.url}/registry/teachers`);
      await settled(page, 'registry-teachers');
      await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
      await settled(page, 'registry-teacher');
      await page.click('[data-testid="edit"]');
      await page.locator('#record_name').waitFor();
      // Someone else saves the same teacher meanwhile (another admin, another tab).
      const id = page.url().split('/').pop()!;
      const status = await page.evaluate(async (teacherId) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const current = (await (await fetch(`/api/teachers/${teacherId}`)).json()) as { version: number };
        const res = await fetch(`/api/teachers/${teacherId}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ version: current.version, subjectName: '他人修改' }),
        });
        return res.status;
      }, id);
      assert.equal(status, 200);
      await page.fill('#record_name', '本人修改');
      await page.click('[data-testid="record-submit"]');
      const conflict = page.locator('[data-testid="version-conflict"]');
      await conflict.waitFor({ timeout: 60_000 });
      assert.match((await conflict.textContent()) ?? '', /其他人刚刚修改了这条记录/);
      await page.screenshot({ path: path.join(shots, 'registry-version-conflict-desktop.png') });
      await conflict.getByRole('button', { name: /重新加载/ }).click();
      await conflict.waitFor({ state: 'detached' });
      assert.equal(await page.locator('#record_subjectName').inputValue(), '他人修改', 'the form now shows the other change');
    } finally {
      await context.close();
    }
  });

  test("the server's refusal of a USCC is shown on the USCC field", async () => {
    const { context, page } = await open('admin');
    try {
      await page.goto(`${app.url}/registry/enterprises`);
      await settled(page, 'registry-enterprises');
      await page.click('[data-testid="create"]');
      await page.fill('#record_name', '郑州测试机械有限公司');
      await page.fill('#record_uscc', '91410100MA00000000');
      await choose(page, 'record_districtId', /./);
      await choose(page, 'record_size', '小型');
      await page.fill('#record_industryCode', 'C');
      await page.fill('#record_staffCount', '120');
      await page.click('[data-testid="record-submit"]');
      const help = page.locator('#record_uscc_help');
      await help.waitFor({ timeout: 60_000 });
      assert.match((await help.textContent()) ?? '', /\S/);
      await page.screenshot({ path: path.join(shots, 'registry-field-error-desktop.png') });
    } finally {
      await context.close();
    }
  });

  test('a school admin opens accounts for its teachers and sees each initial password once', async () => {
    const { context, page } = await open('school1', VIEWPORTS[0]);
    try {
      await page.goto(`${app.url}/registry/accounts`);
      await settled(page, 'registry-bulk-accounts');
      await page.getByLabel('未开通账号的学生').uncheck();
      await page.click('[data-testid="bulk-run"]');
      const result = page.locator('[data-testid="bulk-result"]');
      await result.waitFor({ timeout: 60_000 });
      const rows = result.locator('.ant-table-tbody tr.ant-table-row');
      assert.ok((await rows.count()) > 0);
      assert.match((await rows.first().textContent()) ?? '', /教师/);
      await noOverflow(page, 'bulk accounts on phone');
      await page.screenshot({ path: path.join(shots, 'registry-bulk-accounts-result-phone.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('a district approves an enterprise that registered itself', async () => {
    const options = (await (await fetch(`${app.url}/api/directory/options`)).json()) as { districts: { id: string; name: string }[] };
    const jinshui = options.districts.find((d) => d.name.includes('金水'));
    assert.ok(jinshui);
    const name = `郑州自助注册测试科技有限公司`;
    const res = await fetch(`${app.url}/api/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        uscc: makeUscc('91', '410105', '7A3B2C1D'),
        districtId: jinshui.id,
        name,
        size: 'small',
        industryCode: 'I',
        staffCount: 40,
        username: 'selfreg1',
        displayName: '王经理',
        password: 'Self-Register-2025',
      }),
    });
    assert.equal(res.status, 201, await res.text());
    const { context, page } = await open('district_jinshui');
    try {
      await page.goto(`${app.url}/registry/registrations`);
      await page.waitForURL(/status=pending/);
      await settled(page, 'registry-registrations');
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
      await row.waitFor();
      await page.screenshot({ path: path.join(shots, 'registry-registrations-pending-desktop.png'), fullPage: true });
      await row.locator('[data-testid="approve"]').click();
      await page.locator('.ant-modal-confirm .ant-btn-primary').click();
      await row.waitFor({ state: 'detached' });
      const after = await (
        await fetch(`${app.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'selfreg1', password: 'Self-Register-2025' }),
        })
      ).status;
      assert.equal(after, 200, "the approved enterprise's admin can sign in");
    } finally {
      await context.close();
    }
  });
});
