import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { idNumberCheckChar } from '../../core/codes/idNumber.ts';
import { assertFits, demoBrowser, SHOTS as shots, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The credit-bank pages in Chromium: an enterprise opens an employee's learning account with a sign-in and
 * issues an outcome to it; the learner signs in on a phone, issues a credential, shares it as a QR code and the
 * public page verifies the link; a school registrar agrees a rule and decides a transfer item with a reason;
 * then every credit-bank page of every role at 375 px and 1920 px (screenshots in test-results/).
 */
const PAGES: [user: string, pathname: string, testId: string][] = [
  ['student1', '/credit-bank', 'credit-bank-learner'],
  ['learner1', '/credit-bank', 'credit-bank-learner'],
  ['enterprise1', '/credit-bank/issue', 'cb-issuer-page'],
  ['school1', '/credit-bank/registrar', 'cb-registrar-page'],
  ['admin', '/credit-bank/stats', 'cb-bureau-page"][aria-busy="false'],
  ['district_jinshui', '/credit-bank/stats', 'cb-bureau-page"][aria-busy="false'],
];
const idNumber = () => {
  const first17 = `4101051988070${String(1000 + (Date.now() % 9000))}`;
  return first17 + idNumberCheckChar(first17);
};

describe('credit bank pages', () => {
  const app = demoBrowser('cb');
  const { signedIn, call } = app;

  test('an employee’s account and sign-in, an outcome issued by hand, a credential shared as a QR code and verified', async () => {
    const e = await signedIn('enterprise1');
    const l = { context: null as BrowserContext | null };
    try {
      await e.page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
      await e.page.goto(`${app.url}/credit-bank/issue`);
      await e.page.getByRole('tab', { name: '学习者开户' }).click();
      const form = e.page.locator('[data-testid="cb-learner-account"]');
      await form.locator('#holderName').fill('王建国');
      await form.locator('#idNumber').fill(idNumber());
      const username = `lrn${Date.now() % 1_000_000}`;
      await form.locator('#username').fill(username);
      await form.getByRole('button', { name: /开\s*户/ }).click();
      const initial = (await e.page.locator('[data-testid="cb-initial-password"]').innerText()).trim();
      const accountNo = (await e.page.locator('[data-testid="cb-opened-account-no"]').innerText()).trim();
      assert.match(accountNo, /^CB\d{14}$/);
      await e.page.screenshot({ path: path.join(shots, 'credit-bank-learner-account-desktop.png'), fullPage: true });

      // One outcome by hand through the form (the default kind, 企业培训课程, asks for hours).
      await e.page.getByRole('tab', { name: '逐项签发' }).click();
      const issue = e.page.locator('[data-testid="cb-issue-form"]');
      await issue.locator('#accountNo').fill(accountNo);
      await issue.locator('#title').fill('焊接工艺岗前培训');
      // A date picker in YYYY-MM-DD (not the browser's mm/dd/yyyy): typed, then confirmed with Enter.
      await issue.locator('#achievedOn').fill('2025-03-01');
      await issue.locator('#achievedOn').press('Enter');
      assert.equal(await issue.locator('#achievedOn').inputValue(), '2025-03-01');
      await issue.locator('#hours').fill('40');
      await issue.locator('#evidenceNote').fill('培训考核合格');
      await issue.getByRole('button', { name: /签\s*发/ }).click();
      await e.page.getByText(/已签发给 王建国/).waitFor();
      await e.page.getByRole('tab', { name: '已签发' }).click();
      await e.page.locator('[data-testid="cb-issued"]').getByText('焊接工艺岗前培训').waitFor();

      // The learner signs in on a phone, replaces the one-time password, and shares a credential.
      const learner = await signedIn(username, VIEWPORTS[0], { password: initial, home: false });
      l.context = learner.context;
      const p = learner.page;
      await p.waitForURL(/change-password/);
      await p.fill('#currentPassword', initial);
      await p.fill('#newPassword', 'Learner#2025abc');
      await p.fill('#confirmPassword', 'Learner#2025abc');
      await p.getByRole('button', { name: '确认修改' }).click();
      await p.locator('[data-testid="home"][data-role="learner"]').waitFor({ timeout: 30_000 });
      await p.goto(`${app.url}/credit-bank`);
      const mine = p.locator('[data-testid="credit-bank-learner"]');
      await mine.getByText('焊接工艺岗前培训').waitFor();
      await mine.getByRole('button', { name: '出具凭证' }).first().click();
      await mine
        .getByRole('button', { name: /分\s*享/ })
        .first()
        .click();
      await p.locator('[data-testid="credential-qr"]').waitFor();
      await p.screenshot({ path: path.join(shots, 'credit-bank-share-qr-phone.png') });
      const link = (await p.locator('[data-testid="credential-link"]').innerText()).trim();
      assert.match(link, /\/credit-bank\/verify\?id=[0-9a-f-]{36}$/);

      // The QR code's link opens the public page, which verifies the credential without a sign-in.
      const anon = await app.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
      try {
        const v = await anon.newPage();
        await v.goto(link);
        await v.getByText(/凭证有效/).waitFor();
        await v.screenshot({ path: path.join(shots, 'credit-bank-verify-phone.png'), fullPage: true });
        // A link pasted into the box is followed as well.
        await v.goto(`${app.url}/credit-bank/verify`);
        await v.locator('textarea').fill(link);
        await v.getByRole('button', { name: /验\s*证/ }).click();
        await v.getByText(/凭证有效/).waitFor();
        assert.match(v.url(), /id=/);
      } finally {
        await anon.close();
      }
      assert.deepEqual([...e.errors, ...learner.errors], []);
    } finally {
      await e.context.close();
      await l.context?.close();
    }
  });

  test('a registrar agrees a rule and decides a pending transfer item with a reason', async () => {
    const s = await signedIn('student1');
    const e = await signedIn('enterprise1');
    const r = await signedIn('school1');
    try {
      await s.page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
      await e.page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
      await r.page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
      const me = (await call(s.page, 'GET', '/api/credit-bank/accounts/me')).body;
      const student = (await call(s.page, 'GET', '/api/students')).body.items[0];
      assert.ok(student?.programId, 'the demo student studies a program');
      const enterpriseId = (await call(e.page, 'GET', '/api/auth/me')).body.roles[0].organisation.id;
      const schoolId = (await call(r.page, 'GET', '/api/auth/me')).body.roles[0].organisation.id;
      const key = `bt-${Date.now()}`;
      const cert = await call(e.page, 'POST', '/api/credit-bank/outcomes', {
        accountNo: me.accountNo,
        kind: 'skillCertificate',
        code: 'ROBOT-3',
        title: '工业机器人操作与运维（中级）',
        level: 3,
        field: '4603',
        achievedOn: '2025-01-10',
        evidenceUrl: 'https://example.org/cert.pdf',
        idempotencyKey: `${key}-a`,
      });
      assert.equal(cert.status, 201, JSON.stringify(cert.body));
      const course = await call(e.page, 'POST', '/api/credit-bank/outcomes', {
        accountNo: me.accountNo,
        kind: 'trainingCourse',
        code: 'PLC-1',
        title: 'PLC 编程培训',
        hours: 48,
        achievedOn: '2025-02-01',
        evidenceNote: '培训考核合格',
        idempotencyKey: `${key}-b`,
      });
      assert.equal(course.status, 201);
      const rule = await call(e.page, 'POST', '/api/credit-bank/rules', {
        scope: 'outcome',
        issuerId: enterpriseId,
        outcomeKind: 'skillCertificate',
        outcomeCode: 'ROBOT-3',
        targetSchoolId: schoolId,
        targetCourseCode: 'JQR-201',
        targetCourseName: '工业机器人现场编程',
        creditMode: 'fixed',
        creditValue: 3,
        effectiveFrom: '2024-09-01',
      });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));

      // The registrar agrees in the page; the rule comes into force.
      await r.page.goto(`${app.url}/credit-bank/registrar`);
      await r.page.getByRole('tab', { name: '认定规则' }).click();
      const rules = r.page.locator('[data-testid="cb-rules"]');
      await rules
        .getByRole('button', { name: /同\s*意/ })
        .first()
        .click();
      await rules.getByText('生效', { exact: true }).first().waitFor();
      await r.page.screenshot({ path: path.join(shots, 'credit-bank-rules-desktop.png'), fullPage: true });

      const t = await call(s.page, 'POST', '/api/credit-bank/transfers', {
        programId: student.programId,
        outcomeIds: [cert.body.id, course.body.id],
      });
      assert.equal(t.status, 201, JSON.stringify(t.body));
      await r.page.getByRole('tab', { name: '转换申请' }).click();
      // The student's request, not learner1's demo one the queue showed before it refreshed.
      await r.page.locator('[data-testid="cb-transfer-row"]', { hasText: me.accountNo }).getByRole('button', { name: '审核' }).click();
      const detail = r.page.locator('[data-testid="cb-transfer-detail"]');
      await detail.getByText('按规则自动认定').waitFor();
      await detail.locator('#courseCode').fill('PLC-101');
      await detail.locator('#courseName').fill('可编程控制器应用');
      await detail.locator('#credits').fill('2');
      await detail.locator('#reason').fill('培训内容与课程标准一致，考核合格');
      await r.page.screenshot({ path: path.join(shots, 'credit-bank-transfer-review-desktop.png') });
      await detail.getByRole('button', { name: '提交认定结果' }).click();
      await detail.getByText('人工认定').waitFor();
      const done = await call(s.page, 'GET', `/api/credit-bank/transfers/${t.body.id}`);
      assert.equal(done.body.status, 'completed');
      assert.deepEqual([...s.errors, ...e.errors, ...r.errors], []);
    } finally {
      await Promise.all([s.context.close(), e.context.close(), r.context.close()]);
    }
  });

  test('the registrar’s lists are stacked rows on a phone and a table on a desktop; learner1’s demo transfer waits there', async () => {
    for (const vp of VIEWPORTS) {
      const { context, page, errors } = await signedIn('school1', vp);
      try {
        await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
        await page.goto(`${app.url}/credit-bank/registrar`);
        const transfers = page.locator('[data-testid="cb-transfers"]');
        await transfers.locator('[data-testid="cb-transfer-row"]').first().waitFor({ timeout: 30_000 });
        await transfers.getByText('在职学习，申请认定企业培训与证书').first().waitFor();
        await page.getByRole('tab', { name: '认定规则' }).click();
        const rules = page.locator('[data-testid="cb-rules"]');
        await rules.locator('[data-testid="cb-rule-row"]').first().waitFor();
        await rules.getByText('可编程控制器应用技术', { exact: false }).first().waitFor();
        const tables = await page.locator('[data-testid="cb-registrar-page"] .ant-table').count();
        // Nothing inside the page scrolls sideways: no table with a horizontal scroll on the phone.
        const wide = await page.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid="cb-registrar-page"] *')].filter(
              (el) =>
                el.scrollWidth > el.clientWidth + 1 &&
                getComputedStyle(el).overflowX !== 'visible' &&
                getComputedStyle(el).overflowX !== 'hidden',
            ).length,
        );
        if (vp.name === 'phone') {
          assert.equal(tables, 0, 'stacked rows, not a table');
          assert.equal(wide, 0, 'no element scrolls sideways');
        } else assert.ok(tables >= 1, 'a table on a desktop');
        const settled = () => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
        await settled();
        await page.screenshot({ path: path.join(shots, `credit-bank-registrar-rules-${vp.name}.png`), fullPage: true });
        await page.getByRole('tab', { name: '转换申请' }).click();
        await transfers.locator('[data-testid="cb-transfer-row"]').first().waitFor();
        await settled();
        await page.screenshot({ path: path.join(shots, `credit-bank-registrar-transfers-${vp.name}.png`), fullPage: true });
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  for (const vp of VIEWPORTS) {
    for (const [user, pathname, testId] of PAGES) {
      test(`${user} ${pathname} on ${vp.name}`, async () => {
        const { context, page, errors } = await signedIn(user, vp);
        try {
          await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
          await page.goto(`${app.url}${pathname}`);
          await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 30_000 });
          await page.waitForLoadState('networkidle');
          await assertFits(page, `${vp.width}px`);
          await page.screenshot({
            path: path.join(shots, `credit-bank-${user}${pathname.replace(/\//g, '-')}-${vp.name}.png`),
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
