import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The matching pages in Chromium: an enterprise posts a demand and sees programs recommended with their score
 * breakdown, then edits, closes and reopens it; a school registers a training course; a student on a phone saves a profile and sees the demand recommended; the bureau runs the city-wide
 * allocation and follows its progress to the end; then every matching page of its roles at 375 px and 1920 px
 * (screenshots in test-results/).
 */
const PAGES: [user: string, pathname: string, testId: string][] = [
  ['student1', '/matching/for-me', 'matching-student'],
  ['enterprise1', '/matching/enterprise', 'matching-enterprise'],
  ['enterprise1', '/matching/allocation', 'matching-allocation'],
  ['enterprise1', '/matching/demands', 'matching-demands'],
  ['admin', '/matching/demands', 'matching-demands'],
  ['school1', '/registry/training-courses', 'registry-training-courses'],
  ['school1', '/matching/school', 'matching-school'],
  ['school1', '/matching/allocation', 'matching-allocation'],
  ['admin', '/matching/supply-demand', 'matching-supply-demand'],
  ['admin', '/matching/allocation', 'matching-allocation'],
];

describe('matching pages', () => {
  const app = demoBrowser('matching');
  const { signedIn } = app;

  test('a demand is posted, recommended both ways with its breakdown, and the allocation runs to the end', async () => {
    const e = await signedIn('enterprise1');
    await e.page.goto(`${app.url}/matching/enterprise`);
    await e.page.getByRole('button', { name: '发布需求' }).click();
    const drawer = e.page.locator('[data-testid="record-drawer"]');
    await drawer.locator('#record_title').fill('数控调试储备员');
    await drawer.locator('#record_headcount').fill('3');
    await drawer.locator('[data-testid="record-submit"]').click();
    await e.page.getByText('已登记').waitFor();
    await e.page.locator('[data-testid="score-breakdown"]').first().waitFor({ timeout: 30_000 });
    assert.ok(await e.page.getByText('专业对口').first().isVisible());
    // Edit it (a field error first), close it and reopen it from the demands page.
    await e.page.getByRole('link', { name: /管理需求/ }).click();
    const row = e.page.locator('[data-testid="matching-demands"] tr').filter({ hasText: '数控调试储备员' });
    await row.locator('[data-testid="demand-edit"]').click();
    await drawer.locator('#record_title').fill('储');
    await drawer.locator('[data-testid="record-submit"]').click();
    await drawer.getByText('需求名称至少2个字').waitFor();
    await drawer.locator('#record_title').fill('数控调试储备员（夜班）');
    await drawer.locator('[data-testid="record-submit"]').click();
    await e.page.getByText('已保存修改').waitFor();
    const edited = e.page.locator('[data-testid="matching-demands"] tr').filter({ hasText: '数控调试储备员（夜班）' });
    await edited.locator('[data-testid="demand-closed"]').click();
    await e.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await edited.locator('[data-testid="demand-status"]').filter({ hasText: '已关闭' }).waitFor();
    await edited.locator('[data-testid="demand-open"]').click();
    await edited.locator('[data-testid="demand-status"]').filter({ hasText: '开放中' }).waitFor();
    assert.deepEqual(e.errors, []);
    await e.context.close();

    // A school registers a training course (what training demands are matched against).
    const sc = await signedIn('school1');
    await sc.page.goto(`${app.url}/registry/training-courses`);
    await sc.page.locator('[data-testid="create"]').click();
    const form = sc.page.locator('[data-testid="record-drawer"]');
    await form.locator('#record_name').fill('企业员工技能提升班');
    await form.locator('#record_majorCode').click();
    await sc.page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
    await form.locator('#record_hours').fill('48');
    await form.locator('#record_capacityPerYear').fill('60');
    await form.locator('[data-testid="record-submit"]').click();
    await sc.page.locator('[data-testid="registry-training-course"]').getByText('企业员工技能提升班').first().waitFor();
    assert.deepEqual(sc.errors, []);
    await sc.context.close();

    const s = await signedIn('student1', VIEWPORTS[0]);
    await s.page.goto(`${app.url}/matching/for-me`);
    await s.page.locator('[data-testid="matching-student"] .ant-collapse-header').click();
    await s.page.locator('[data-testid="profile-form"] #seekingInternship').click();
    await s.page.getByRole('button', { name: '保存档案' }).click();
    await s.page.getByText('已保存').waitFor();
    await s.page.locator('[data-testid="recommendation-card"]').filter({ hasText: '数控调试储备员' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(s.errors, []);
    await s.context.close();

    const a = await signedIn('admin');
    await a.page.goto(`${app.url}/matching/allocation`);
    await a.page.locator('[data-testid="allocation-start"]').click();
    await a.page.locator('[data-testid="allocation-progress"] .ant-progress-status-success').waitFor({ timeout: 120_000 });
    // The run's report: pricing rounds, pairs added and the optimum over every eligible pair.
    await a.page.locator('[data-testid="allocation-exact"]').filter({ hasText: '全部合格配对上的最优' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(a.errors, []);
    await a.context.close();
  });

  for (const vp of VIEWPORTS) {
    test(`every matching page renders at ${vp.width} px`, async () => {
      for (const [user, pathname, testId] of PAGES) {
        const { context, page, errors } = await signedIn(user, vp);
        await page.goto(`${app.url}${pathname}`);
        await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(shots, `matching-${user}-${pathname.split('/').pop()}-${vp.name}.png`), fullPage: true });
        await assertFits(page, `${user} ${pathname} at ${vp.width}px`);
        assert.deepEqual(errors, [], `${user} ${pathname}`);
        await context.close();
      }
    });
  }
});
