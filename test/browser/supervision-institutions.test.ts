import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, callApi, signedInContext, snap, startBrowserRig, stepsOf } from './helpers';

/**
 * 公共机构 (issue #11): 市机关事务管理中心 registers two organs of 章贡区 and sets one a tighter quota; 章贡区 files their
 * use, sees the over-quota one first and in red, opens it, corrects the use (200 kgce/人·a against 250: 80 %), and it drops to within quota.
 */
describe.skipIf(browserSkipReason)(`supervision: public institutions over quota${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages: Record<'county', Page> = {} as never;
  const cookies: Record<'county' | 'jgswzx', string> = {} as never;
  const year = new Date().getFullYear() - 1; // the tab opens on the last full year

  beforeAll(async () => {
    rig = await startBrowserRig();
    const db = rig.database.db;
    const jgswzx = await makeUser(db, 'department', { departmentId: await departmentId(db, '市机关事务管理中心') });
    const county = await makeUser(db, 'county', { regionCode: '360702' });
    cookies.jgswzx = (await signedInContext(rig, jgswzx.username, TEST_PASSWORD)).cookie;
    const c = await signedInContext(rig, county.username, TEST_PASSWORD);
    cookies.county = c.cookie;
    pages.county = await c.context.newPage();
    const make = (name: string, o: object = {}) => callApi(rig, cookies.jgswzx, 'POST', '/api/supervision/institutions', { name, regionCode: '360702', level: 'county', kind: 'organ', staff: 100, floorAreaM2: 3000, ...o });
    const a = await make('章贡区甲局', { economyStatus: 'accepted', economyYear: year });
    const b = await make('章贡区乙局');
    await callApi(rig, cookies.jgswzx, 'PUT', `/api/supervision/institutions/${b.id}/quotas`, { year, kind: 'energy-per-capita', value: 250, source: '赣机管测试' });
    await callApi(rig, cookies.county, 'PUT', `/api/supervision/institutions/${a.id}/uses/${year}`, { months: 12, energyKgce: 20_000 });
    await callApi(rig, cookies.county, 'PUT', `/api/supervision/institutions/${b.id}/uses/${year}`, { months: 12, energyKgce: 30_000 }); // 300 > 250
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const step = stepsOf('supervision-institutions', pages);

  it('puts the over-quota organ first, and its corrected use brings it within quota', async () => {
    const page = pages.county;
    await step('list', async () => {
      await page.goto(`${rig.url}/supervision?tab=institutions`);
      const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await expect.poll(() => first.textContent()).toContain('章贡区乙局');
      expect(await first.textContent()).toContain('超定额');
      await expect.poll(() => page.getByRole('progressbar', { name: '章贡区 建成比例' }).getAttribute('aria-valuenow')).toBe('50');
    });
    await step('correct', async () => {
      await page.getByRole('button', { name: '查看 章贡区乙局' }).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.getByText('赣机管测试').waitFor();
      await drawer.getByLabel('综合能耗（kgce）').fill('20000');
      await drawer.getByRole('button', { name: '填报用能' }).click();
      await page.getByText('用能已保存').waitFor();
      await expect.poll(() => drawer.locator('.ant-tag', { hasText: '超定额' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '章贡区乙局' });
      await expect.poll(() => row.textContent()).toContain('正常');
      await snap(page, 'supervision-institutions');
    });
  });
});
