import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The plan's cockpit and supervision pages in Chromium: the bureau recomputes the indicators and drills from a
 * target to the records behind it on the 1920 × 1080 wall and on a phone; the wall itself fits one screen; a
 * department reports progress on its task and the bureau rates the report; a district sees only itself; anyone
 * sees the published statistics. Every page at 375 px and 1920 px (screenshots in test-results/).
 */
const PAGES: [user: string | null, pathname: string, testId: string][] = [
  ['admin', '/cockpit', 'cockpit'],
  ['district_jinshui', '/cockpit', 'cockpit'],
  ['dept_ndrc', '/tasks', 'tasks'],
  ['admin', '/reports', 'reports'],
  ['admin', '/indicators', 'indicators'],
  ['district_jinshui', '/indicators', 'indicators'],
  [null, '/statistics', 'public-statistics'],
];

describe('cockpit and supervision pages', () => {
  const app = demoBrowser('cockpit');
  const { signedIn, call } = app;

  const noOverflow = assertFits;

  /** The drill-down modal lists records (rows with a name), not an error or an empty frame. */
  async function drilled(page: Page) {
    const modal = page.locator('.ant-modal').filter({ has: page.locator('.ant-table') });
    await modal.locator('.ant-table-row').first().waitFor();
    assert.ok((await modal.locator('.ant-table-row').count()) > 0);
    return modal;
  }

  test('the bureau recomputes, drills down on the wall and on a phone, and the wall fits 1920 × 1080', async () => {
    const a = await signedIn('admin');
    try {
      const job = await call(a.page, 'POST', '/api/indicators/recompute', {});
      assert.equal(job.status, 202, JSON.stringify(job.body));
      await a.page.waitForFunction(async (id) => (await (await fetch(`/api/jobs/${id}`)).json()).status === 'succeeded', job.body.id, {
        timeout: 120_000,
        polling: 500,
      });

      await a.page.goto(`${app.url}/cockpit`);
      const screen = a.page.locator('[data-testid="cockpit-screen"]');
      await screen.waitFor();
      await a.page.getByText(/数据更新于/).waitFor();
      // A computed target with records behind it in the tiny demo city: the programs' practice-teaching share.
      const tile = screen.locator('.cj-tile', { hasText: '实践性教学' }).first();
      await tile.locator('a', { hasText: '明细' }).click();
      const modal = await drilled(a.page);
      await a.page.screenshot({ path: path.join(shots, 'cockpit-drill-desktop.png') });
      await modal.locator('.ant-modal-close').click();
      await noOverflow(a.page, 'cockpit');
      assert.deepEqual(a.errors, []);

      await a.page.goto(`${app.url}/screen`);
      await a.page.locator('[data-testid="cockpit-screen"]').waitFor();
      await a.page.waitForLoadState('networkidle');
      const size = await a.page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
      assert.ok(size.w <= 1920 && size.h <= 1080, `the wall fits one 1920 × 1080 screen (is ${size.w} × ${size.h})`);
      await a.page.screenshot({ path: path.join(shots, 'cockpit-screen-wall.png') });
      assert.deepEqual(a.errors, []);
    } finally {
      await a.context.close();
    }

    const p = await signedIn('admin', VIEWPORTS[0]);
    try {
      await p.page.goto(`${app.url}/cockpit`);
      await p.page.locator('[data-testid="cockpit-phone"]').waitFor();
      await p.page.locator('.cj-phone-target', { hasText: '实践性教学' }).first().click();
      await drilled(p.page);
      await p.page.screenshot({ path: path.join(shots, 'cockpit-drill-phone.png') });
      assert.deepEqual(p.errors, []);
    } finally {
      await p.context.close();
    }
  });

  test('a department reports progress on its task; the bureau rates the report', async () => {
    const d = await signedIn('dept_ndrc', VIEWPORTS[0]);
    const text = `已完成产教融合型企业申报指导 ${Date.now() % 100000} 家次`;
    let taskNo: string;
    let period: string;
    try {
      await d.page.goto(`${app.url}/tasks`);
      await d.page.locator('[data-testid="tasks"]').waitFor();
      await d.page.getByRole('switch', { name: '只看本单位承担的任务' }).click();
      // A task on which the unit still owes a report (the demo city's units have reported on most periods due).
      const owing = d.page.locator('[data-testid="tasks"] .ant-card', { hasText: '逾期' }).first();
      taskNo = (await owing.locator('.ant-tag').first().textContent())!;
      await owing.getByRole('button', { name: '报送进展' }).click();
      const form = d.page.locator('.ant-modal', { hasText: '报送任务' });
      // The form opens on the latest period still owed (those reported are marked and not offered).
      period = (await form.locator('#period').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent())!;
      await form.locator('#text').fill(text);
      await form.getByRole('button', { name: '添加数据项' }).click();
      await form.getByPlaceholder('如：新增实训基地').fill('指导企业');
      await form.getByPlaceholder('数值').fill('12');
      await form.getByRole('button', { name: /报\s*送/ }).click();
      // Saved: the form turns into the evidence uploader (a refusal would show its reason in an alert instead).
      await form.locator('.ant-alert-error, .ant-upload').first().waitFor();
      const refusal = form.locator('.ant-alert-error');
      assert.equal(await refusal.count(), 0, (await refusal.count()) ? ((await refusal.first().textContent()) ?? '') : '');
      await form.getByRole('button', { name: '选择文件上传' }).waitFor();
      await d.page.screenshot({ path: path.join(shots, 'tasks-report-saved-phone.png') });
      await form.getByRole('button', { name: /完\s*成/ }).click();
      assert.deepEqual(d.errors, []);
    } finally {
      await d.context.close();
    }

    const a = await signedIn('admin');
    try {
      await a.page.goto(`${app.url}/reports`);
      // The report is found by its task and period (a late report of an earlier period is not on the first page).
      await a.page.locator('[data-testid="reports-task"]').click();
      await a.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `任务${taskNo} ` })
        .first()
        .click();
      await a.page.locator('[data-testid="reports-period"]').click();
      await a.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: period }).first().click();
      const card = a.page.locator('.ant-card', { hasText: text }).first();
      await card.waitFor();
      await card.getByRole('button', { name: /^评\s*分$/ }).click();
      const rating = a.page.locator('.ant-modal', { hasText: '评分：' });
      await rating.locator('#score').fill('88');
      await rating.locator('#comment').fill('进展清楚，数据翔实');
      await rating.getByRole('button', { name: '保存评分' }).click();
      await card.getByRole('button', { name: '修改评分' }).waitFor();
      await a.page.screenshot({ path: path.join(shots, 'reports-rated-desktop.png') });
      assert.deepEqual(a.errors, []);
    } finally {
      await a.context.close();
    }
  });

  test('a district sees its own district only; no district picker', async () => {
    const d = await signedIn('district_jinshui');
    try {
      await d.page.goto(`${app.url}/cockpit`);
      await d.page.locator('[data-testid="cockpit-screen"]').waitFor();
      await d.page.locator('.cj-screen-title', { hasText: '金水区' }).waitFor();
      assert.equal(await d.page.getByRole('combobox', { name: '选择区域' }).count(), 0);
      assert.deepEqual(d.errors, []);
    } finally {
      await d.context.close();
    }
  });

  test('anyone sees the indicators the demo bureau published, and nothing else', async () => {
    const { context, page, errors } = await app.open(VIEWPORTS[0]);
    try {
      await page.goto(`${app.url}/statistics`);
      const cards = page.locator('[data-testid="public-indicator"]');
      await cards.first().waitFor();
      // The demo's eight published figures (server/demo/publications.ts), the two headline graduate figures among them.
      assert.equal(await cards.count(), 8);
      await page.locator('.ant-card-head-title', { hasText: '产教融合型企业' }).first().waitFor();
      await page.locator('.ant-card-head-title', { hasText: '留郑率' }).first().waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  for (const vp of VIEWPORTS) {
    for (const [user, pathname, testId] of PAGES) {
      test(`${pathname} for ${user ?? 'anyone'} (${vp.name})`, async () => {
        const { context, page, errors } = user ? await signedIn(user, vp) : await app.open(vp);
        try {
          await page.goto(`${app.url}${pathname}`);
          await page.locator(`[data-testid="${testId}"]`).waitFor();
          await page.waitForLoadState('networkidle');
          await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'));
          await noOverflow(page, pathname);
          await page.screenshot({ path: path.join(shots, `${pathname.slice(1)}-${user ?? 'public'}-${vp.name}.png`), fullPage: true });
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
