import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoBrowser, VIEWPORTS } from '../support/demo-browser.ts';

/**
 * The security headers in Chromium (issue 19, item 4): the app shell, the API and the API docs page carry the
 * Content Security Policy and its companions, and the pages that draw the most — Ant Design's runtime styles,
 * modals and tables, ECharts on the cockpit — log no CSP violation at 375 px and 1920 px (the page's
 * `securitypolicyviolation` events).
 */
const PAGES: [user: string | null, pathname: string, ready: string, shot: string][] = [
  [null, '/login', '[data-testid="login-submit"]', 'csp-login'],
  [null, '/statistics', '[data-testid="public-statistics"]', 'csp-statistics'],
  ['admin', '/', '[data-testid="home"]', 'csp-home'],
  ['admin', '/cockpit', '[data-testid="cockpit"] canvas', 'csp-cockpit'],
  ['admin', '/registry/schools', '.ant-table-row, .ant-list-item', 'csp-schools'],
  ['school1', '/registry/students', '.ant-table-row, .ant-list-item', 'csp-students'],
];

describe('security headers and the Content Security Policy in Chromium', () => {
  const app = demoBrowser('security');

  /** Violations the page itself reports (a blocked style or script, an inline handler). */
  async function watchViolations(page: Page) {
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }

  test('the shell, the API and the docs page carry the headers', async () => {
    const shell = await fetch(`${app.url}/login`);
    const csp = shell.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.match(csp, /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = csp.match(/style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/)![1]!;
    assert.match(
      await shell.text(),
      new RegExp(`<meta name="csp-nonce" content="${nonce.replace(/[+/]/g, '\\$&')}"`),
      'the shell hands the app its nonce',
    );
    assert.equal(shell.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(shell.headers.get('x-frame-options'), 'DENY');
    assert.equal(shell.headers.get('referrer-policy'), 'same-origin');
    const again = await fetch(`${app.url}/login`);
    assert.notEqual(again.headers.get('content-security-policy'), csp, 'a fresh nonce on every answer');
    const api = await fetch(`${app.url}/api/health`);
    assert.equal(api.headers.get('cache-control'), 'no-store');
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
    const docs = await fetch(`${app.url}/api/docs`);
    const docsNonce = docs.headers.get('content-security-policy')!.match(/style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/)![1]!;
    assert.ok((await docs.text()).includes(`<style nonce="${docsNonce}">`), 'the docs page styles itself under the policy');
  });

  for (const vp of VIEWPORTS) {
    for (const [user, pathname, ready, shot] of PAGES) {
      test(`${pathname}${user ? ` as ${user}` : ''} at ${vp.width}px logs no CSP violation`, async () => {
        await app.onPage(
          vp,
          async (page) => {
            await watchViolations(page);
            await page.goto(`${app.url}${pathname}`);
            await page.locator(ready).first().waitFor();
            await page.waitForLoadState('networkidle');
            assert.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), []);
            // Ant Design's runtime styles carry the nonce (one without it and with content would be a violation above).
            const withNonce = await page.evaluate(() => [...document.querySelectorAll('style')].filter((s) => s.nonce).length);
            assert.ok(withNonce > 0, 'Ant Design wrote its styles with the nonce');
            return shot;
          },
          user ?? undefined,
        );
      });
    }
  }
});
