import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The internship pages in Chromium: an enterprise's publishing refused with the rule named, then a post
 * published, found and applied for by a student on a phone, approved by the school, accepted by the
 * enterprise; then every internship page of every role at 375 px and 1920 px (screenshots in test-results/).
 */
const PAGES: [user: string, pathname: string, testId: string][] = [
  ['student1', '/internships', 'internship-find'],
  ['student1', '/internships/applications', 'internship-applications'],
  ['student1', '/internships/my', 'my-internship'],
  ['school1', '/internships/review', 'internship-review'],
  ['school1', '/internships/interns', 'internship-interns'],
  ['enterprise1', '/internships/posts', 'internship-posts'],
  ['enterprise1', '/internships/applicants', 'internship-applicants'],
  ['enterprise1', '/internships/interns', 'internship-interns'],
  ['district_jinshui', '/internships/stats', 'internship-stats'],
  ['admin', '/internships/stats', 'internship-stats'],
];
const nextYear = new Date().getFullYear() + 1;
const terms = {
  kind: 'placement', positionStaff: 30, places: 2, samePostWageYuan: 4000, dailyHours: 8, weeklyHours: 40,
  insurance: 'enterprise', startDate: `${nextYear}-03-01`, endDate: `${nextYear}-08-31`, location: '郑州市经开区第八大街',
};

describe('internship pages', () => {
  const app = demoBrowser('intern');
  const { signedIn, call } = app;

  test('publish refused with the rule named, then published, applied for, approved and accepted', async () => {
    const e = await signedIn('enterprise1');
    const tag = `数控${Date.now() % 100000}`;
    try {
      const bad = await call(e.page, 'POST', '/api/internship-posts', { ...terms, title: `${tag}夜班岗`, monthlyPayYuan: 2000, nightShift: true });
      assert.equal(bad.status, 201);
      const good = await call(e.page, 'POST', '/api/internship-posts', { ...terms, title: `${tag}车床实习`, monthlyPayYuan: 3600 });
      assert.equal(good.status, 201);
      await e.page.goto(`${app.url}/internships/posts`);
      const badCard = e.page.locator('[data-testid="owned-post"]', { hasText: `${tag}夜班岗` });
      await badCard.locator('[data-testid="post-publish"]').click();
      const refusal = badCard.locator('[data-testid="refusal"]');
      await refusal.waitFor();
      const text = await refusal.textContent();
      assert.match(text ?? '', /岗位实习报酬下限/);
      assert.match(text ?? '', /禁止安排的实习内容/);
      await e.page.screenshot({ path: path.join(shots, 'internships-publish-refused-desktop.png'), fullPage: true });
      const goodCard = e.page.locator('[data-testid="owned-post"]', { hasText: `${tag}车床实习` });
      await goodCard.locator('[data-testid="post-publish"]').click();
      await goodCard.getByText('已发布').waitFor();
      assert.deepEqual(e.errors, []);
    } finally {
      await e.context.close();
    }

    const s = await signedIn('student1', VIEWPORTS[0]);
    try {
      await s.page.goto(`${app.url}/internships`);
      await s.page.locator('[data-testid="post-search"] input').fill(tag);
      await s.page.locator('[data-testid="post-search"] input').press('Enter');
      const card = s.page.locator('[data-testid="post-card"]', { hasText: `${tag}车床实习` });
      await card.click();
      await s.page.locator('[data-testid="internship-post"]').getByText('企业投保').waitFor();
      await s.page.click('[data-testid="apply"]');
      await s.page.getByText('已提交申请').first().waitFor();
      await s.page.screenshot({ path: path.join(shots, 'internships-applied-phone.png'), fullPage: true });
      assert.deepEqual(s.errors, []);
    } finally {
      await s.context.close();
    }

    for (const [user, testId] of [['school1', 'internship-review'], ['enterprise1', 'internship-applicants']] as const) {
      const u = await signedIn(user);
      try {
        await u.page.goto(`${app.url}/internships/${user === 'school1' ? 'review' : 'applicants'}`);
        const card = u.page.locator(`[data-testid="${testId}"] [data-testid="decision-card"]`, { hasText: `${tag}车床实习` });
        await card.locator('[data-testid="decide"]').click();
        await card.waitFor({ state: 'detached' });
        assert.deepEqual(u.errors, []);
      } finally {
        await u.context.close();
      }
    }

    const mine = await signedIn('student1', VIEWPORTS[0]);
    try {
      await mine.page.goto(`${app.url}/internships/applications`);
      await mine.page.locator('[data-testid="application-card"]', { hasText: `${tag}车床实习` }).getByText('企业已接收').waitFor();
      await mine.page.goto(`${app.url}/internships/my`);
      await mine.page.locator('[data-testid="agreement"]').waitFor();
    } finally {
      await mine.context.close();
    }
  });

  for (const vp of VIEWPORTS) {
    for (const [user, pathname, testId] of PAGES) {
      test(`${pathname} as ${user} on ${vp.name}`, async () => {
        const { context, page, errors } = await signedIn(user, vp);
        try {
          await page.goto(`${app.url}${pathname}`);
          await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 15_000 });
          await page.waitForLoadState('networkidle');
          // The data has arrived: no spinner or skeleton left (the shared test machine can be slow).
          await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton'), undefined, { timeout: 30_000 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `no horizontal scrolling at ${vp.width}px (overflow ${overflow}px)`);
          await page.screenshot({ path: path.join(shots, `internships-${pathname.split('/').slice(2).join('-') || 'find'}-${user}-${vp.name}.png`), fullPage: true });
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
