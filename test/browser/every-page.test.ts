import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { type BrowserRig, browserSkipReason, signedInPages, snap, startBrowserRig } from './helpers';

const PAGES = ['/', '/plan', '/mine', '/reporting', '/reporting?tab=settings', '/reporting/dashboard', '/dual-control', '/enterprises', '/reduction', '/monitoring', '/monitoring?tab=alarms', '/monitoring?tab=completeness', '/assessment', '/supervision', '/public', '/admin/audit', '/admin/users', '/no-such-page'];
const UNBUILT = new Set<string>();
// A catalog key left on screen looks like "plan.target" or "nav.home" (a cited document such as "energy.md" is not one).
const KEY_ON_SCREEN = new RegExp(`\\b(?:${[...new Set(Object.keys(zhCN).map((k) => k.split('.')[0]))].join('|')})\\.(?!md\\b)[a-zA-Z][\\w-]*`);

describe.skipIf(browserSkipReason)(`every page in both languages${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let page: Page;
  beforeAll(async () => {
    rig = await startBrowserRig();
    // Signed in through the API (no need to click through the form again).
    page = (await signedInPages(rig, { admin: 'admin' })).pages.admin;
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const visit = async (page: Page, path: string, lang: 'zh-CN' | 'en') => {
    await page.goto(`${rig.url}${path}`);
    await page.getByRole('heading', { level: 1 }).or(page.getByRole('heading', { level: 2 })).first().waitFor();
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    if (KEY_ON_SCREEN.test(text) || (UNBUILT.has(path) && !text.includes(lang === 'en' ? en['module.notBuilt'] : zhCN['module.notBuilt']))) {
      await snap(page, `failed-${lang}${path.replace(/\//g, '_')}`);
    }
    expect(text, `${lang} ${path}`).not.toMatch(KEY_ON_SCREEN);
    if (UNBUILT.has(path)) expect(text).toContain(lang === 'en' ? en['module.notBuilt'] : zhCN['module.notBuilt']);
    return text;
  };

  it('shows every page, unbuilt modules included, with no catalog key left untranslated', async () => {
    for (const path of PAGES) await visit(page, path, 'zh-CN');
    await page.goto(`${rig.url}/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Plan & targets' }).waitFor();
    for (const path of PAGES) {
      const text = await visit(page, path, 'en');
      expect(text).not.toContain('规划目标'); // the menu is English too
    }
  });
});
