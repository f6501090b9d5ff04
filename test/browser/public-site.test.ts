import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserSkipReason, callApi, contextOptions, signedInPages, snap, startBrowserRig, stepsOf } from './helpers';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { ...contextOptions(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const LEVEL_OF = ['章贡区', '南康区', '赣县区'];

type AxeResult = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };

/** axe-core's WCAG 2.1 A/AA rules on the page as it stands; only serious and critical findings fail. */
async function seriousViolations(page: Page) {
  // Evaluated through the DevTools protocol: the site's CSP (script-src 'self') rightly refuses an injected <script>.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  )) as AxeResult;
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(browserSkipReason)(`public site: the steering office publishes a barometer, a citizen's phone shows it on the map${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let s: Awaited<ReturnType<typeof signedInPages<'steering' | 'reviewer'>>>;

  beforeAll(async () => {
    rig = await startBrowserRig();
    s = await signedInPages(rig, { steering: 'steering', reviewer: 'steering' });
    const cookie = s.cookies.steering;
    // Three counties with 2020 and 2021 approved: green (+1 %), yellow (+4.5 % against 6 % growth), red (+8 %).
    const energy2021: Record<string, number> = { '360702': 303, '360703': 313.5, '360704': 324 };
    for (const code of Object.keys(energy2021)) {
      await callApi(rig, cookie, 'PUT', `/api/dualcontrol/targets/${code}`, { basic: 0.125, incentive: null, source: '测试', annual: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, plannedGdpGrowth: 0.06 })) });
      for (const body of [{ periodKey: '2020', energy: 300, gdpCurrent: 500 }, { periodKey: '2021', energy: energy2021[code], gdpGrowth: 0.06 }]) {
        const a = (await callApi(rig, cookie, 'POST', '/api/dualcontrol/accounts', { regionCode: code, ...body })) as { id: number };
        await callApi(rig, s.cookies.reviewer, 'POST', `/api/dualcontrol/accounts/${a.id}/approve`, {}); // never one's own figures
      }
    }
  }, 180_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('publishes the 2021 barometer in the staff tab; /open on a phone colours those counties by level; axe finds nothing serious', async () => {
    const page = s.pages.steering;
    const phone = await (await rig.browser.newContext(PHONE)).newPage();
    const step = stepsOf('public-site', { steering: page, phone });
    await step('publish', async () => {
      await page.goto(`${rig.url}/public?tab=publications`);
      await page.getByRole('combobox', { name: '数据集' }).click({ force: true });
      await page.getByTitle('能耗双控晴雨表', { exact: true }).click();
      await page.getByRole('spinbutton', { name: '年份' }).fill('2021');
      await page.getByRole('button', { name: '预览公开内容' }).click();
      await expect(page.getByRole('region', { name: '预览公开内容' }).innerText()).resolves.toContain('2021 年度能耗双控晴雨表');
      await page.getByRole('button', { name: '发 布' }).or(page.getByRole('button', { name: '发布' })).first().click();
      await page.getByRole('tooltip').getByRole('button', { name: /确\s*定|OK/ }).click();
      await page.getByRole('cell', { name: '2021 年度能耗双控晴雨表' }).waitFor();
      await snap(page, 'public-publications-tab');
    });
    await step('phone map', async () => {
      await phone.goto(`${rig.url}/open`);
      const map = phone.getByRole('img', { name: '能耗双控晴雨表地图' });
      await map.waitFor();
      // The map shows the levels as published (the dual-control module decides them; the snapshot carries them).
      const snapshot = (await (await fetch(`${rig.url}/api/public/open-data/barometer/2021`)).json()) as { snapshot: { regions: Array<{ name: string; overall: number | null }> } };
      const published = snapshot.snapshot.regions.filter((r) => LEVEL_OF.includes(r.name));
      expect(published.every((r) => r.overall !== null)).toBe(true);
      expect(new Set(published.map((r) => r.overall)).size).toBeGreaterThan(1);
      for (const r of published) {
        const shape = map.locator('path', { has: phone.locator('title', { hasText: r.name }) });
        await expect(shape.getAttribute('data-level'), r.name).resolves.toBe(String(r.overall));
      }
      const unrated = map.locator('path', { has: phone.locator('title', { hasText: '瑞金市' }) });
      await expect(unrated.getAttribute('data-level')).resolves.toBe('');
      // Phone first: nothing wider than the screen.
      await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      await expect(phone.getByRole('link', { name: /^Excel\s*：下载 2021 年度能耗双控晴雨表（Excel）/ }).getAttribute('href')).resolves.toBe('/api/public/open-data/barometer/2021/xlsx');
      await snap(phone, 'public-home-phone');
    });
    await step('axe', async () => {
      for (const path of ['/open', '/open/report', '/open/commitments', '/open/news']) {
        await phone.goto(`${rig.url}${path}`);
        await phone.waitForLoadState('networkidle');
        expect(await seriousViolations(phone), path).toEqual([]);
      }
      const desktop = await (await rig.browser.newContext(contextOptions())).newPage();
      await desktop.goto(`${rig.url}/open`);
      await desktop.getByRole('img', { name: '能耗双控晴雨表地图' }).waitFor();
      expect(await seriousViolations(desktop), '/open desktop').toEqual([]);
      await snap(desktop, 'public-home-desktop');
    });
  });
});
