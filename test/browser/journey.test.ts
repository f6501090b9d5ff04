import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, contextOptions, snap, startBrowserRig, stepsOf } from './helpers';

const NEW_PASSWORD = 'Ganzhou2025-energy';

describe.skipIf(browserSkipReason)(`a new admin's first visit${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let page: Page; // signed out: the admin signs in through the form
  const pages: { admin?: Page } = {};
  const step = stepsOf('journey', pages);
  beforeAll(async () => {
    rig = await startBrowserRig();
    page = pages.admin = await (await rig.browser.newContext(contextOptions())).newPage();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('logs in, must change the password, sees the plan, filters, and switches language', async () => {
    const admin = await makeUser(rig.database.db, 'admin', { username: 'firstadmin', mustChangePassword: true });

    await step('login', async () => {
      await page.goto(rig.url);
      await page.getByLabel('用户名').fill(admin.username);
      await page.getByLabel('密码').fill('wrong-password-1');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByText('用户名或密码错误').first().waitFor();
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
    });

    await step('change-password', async () => {
      await page.getByLabel('当前密码').waitFor();
      await page.getByLabel('当前密码').fill(TEST_PASSWORD);
      await page.getByLabel('新密码', { exact: true }).fill('short');
      await page.getByLabel('确认新密码').fill('short');
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('至少 12 位').first().waitFor();
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('密码已修改').first().waitFor();
    });

    await step('home', async () => {
      await page.getByText('12.5%').first().waitFor();
      expect(await page.getByText('13451').count()).toBeGreaterThan(0);
      await page.locator('canvas').first().waitFor({ timeout: 20_000 });
      await snap(page, 'home-zh');
    });

    await step('plan', async () => {
      await page.getByRole('menuitem', { name: '规划目标' }).click();
      for (const title of ['重点行业绿色升级工程', '园区节能环保提升工程', '城镇绿色节能改造工程', '交通物流节能减排工程', '农业农村节能减排工程', '公共机构能效提升工程', '重点区域污染物减排工程', '煤炭清洁高效利用工程', '挥发性有机物综合整治工程', '环境基础设施水平提升工程']) {
        await page.getByText(title).first().waitFor();
      }
      await page.getByRole('tree').getByText('主要目标').click();
      await page.getByRole('heading', { name: /主要目标/ }).waitFor();
      const intensity = page.getByRole('row', { name: /单位生产总值能源消耗降低率/ });
      await intensity.getByText(/12\.5%/).first().waitFor();
      await intensity.getByText(/13%/).first().waitFor();
      await snap(page, 'plan-zh');
    });

    await step('filter', async () => {
      await page.getByLabel('按部门筛选').click();
      await page.keyboard.type('市生态环境局');
      await page.locator('.ant-select-item-option', { hasText: '市生态环境局' }).first().click();
      await page.getByText('化学需氧量重点工程减排量').first().waitFor();
      await snap(page, 'plan-filter-zh');
    });

    await step('english', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: 'Plan & targets' }).waitFor();
      await snap(page, 'plan-en');
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('menuitem', { name: '规划目标' }).waitFor();
    });
  });
});
