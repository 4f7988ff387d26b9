import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { makeIdNumber, maskIdNumber } from '../../core/codes/index.ts';
import { demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The reference catalogues page (the occupation demo subset marked as such), an enterprise admin's staff
 * accounts (create with a one-time password, disable), and a teacher's ID number in the form — each on a
 * phone (375 px) and a large screen (1920 px), screenshots in test-results/.
 */

describe('catalogues, staff accounts and teacher ID number pages', () => {
  const app = demoBrowser('additions');
  const { onPage } = app;

  for (const vp of VIEWPORTS) {
    test(`参考目录: editions and the eight 大类, marked 演示子集 (${vp.name})`, () =>
      onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/registry/catalogues`);
          await page.getByText('专业技术人员').first().waitFor();
          assert.ok(await page.getByText('演示子集：只含2022年版大典的8个大类').isVisible());
          assert.ok((await page.locator('.ant-tag', { hasText: '演示子集' }).count()) >= 2);
          return 'registry-catalogues';
        },
        'school1',
      ));

    test(`员工账号: create with a one-time password, then disable (${vp.name})`, () =>
      onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/registry/staff`);
          await page.locator('[data-testid="registry-staff-accounts"]').waitFor();
          await page.click('[data-testid="staff-create"]');
          await page.fill('#displayName', '王同事');
          await page.fill('#username', `staff_${vp.name}`);
          // An employee-learner (the default role) opens a learning account too, found again by the ID number.
          await page.fill('#idNumber', makeIdNumber('410105', vp.name === 'phone' ? '19950101' : '19960202', '357'));
          await page.locator('.ant-modal-footer button.ant-btn-primary').click();
          const pw = page.locator('[data-testid="initial-password"]');
          await pw.waitFor();
          assert.match(await pw.innerText(), /^Cj-/);
          await page.screenshot({ path: path.join(shots, `registry-staff-created-${vp.name}.png`), fullPage: true });
          await page.getByRole('button', { name: '我已记下' }).click();
          await page.click(`[data-testid="toggle-staff_${vp.name}"]`);
          await page.locator('.ant-popconfirm .ant-btn-primary').click();
          await page.getByText('已停用').first().waitFor();
          return 'registry-staff';
        },
        'enterprise1',
      ));

    test(`teacher form: ID number field, masked on the detail page (${vp.name})`, () =>
      onPage(
        vp,
        async (page) => {
          await page.goto(`${app.url}/registry/teachers`);
          await page
            .locator('[data-testid="registry-teachers"] .ant-table-row, [data-testid="registry-teachers"] .ant-list-item')
            .first()
            .waitFor();
          const link = page.locator('[data-testid="registry-teachers"] a[href^="/registry/teachers/"]').first();
          await link.click();
          await page.locator('[data-testid="registry-teacher"]').waitFor();
          await page.getByText('身份证号').first().waitFor();
          await page.click('[data-testid="edit"]');
          await page.locator('#record_idNumber').waitFor();
          await page.screenshot({ path: path.join(shots, `registry-teacher-form-${vp.name}.png`), fullPage: true });
          const number = makeIdNumber('410105', vp.name === 'phone' ? '19850315' : '19860420', '123');
          await page.fill('#record_idNumber', number);
          await page.click('[data-testid="record-submit"]');
          await page.locator('.ant-drawer').waitFor({ state: 'hidden' });
          await page.getByText(maskIdNumber(number)).waitFor();
          await page.click('[data-testid="reveal"]');
          await page.getByText(number).waitFor();
          return 'registry-teacher-id';
        },
        'school1',
      ));
  }
});
