import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorId } from '../factories';
import { type BrowserRig, browserSkipReason, signedInPages, snap, startBrowserRig, stepsOf } from './helpers';

const PLAN = 'ganzhou-14fyp-ecer';

describe.skipIf(browserSkipReason)(`reporting settings and calendar subscription${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let steering: Page; // 市节能减排办, which keeps the reference values and cadences
  let county: Page; // 章贡区, which subscribes to its calendar
  let steeringCookie: string;
  const pages: Record<string, Page> = {};
  const step = stepsOf('settings', pages);

  beforeAll(async () => {
    rig = await startBrowserRig();
    const signedIn = await signedInPages(rig, { steering: 'steering', county: 'county' });
    Object.assign(pages, signedIn.pages);
    ({ steering, county } = signedIn.pages);
    steeringCookie = signedIn.cookies.steering;
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** Opens 新增版本 of the status rule and fills it in (the ratio typed as given). */
  const fillStatusRule = async (validFrom: string, ratio: string) => {
    const rule = steering.getByRole('region', { name: '进展状态判定规则' });
    if (!(await rule.getByLabel('预警系数', { exact: true }).isVisible())) {
      await steering.getByRole('button', { name: '新增版本：进展状态判定规则' }).click();
      await rule.getByLabel('预警系数', { exact: true }).waitFor();
    }
    const date = rule.getByLabel('生效起', { exact: true });
    await date.click();
    await date.fill(validFrom);
    await date.press('Enter');
    await rule.getByLabel('来源', { exact: true }).fill('市节能减排办 2025 年第 4 次主任会议纪要');
    await rule.getByLabel('预警系数', { exact: true }).fill(ratio);
    await rule.getByRole('button', { name: '保存新版本' }).click();
    return rule;
  };

  it('lets the steering office version the status rule and set a cadence, and a county subscribe to its calendar', async () => {
    await step('status-rule', async () => {
      await steering.goto(`${rig.url}/reporting?tab=settings`);
      await steering.getByRole('tab', { name: '报送设置', selected: true }).waitFor();
      await steering.getByText('已录入的版本不能修改或删除').waitFor();
      await steering.waitForLoadState('networkidle'); // the tables below settle (no layout shift under a click)
      const rule = steering.getByRole('region', { name: '进展状态判定规则' });
      const shipped = rule.getByRole('row', { name: /2021-01-01/ });
      await expect(shipped.innerText()).resolves.toMatch(/至今[\s\S]*预警系数 0\.8[\s\S]*系统预置/);

      await fillStatusRule('2026-01-01', '0.7');
      await steering.getByText('已新增自 2026-01-01 起生效的版本').waitFor();
      const added = rule.getByRole('row', { name: /2026-01-01/ });
      await expect(added.innerText()).resolves.toMatch(/至今[\s\S]*预警系数 0\.7：完成度达到应完成进度的 70% 为预警[\s\S]*本人/);
      await expect(shipped.innerText()).resolves.toContain('2025-12-31');
      await snap(steering, 'settings-status-rule');
    });

    await step('bad-ratio', async () => {
      const rule = await fillStatusRule('2027-01-01', '1.5');
      await rule.getByText('预警系数须大于 0 且小于 1').waitFor();
      // A day that already starts a version: the server's 409 lands on the date.
      await fillStatusRule('2026-01-01', '0.75');
      await rule.getByText('已有自 2026-01-01 起生效的版本').waitFor();
      await snap(steering, 'settings-status-rule-errors');
      expect(await rule.getByRole('row', { name: /2027-01-01/ }).count()).toBe(0);
    });

    await step('cadence', async () => {
      const cadence = steering.getByRole('region', { name: '各指标和任务的报送频次' });
      await cadence.getByLabel('按编号或名称搜索').fill('2.1.1');
      const row = cadence.getByRole('row', { name: /^2\.1\.1 / });
      await expect(row.innerText()).resolves.toMatch(/季度[\s\S]*期末后 10 天[\s\S]*同默认值/);
      await row.getByRole('button', { name: '修改 2.1.1 的报送频次' }).click();
      const dialog = steering.getByRole('dialog', { name: '修改 2.1.1 的报送频次' });
      await dialog.locator('.ant-select', { has: steering.getByLabel('频次', { exact: true }) }).click(); // the selected value covers the input
      await steering.locator('.ant-select-item-option', { hasText: '月度' }).click();
      await dialog.getByRole('button', { name: '保存' }).click();
      await steering.getByText('已更新 2.1.1 的报送频次').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => row.innerText()).toMatch(/月度[\s\S]*期末后 10 天[\s\S]*单独设置/);
      await snap(steering, 'settings-cadence');
      const res = await fetch(`${rig.url}/api/reporting/calendar?plan=${PLAN}&year=2025`, { headers: { cookie: steeringCookie } });
      expect(res.status).toBe(200);
      const calendar = (await res.json()) as { entries: Array<{ code: string; frequency: string; periods: unknown[] }> };
      const task = calendar.entries.find((e) => e.code === '2.1.1');
      expect(task?.frequency).toBe('monthly');
      expect(task?.periods).toHaveLength(12);
    });

    await step('baseline', async () => {
      await steering.goto(`${rig.url}/reporting?tab=cascade`);
      await steering.getByRole('tab', { name: '目标分解', selected: true }).waitFor();
      await steering.getByLabel('选择指标').fill('I02');
      await steering.locator('.ant-select-item-option', { hasText: /^I02 / }).click();
      await steering.getByLabel('章贡区分解目标').fill('100');
      await steering.getByLabel('章贡区基期值').fill('120');
      await steering.getByLabel('南康区基期值').fill('80'); // no target: not saved, and the editor says so
      await steering.getByText('南康区填写了基期值但未填分解目标').waitFor();
      await steering.getByRole('button', { name: '保存分解' }).click();
      await steering.getByText('已保存目标分解').first().waitFor();
      await snap(steering, 'settings-cascade-baseline');
      const i02 = await indicatorId(rig.database.db, 'I02');
      const res = await fetch(`${rig.url}/api/reporting/allocations/${i02}`, { headers: { cookie: steeringCookie } });
      const { shares } = (await res.json()) as { shares: Array<{ regionCode: string; target: number; baselineValue: number | null }> };
      expect(shares).toEqual([{ regionCode: '360702', target: 100, baselineValue: 120 }]);
      // Reloaded, the 基期值 comes back from the server.
      await steering.reload();
      await steering.getByLabel('选择指标').fill('I02');
      await steering.locator('.ant-select-item-option', { hasText: /^I02 / }).click();
      await expect(steering.getByLabel('章贡区基期值').inputValue()).resolves.toBe('120');
    });

    let address = '';
    await step('subscribe', async () => {
      await county.goto(`${rig.url}/reporting`);
      await county.getByRole('heading', { name: '任务进展', level: 1 }).waitFor();
      expect(await county.getByRole('tab', { name: '报送设置' }).count()).toBe(0); // the steering office's only
      await county.getByRole('button', { name: '订阅日历' }).click();
      const dialog = county.getByRole('dialog', { name: '订阅报送日历' });
      await dialog.getByText('从网址订阅').waitFor();
      await dialog.getByRole('button', { name: '生成订阅地址' }).click();
      const field = dialog.getByLabel('订阅地址');
      await field.waitFor();
      address = await field.inputValue();
      expect(address).toMatch(new RegExp(`^${rig.url.replace(/\./g, '\\.')}/api/reporting/calendar/feed/[A-Za-z0-9_-]{43}\\?plan=${PLAN}$`));
      await dialog.getByText('该地址只显示这一次').waitFor();
      await snap(county, 'settings-calendar-feed');
      // A calendar app sends no cookie: the address alone must do.
      const feed = await fetch(address);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    });

    await step('revoke', async () => {
      const dialog = county.getByRole('dialog', { name: '订阅报送日历' });
      await dialog.getByRole('button', { name: '停用订阅' }).click();
      await dialog.getByText('已停用订阅，原订阅地址不再可用').waitFor();
      expect(await dialog.getByLabel('订阅地址').count()).toBe(0);
      expect((await fetch(address)).status).toBe(404);
    });
  });
});
