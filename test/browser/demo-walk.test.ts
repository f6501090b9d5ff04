import fs from 'node:fs';
import path from 'node:path';
import { type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/ids';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openTestDatabase } from '../helpers/db';
import { type LoadedDemoCity, loadDemoCity } from '../helpers/demo';
import { type BrowserRig, browserSkipReason, CHROMIUM, signedInContext } from './helpers';

/**
 * Issue #12: a walk through every page of every role's menu on the small demo city (the generator `npm run demo`
 * uses), with the 演示数据 banner on each, no console or page errors and no failed API call, and a screenshot of each
 * page under test-results/demo-walk/<role>/ to look at.
 */
const ROLES = { admin: 'demo-admin', steering: 'demo-steering', department: 'demo-sthjj', county: 'demo-360702', enterprise: 'demo-e1' } as const;
const BANNER = '演示数据：本平台当前载入的是程序生成的演示城市';
const OPEN_BANNER = '演示数据：本网站当前展示的是程序生成的演示城市';
const shotDir = path.resolve(import.meta.dirname, '../../test-results/demo-walk');

/** Console errors, page errors and API answers ≥ 400 seen on a page since the last take(). */
function watch(page: Page) {
  let problems: string[] = [];
  page.on('console', (m) => {
    // A failed request is also logged to the console; the response handler below reports it with its address.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded with a status of')) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return () => {
    const seen = problems;
    problems = [];
    return seen;
  };
}

const fileOf = (p: string) => (p === '/' ? 'home' : p.slice(1).replace(/[/?=&]/g, '_'));

async function shoot(page: Page, role: string, name: string) {
  fs.mkdirSync(path.join(shotDir, role), { recursive: true });
  await page.screenshot({ path: path.join(shotDir, role, `${name}.png`), fullPage: true });
}

describe.skipIf(browserSkipReason)(`a walk through the demo city${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let city: LoadedDemoCity;
  let rig: BrowserRig;
  let close: () => Promise<void>;
  beforeAll(async () => {
    city = await loadDemoCity('small', { database: await openTestDatabase('pglite') });
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), city.database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    rig = { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, database: city.database, browser, close: async () => {} };
    close = async () => {
      await browser.close();
      await app.close();
      await city.database.close();
    };
  }, 300_000);
  afterAll(async () => {
    await close?.();
  });

  // The roles walk side by side (each in its own browser context), to keep the whole walk within a few minutes.
  for (const [role, username] of Object.entries(ROLES) as Array<[keyof typeof ROLES, string]>) {
    it.concurrent(`as ${role} (${username}): every page of the menu shows demo data, with no error`, async ({ expect }) => {
      const { context } = await signedInContext(rig, username, DEMO_PASSWORD);
      const page = await context.newPage();
      const problems = watch(page);
      try {
        await page.goto(`${rig.url}/`);
        const menu = page.locator('.ant-layout-sider .ant-menu');
        await menu.waitFor();
        // The admin's 系统管理 entries are in a collapsed submenu: open it so its links are in the page.
        for (const sub of await menu.locator('.ant-menu-submenu-title').all()) await sub.click();
        // The pages of the menu; the admin's 接口文档 (/api/docs) is the API's own page, not the app's.
        const links = await menu.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
        const paths = [...new Set(links.filter((href) => !href.startsWith('/api/')))];
        expect(paths.length, 'menu entries').toBeGreaterThan(8);
        problems();
        const failures: string[] = [];
        for (const p of paths) {
          await page.goto(`${rig.url}${p}`);
          await page.getByRole('heading', { level: 1 }).or(page.getByRole('heading', { level: 2 })).first().waitFor();
          await page.waitForLoadState('networkidle');
          await page.getByRole('status').filter({ hasText: BANNER }).waitFor();
          await shoot(page, role, fileOf(p));
          for (const problem of problems()) failures.push(`${p}: ${problem}`);
        }
        expect(failures, failures.join("\n")).toEqual([]);
      } catch (err) {
        await shoot(page, role, 'failed').catch(() => {});
        throw new Error(`${(err as Error).message}\nseen on the page: ${problems().join('\n')}`);
      } finally {
        await context.close();
      }
    }, 240_000);
  }

  it('the public site /open, with its own demo notice', async () => {
    const context = await rig.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems = watch(page);
    try {
      await page.goto(`${rig.url}/open`);
      await page.getByRole('status').filter({ hasText: OPEN_BANNER }).waitFor();
      await page.waitForLoadState('networkidle');
      await shoot(page, 'public', 'open');
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
