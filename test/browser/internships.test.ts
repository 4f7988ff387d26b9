import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The internship pages in Chromium: an enterprise's publishing refused with the rule named, then a post
 * published, found and applied for by a student on a phone, approved by the school, accepted by the
 * enterprise; the school naming a mentor and refused a completion (the reason shown) at 1920 px, the enterprise
 * naming its mentor and terminating an internship on a phone; then every internship page of every role at
 * 375 px and 1920 px (screenshots in test-results/). The demo city has internships under way (server/demo/internships.ts).
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
  kind: 'placement',
  positionStaff: 30,
  places: 2,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  // After student1's running demo internship (it ends about four months from now): overlapping ones are refused.
  insurance: 'enterprise',
  startDate: `${nextYear}-06-01`,
  endDate: `${nextYear}-11-30`,
  location: '郑州市经开区第八大街',
};

describe('internship pages', () => {
  const app = demoBrowser('intern');
  const { signedIn, call } = app;

  test('publish refused with the rule named, then published, applied for, approved and accepted', async () => {
    const e = await signedIn('enterprise1');
    const tag = `数控${Date.now() % 100000}`;
    try {
      const bad = await call(e.page, 'POST', '/api/internship-posts', {
        ...terms,
        title: `${tag}夜班岗`,
        monthlyPayYuan: 2000,
        nightShift: true,
      });
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

    for (const [user, testId] of [
      ['school1', 'internship-review'],
      ['enterprise1', 'internship-applicants'],
    ] as const) {
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
      await mine.page
        .locator('[data-testid="application-card"]', { hasText: `${tag}车床实习` })
        .getByText('企业已接收')
        .waitFor();
      await mine.page.goto(`${app.url}/internships/my`);
      await mine.page.locator('[data-testid="agreement"]').waitFor();
    } finally {
      await mine.context.close();
    }
  });

  /** The first internship of a status on the school's or the enterprise's 实习学生 page, opened in its drawer. */
  async function openIntern(page: Page, statusLabel: string) {
    await page.goto(`${app.url}/internships/interns`);
    await page.locator('[data-testid="internship-interns"] .ant-segmented').getByText(statusLabel, { exact: true }).click();
    // A table row on a desktop, a stacked row on a phone: either opens the internship.
    await page.locator('[data-testid="internship-interns"] [data-testid="intern-row"]').first().click();
    const view = page.locator('[data-testid="internship-view"]');
    await view.waitFor();
    return view;
  }
  const confirm = (page: Page) => page.locator('.ant-modal-confirm .ant-modal-confirm-btns .ant-btn').last().click();

  test('the school names a mentor and is told why it cannot complete yet (1920 px)', async () => {
    const { context, page, errors } = await signedIn('school1');
    try {
      const waiting = await openIntern(page, '待开始');
      const mentors = waiting.locator('[data-testid="mentors"]');
      await mentors.locator('[data-testid="mentor-teacher"]').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      const teacherName = ((await option.textContent()) ?? '').split('（')[0]!.split(' · ')[0]!;
      await option.click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      // The drawer's layout settles late on a loaded machine (Playwright saw the button as never "stable"):
      // submit by the button's own click event, then judge by what the server answered.
      await mentors.locator('[data-testid="mentor-assign"]').dispatchEvent('click');
      await mentors.locator('.ant-descriptions').getByText(teacherName).waitFor();
      await page.screenshot({ path: path.join(shots, 'internships-mentor-school-desktop.png'), fullPage: true });
      await page.keyboard.press('Escape');

      // A running demo internship without evaluations: completion is refused and the reason is shown.
      const running = await openIntern(page, '实习中');
      await running.locator('[data-testid="ending-complete"]').click();
      await page.locator('.ant-modal').getByText('合格（记入学分银行）').click();
      await page.locator('[data-testid="ending-submit"]').click();
      await confirm(page);
      const refusal = page.locator('.ant-modal [data-testid="refusal"]');
      await refusal.waitFor();
      assert.match((await refusal.textContent()) ?? '', /尚缺.*评价/);
      await page.screenshot({ path: path.join(shots, 'internships-complete-refused-desktop.png'), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the enterprise names its mentor and terminates an internship on a phone (375 px)', async () => {
    const { context, page, errors } = await signedIn('enterprise1', VIEWPORTS[0]);
    try {
      const view = await openIntern(page, '待开始');
      const mentors = view.locator('[data-testid="mentors"]');
      await mentors.locator('input#name').fill('周师傅');
      await mentors.locator('input#phone').fill('139 3710 0088');
      await mentors.locator('[data-testid="mentor-assign"]').click();
      await mentors.getByText('周师傅 · 139****0088').waitFor();
      await assertFits(page, `375px`);
      await page.screenshot({ path: path.join(shots, 'internships-mentor-enterprise-phone.png'), fullPage: true });

      await view.locator('[data-testid="ending-terminate"]').click();
      await page.locator('[data-testid="ending-reason"]').fill('企业生产线调整，岗位取消');
      await page.screenshot({ path: path.join(shots, 'internships-terminate-phone.png') });
      await page.locator('[data-testid="ending-submit"]').click();
      await confirm(page);
      // Either the status changes or the server's refusal is on screen: name it if so.
      const ended = view.locator('[data-testid="internship-status"]').getByText('已终止');
      await ended.or(page.locator('.ant-modal [data-testid="refusal"]')).first().waitFor();
      assert.ok(
        await ended.isVisible(),
        `terminated, not refused: ${await page
          .locator('.ant-modal [data-testid="refusal"]')
          .textContent()
          .catch(() => '')}`,
      );
      await view.getByText('结束原因：企业生产线调整，岗位取消').waitFor();
      await page.screenshot({ path: path.join(shots, 'internships-terminated-phone.png'), fullPage: true });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('on a phone the interns are stacked rows, not a table; each page has its own title', async () => {
    await app.onPage(
      VIEWPORTS[0],
      async (page) => {
        await page.goto(`${app.url}/internships/interns`);
        const list = page.locator('[data-testid="internship-interns"]');
        await list.locator('[data-testid="intern-row"]').first().waitFor();
        assert.equal(await list.locator('table').count(), 0, 'no table on a phone');
        assert.equal(await page.title(), '实习学生 · 产教');
        await page.goto(`${app.url}/internships/review`);
        await page.locator('[data-testid="internship-review"]').waitFor();
        await page.waitForFunction(() => document.title === '实习申请审核 · 产教');
        return 'internships-interns-stacked';
      },
      'school1',
    );
  });

  test("a student's weekly log is dated with a YYYY-MM-DD picker, not the browser's mm/dd/yyyy field", async () => {
    await app.onPage(
      VIEWPORTS[0],
      async (page) => {
        await page.goto(`${app.url}/internships/my`);
        const week = page.locator('[data-testid="logs"] input#weekStart');
        await week.waitFor();
        assert.notEqual(await week.getAttribute('type'), 'date');
        assert.match(await week.inputValue(), /^\d{4}-\d{2}-\d{2}$/);
        return 'internships-log-date';
      },
      'student1',
    );
  });

  test('placement rates are ordered by rate, or by students placed when asked, with the rate explained', async () => {
    await app.onPage(
      VIEWPORTS[1],
      async (page) => {
        await page.goto(`${app.url}/internships/stats`);
        const rates = page.locator('[data-testid="placement-rates"]');
        await rates.locator('[data-testid="placement-row"]').first().waitFor();
        const total = await rates.locator('[data-testid="placement-total"]').innerText();
        assert.match(total, /已安排岗位实习的学生 \d+ 人 ÷ 可参加岗位实习的学生 \d+ 人/);
        // The table's columns: name, eligible, placed, rate.
        const column = async (i: number) =>
          (
            await rates
              .locator('[data-testid="placement-row"]')
              .evaluateAll((rows, n) => rows.map((r) => (r.querySelectorAll('td')[n] as HTMLElement).innerText), i)
          ).map((t) => (t === '—' ? -1 : parseFloat(t)));
        const descending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);
        const byRate = await column(3);
        assert.ok(byRate.length > 1 && descending(byRate), `highest rate first: ${byRate}`);
        assert.match((await rates.locator('[role="img"]').getAttribute('aria-label')) ?? '', /^岗位实习率（由高到低）/);
        await rates.locator('[data-testid="placement-order"]').getByText('按已安排人数').click();
        await rates.locator('[role="img"][aria-label^="已安排岗位实习人数（由高到低）"]').waitFor();
        const byPlaced = await column(2);
        assert.ok(descending(byPlaced), `most placed first: ${byPlaced}`);
        return 'internships-placement-order';
      },
      'admin',
    );
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
          await assertFits(page, `${vp.width}px`);
          await page.screenshot({
            path: path.join(shots, `internships-${pathname.split('/').slice(2).join('-') || 'find'}-${user}-${vp.name}.png`),
            fullPage: true,
          });
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  }
});
