import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The matching pages in Chromium: an enterprise posts a demand and sees programs recommended with their score
 * breakdown; a student on a phone saves a profile and sees the demand recommended; the bureau runs the city-wide
 * allocation and follows its progress to the end; then every matching page of its roles at 375 px and 1920 px
 * (screenshots in test-results/).
 */
const PAGES: [user: string, pathname: string, testId: string][] = [
  ['student1', '/matching/for-me', 'matching-student'],
  ['enterprise1', '/matching/enterprise', 'matching-enterprise'],
  ['enterprise1', '/matching/allocation', 'matching-allocation'],
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
    const dialog = e.page.locator('.ant-modal');
    await dialog.locator('#title').fill('储备技术员');
    await dialog.locator('#headcount').fill('3');
    // AntD spaces out a two-character Chinese button label ("发 布"), so the primary button is found by its class.
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await e.page.getByText('需求已发布').waitFor();
    await e.page.locator('[data-testid="score-breakdown"]').first().waitFor({ timeout: 30_000 });
    assert.ok(await e.page.getByText('专业对口').first().isVisible());
    assert.deepEqual(e.errors, []);
    await e.context.close();

    const s = await signedIn('student1', VIEWPORTS[0]);
    await s.page.goto(`${app.url}/matching/for-me`);
    await s.page.locator('[data-testid="matching-student"] .ant-collapse-header').click();
    await s.page.locator('[data-testid="profile-form"] #seekingInternship').click();
    await s.page.getByRole('button', { name: '保存档案' }).click();
    await s.page.getByText('已保存').waitFor();
    await s.page.locator('[data-testid="recommendation-card"]').filter({ hasText: '储备技术员' }).waitFor({ timeout: 30_000 });
    assert.deepEqual(s.errors, []);
    await s.context.close();

    const a = await signedIn('admin');
    await a.page.goto(`${app.url}/matching/allocation`);
    await a.page.locator('[data-testid="allocation-start"]').click();
    await a.page.locator('[data-testid="allocation-progress"] .ant-progress-status-success').waitFor({ timeout: 120_000 });
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
        assert.deepEqual(errors, [], `${user} ${pathname}`);
        await context.close();
      }
    });
  }
});
