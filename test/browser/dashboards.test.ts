import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorId } from '../factories';
import { type BrowserRig, browserSkipReason, callApi, countyPoint, signedInPages, snap, startBrowserRig, stepsOf } from './helpers';

const I03 = '化学需氧量重点工程减排量';
const MAP = '县区指标进展地图';

describe.skipIf(browserSkipReason)(`dashboards: county, department, and the city's county map${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages = {} as Record<'county' | 'eco' | 'steering', Page>;
  const step = stepsOf('dashboards', pages);

  beforeAll(async () => {
    rig = await startBrowserRig();
    const i03 = await indicatorId(rig.database.db, 'I03');
    const signedIn = await signedInPages(rig, { steering: 'steering', county: 'county', eco: 'department' }); // 章贡区, 市生态环境局
    Object.assign(pages, signedIn.pages);
    const call = (who: keyof typeof pages, method: string, path: string, body?: object) => callApi(rig, signedIn.cookies[who], method, path, body);
    // 章贡区's share of COD (I03) is 7000 t; it reports 5000 t for 2024 and the steering office approves.
    await call('steering', 'PUT', `/api/reporting/allocations/${i03}`, { shares: [{ regionCode: '360702', target: 7000 }] });
    const report = await call('county', 'POST', '/api/reporting/reports', { indicatorId: i03, periodKey: '2024', regionCode: '360702', value: 5000, narrative: '章贡区 2024 年减排 5000 吨' });
    await call('steering', 'POST', `/api/reporting/reports/${report.id}/approve`, {});
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** Moves the mouse over a county of the map; a few pixels off still land in it, so look around until the tooltip names it. */
  const hoverCounty = async (page: Page, name: string) => {
    const { x, y } = await countyPoint(page, MAP, name);
    for (const [dx, dy] of [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4], [8, 8], [-8, -8], [8, -8], [-8, 8]] as const) {
      await page.mouse.move(x + dx, y + dy);
      await page.waitForTimeout(150);
      if (await page.getByText(new RegExp(`^${name}$`)).and(page.locator('b')).count()) return;
    }
  };
  const i03Row = (page: Page) => page.getByRole('row', { name: new RegExp(`I03 ${I03}`) });

  it('shows a county its share, a department its own indicators, and the city the county map', async () => {
    await step('county', async () => {
      const page = pages.county;
      // Asking for the city, a county user still gets its own dashboard.
      await page.goto(`${rig.url}/reporting/dashboard?year=2024&focus=city`);
      await page.getByRole('heading', { name: '进展看板', level: 1 }).waitFor();
      await page.locator('.ant-tag', { hasText: /^章贡区$/ }).waitFor();
      const row = i03Row(page);
      await row.waitFor();
      await expect(page.getByRole('columnheader', { name: '分解目标' }).count()).resolves.toBe(1);
      // 5000 t of its 7000 t share after 4 of 5 years: completion 71% < 80% expected, but ≥ 0.8 × 80% → at risk.
      await expect(row.innerText()).resolves.toMatch(/7,?000 吨[\s\S]*5,?000 吨[\s\S]*71% \/ 80%[\s\S]*有风险/);
      await expect(page.getByRole('status', { name: '各状态指标数' }).innerText()).resolves.toMatch(/有风险 1/);
      expect(await page.getByRole('img', { name: MAP }).count()).toBe(0);
      await page.getByRole('button', { name: /导出 Excel：指标进展-章贡区-2024/ }).waitFor();
      await page.getByRole('button', { name: /导出 Excel：重点任务进展-章贡区-2024/ }).waitFor();
      await row.click();
      await page.getByRole('img', { name: `I03 ${I03} 进展轨迹图` }).waitFor();
      await page.waitForTimeout(500); // the chart's entry animation
      await snap(page, 'dashboards-county-zh');
    });

    await step('department', async () => {
      const page = pages.eco;
      await page.goto(`${rig.url}/reporting/dashboard?year=2024`);
      await page.getByRole('heading', { name: '进展看板', level: 1 }).waitFor();
      await page.locator('.ant-segmented-item-selected', { hasText: '部门' }).waitFor();
      await page.locator('.ant-select-selection-item', { hasText: '市生态环境局' }).waitFor();
      const row = i03Row(page);
      await row.waitFor();
      await expect(row.innerText()).resolves.toMatch(/13,?451 吨/); // the city's target, not a county's share
      await page.getByRole('button', { name: /导出 Excel：指标进展-市生态环境局-2024/ }).waitFor();
      await snap(page, 'dashboards-department-zh');
    });

    await step('city-map', async () => {
      const page = pages.steering;
      await page.goto(`${rig.url}/reporting/dashboard?year=2024`);
      await page.locator('.ant-segmented-item-selected', { hasText: '全市' }).waitFor();
      await page.getByRole('img', { name: MAP }).waitFor();
      const zhanggong = page.getByRole('row', { name: /^章贡区/ });
      await zhanggong.waitFor();
      await expect(zhanggong.innerText()).resolves.toMatch(/^章贡区\s+1\s+0\/1\s+0%/);
      await expect(page.getByRole('row', { name: /^南康区/ }).innerText()).resolves.toMatch(/暂无数据/);
      await page.getByText('逾期报送单位').waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      // The map's tooltip for 章贡区: hover where ECharts draws it (computed from the map file as ECharts lays it out).
      await hoverCounty(page, '章贡区');
      const tooltip = page.locator('div', { hasText: /^章贡区\s*达标或正常 0\/1（0%）\s*逾期 \d+ 期$/ }).last();
      await tooltip.waitFor();
      await snap(page, 'dashboards-city-map-zh');
      // A click on the county in the map opens its dashboard.
      await page.mouse.down();
      await page.mouse.up();
      await page.locator('.ant-segmented-item-selected', { hasText: '县区' }).waitFor();
      expect(new URL(page.url()).searchParams.get('focus')).toBe('region:360702');
      await expect(i03Row(page).innerText()).resolves.toMatch(/7,?000 吨[\s\S]*有风险/);
      expect(await page.getByRole('img', { name: MAP }).count()).toBe(0);
      // So does its name in the table, which also lists the zones the map has no polygon for.
      await page.goBack();
      await page.getByRole('row', { name: /^赣州经开区/ }).waitFor();
      await page.getByRole('row', { name: /^章贡区/ }).getByRole('button', { name: '章贡区', exact: true }).click();
      await page.locator('.ant-segmented-item-selected', { hasText: '县区' }).waitFor();
      expect(new URL(page.url()).searchParams.get('focus')).toBe('region:360702');
      await i03Row(page).waitFor();
    });

    await step('city-map-english', async () => {
      const page = pages.steering;
      await page.goto(`${rig.url}/reporting/dashboard?year=2024&focus=city`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('img', { name: 'County progress map' }).waitFor();
      await page.getByRole('row', { name: /^章贡区/ }).getByText('0/1').waitFor();
      await page.waitForTimeout(800);
      await snap(page, 'dashboards-city-map-en');
      await page.getByRole('button', { name: '中文' }).click();
    });
  });
});
