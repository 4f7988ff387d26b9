import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { seededDemoFolder } from './demo-template.ts';
import { startServer, type RunningServer } from './process.ts';

/**
 * Tables wider than the box that shows them: a table scrolling sideways inside its container, or cut off by it,
 * which the page's own scroll width does not reveal. Each as "caption: scroll width > box width".
 */
export function cutOffTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (el: Element) => el.getClientRects().length > 0;
    const named = (el: Element) => {
      const box = el.closest('[data-testid]');
      const head = el.querySelector('th')?.textContent?.trim();
      return `${box ? box.getAttribute('data-testid') : el.className || el.tagName}${head ? `（${head}…）` : ''}`;
    };
    const out: string[] = [];
    for (const table of document.querySelectorAll('table')) {
      if (!visible(table)) continue;
      // The scroll container of an Ant Design table, else the table's parent.
      const box = table.closest('.ant-table-content, .ant-table-body, .ant-table-header') ?? table.parentElement!;
      const width = Math.round(table.getBoundingClientRect().width);
      const inner = Math.round(box.getBoundingClientRect().width);
      if (box.scrollWidth > box.clientWidth + 1 || width > inner + 1)
        out.push(`${named(table)}: ${Math.max(width, box.scrollWidth)} > ${inner}`);
    }
    return out;
  });
}

/** Nothing scrolls sideways: neither the page nor any table inside its box (`what` names the page in the message). */
export async function assertFits(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${what}: no horizontal scrolling (overflow ${overflow}px)`);
  const cut = await cutOffTables(page);
  assert.deepEqual(cut, [], `${what}: tables wider than their box: ${cut.join('; ')}`);
}

/** Every demo account's password in browser tests. */
export const DEMO_PASSWORD = 'Browser-Test-2025';
/** The two screens every page must work on: a student's phone and the bureau's large screen. */
export const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1920, height: 1080 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];
/** Where screenshots land for people to look at. */
export const SHOTS = path.resolve('test-results');

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Runs in every page before its scripts: what the Content Security Policy blocks, as "directive blocked-URI". */
function collectCspViolations() {
  const seen: string[] = ((window as unknown as { cspViolations?: string[] }).cspViolations = []);
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

/** The CSP violations the page has logged since the last call (each page of a session is checked once). */
export async function takeCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations?.splice(0) ?? []);
}

/**
 * One browser test file's world: a server on its own tiny demo city (its own data folder, removed afterwards)
 * and Debian's Chromium, started before the file's tests and stopped after them. Call it inside `describe`.
 */
export function demoBrowser(name: string) {
  let server: RunningServer;
  let browser: Browser;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `chanjiao-browser-${name}-`));
  before(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const env = { DEMO_SCALE: 'tiny', DEMO_PASSWORD };
    await seededDemoFolder(env, dataDir);
    server = await startServer({ ...env, DATA_DIR: dataDir });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const world = {
    get url() {
      return server.url;
    },
    get browser() {
      return browser;
    },

    /** A fresh context at a viewport, collecting the page's script errors. */
    async open(vp: Viewport = VIEWPORTS[1]): Promise<Session> {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, locale: 'zh-CN' });
      const page = await context.newPage();
      // A busy CI machine can take a while; what fails here never renders at all.
      page.setDefaultTimeout(60_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript(collectCspViolations);
      return { context, page, errors };
    },

    /** Fills in and submits the sign-in form the page is showing (keeping its `next` address). */
    async submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
      await page.fill('#username', username);
      await page.fill('#password', password);
      await page.click('[data-testid="login-submit"]');
    },

    /** Signs in from the sign-in page; waits for the home page unless the account must first change its password. */
    async signIn(page: Page, username: string, o: { password?: string; home?: boolean } = {}) {
      await page.goto(`${server.url}/login`);
      await world.submitSignIn(page, username, o.password);
      if (o.home !== false) await page.locator('[data-testid="home"]').waitFor({ timeout: 30_000 });
    },

    async signedIn(username: string, vp: Viewport = VIEWPORTS[1], o: { password?: string; home?: boolean } = {}): Promise<Session> {
      const session = await world.open(vp);
      await world.signIn(session.page, username, o);
      return session;
    },

    /**
     * A fresh page at a viewport (signed in as `username` when given), the steps run on it, then: no sideways
     * scrolling, no script errors, a screenshot named by the steps' answer (and one of the failure if they throw).
     */
    async onPage(vp: Viewport, steps: (page: Page) => Promise<string>, username?: string) {
      const { context, page, errors } = username ? await world.signedIn(username, vp) : await world.open(vp);
      try {
        const shot = await steps(page);
        await assertFits(page, `${vp.width}px`);
        await page.screenshot({ path: path.join(SHOTS, `${shot}-${vp.name}.png`), fullPage: true });
        assert.deepEqual(errors, []);
      } catch (e) {
        await page.screenshot({ path: path.join(SHOTS, `failed-${vp.name}-${Date.now()}.png`), fullPage: true }).catch(() => {});
        throw e;
      } finally {
        await context.close();
      }
    },

    /** An API call through the signed-in page's session (the set-up the pages under test do not cover). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
      return page.evaluate(
        async ([m, u, b]) => {
          const me = await (await fetch('/api/auth/me')).json();
          const r = await fetch(u as string, {
            method: m as string,
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: b === undefined ? undefined : JSON.stringify(b),
          });
          return { status: r.status, body: await r.json() };
        },
        [method, url, body] as const,
      );
    },
  };
  return world;
}
