import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { Database } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openTestDatabase } from '../helpers/db';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without Debian's chromium the browser tests skip locally (saying so) but fail in CI, which installs it. */
export const browserSkipReason = fs.existsSync(CHROMIUM) ? null : `${CHROMIUM} not found: apt-get install -y chromium (or run .ci/run)`;
if (browserSkipReason && process.env.CI) throw new Error(`browser tests need chromium: ${browserSkipReason}`);

const root = path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, '.ecer/screenshots');

export type BrowserRig = { url: string; database: Database; browser: Browser; close(): Promise<void> };

/** The real server (the web app built by the global setup, a fresh seeded PGlite) on a free port, and a headless Debian chromium. */
export async function startBrowserRig(): Promise<BrowserRig> {
  const config = loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
  const database = await openTestDatabase('pglite');
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    url,
    database,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Saves a screenshot of the page under .ecer/screenshots (for failures and for looking). */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A browser context signed in as the user, through the API (no form to click through). */
export async function signedInContext(rig: BrowserRig, username: string, password: string, locale = 'zh-CN') {
  const res = await fetch(`${rig.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const token = /ecer_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`login of ${username} failed: ${res.status}`);
  const context = await rig.browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: 'ecer_session', value: token, url: rig.url }]);
  return { context, cookie: `ecer_session=${token}` };
}
