import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentId, makeEnterprise, makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, callApi, signedInContext, snap, startBrowserRig, stepsOf, pickOption } from './helpers';

/**
 * 专家库 (issue #11 item 3): 市人社局 keeps the pool and records that 周工 consults for a cement plant; 市工信局 (an
 * inspector department) assigns 周工 to review that plant, is shown the conflict, must give a reason, and then may;
 * the training tab lists the plant's energy manager as never trained.
 */
describe.skipIf(browserSkipReason)(`supervision: expert assignment with a conflict of interest${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages: Record<'gxj', Page> = {} as never;
  const PLANT = '赣州某某水泥有限公司';

  beforeAll(async () => {
    rig = await startBrowserRig();
    const db = rig.database.db;
    const plant = await makeEnterprise(db, { name: PLANT, isKeyEnergyUnit: true, keyUnitClass: 'key', energyManager: '张三' });
    const rsj = await makeUser(db, 'department', { departmentId: await departmentId(db, '市人社局') });
    const gxj = await makeUser(db, 'department', { departmentId: await departmentId(db, '市工信局') });
    const { cookie } = await signedInContext(rig, rsj.username, TEST_PASSWORD);
    const zhou = await callApi(rig, cookie, 'POST', '/api/supervision/experts', { name: '周工', fields: ['节能审查'], organisation: '江西理工大学', phone: '0797-8888888' });
    await callApi(rig, cookie, 'POST', '/api/supervision/experts', { name: '陈工', fields: ['节能审查'], organisation: '赣南师范大学' });
    await callApi(rig, cookie, 'POST', `/api/supervision/experts/${zhou.id}/relations`, { enterpriseId: plant.id, relation: 'consultant' });
    pages.gxj = await (await signedInContext(rig, gxj.username, TEST_PASSWORD)).context.newPage();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const step = stepsOf('supervision-capacity', pages);
  const pick = pickOption;

  it('shows the conflict, refuses without a reason, assigns with one; the energy manager is listed as never trained', async () => {
    const page = pages.gxj;
    await step('candidates', async () => {
      await page.goto(`${rig.url}/supervision?tab=experts`);
      await page.getByRole('row', { name: /周工/ }).waitFor();
      // An inspector department sees no phone column.
      expect(await page.getByRole('columnheader', { name: '联系电话' }).count()).toBe(0);
      await pick(page, page, '按评审企业筛选（无回避者在前）', PLANT);
      const rows = page.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.first().innerText()).toContain('陈工');
      expect(await rows.nth(1).innerText()).toContain('为该企业提供咨询');
    });

    await step('assign', async () => {
      await page.getByRole('row', { name: /周工/ }).getByRole('button', { name: '指派' }).click();
      const dialog = page.getByRole('dialog', { name: '指派专家评审：周工' });
      await pick(dialog, page, '企业', PLANT);
      await dialog.getByText('为该企业提供咨询').waitFor();
      await dialog.getByLabel('评审事项').fill('节能审查意见评审');
      await dialog.getByRole('button', { name: '指派' }).click();
      await dialog.getByText('存在回避情形，须填写理由方可指派（理由将记录并留痕）').last().waitFor();
      await dialog.getByLabel('仍需指派的理由').fill('该领域仅此一位专家，经分管领导同意');
      await snap(page, 'supervision-expert-assign');
      await dialog.getByRole('button', { name: '指派' }).click();
      await page.getByText('已指派').waitFor();
      await dialog.waitFor({ state: 'hidden' });
    });

    await step('history', async () => {
      await page.getByRole('row', { name: /周工/ }).getByRole('button', { name: '利害关系' }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByText('该领域仅此一位专家，经分管领导同意').waitFor();
      await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();
    });

    await step('energy-managers', async () => {
      await page.goto(`${rig.url}/supervision?tab=training`);
      const row = page.getByRole('row', { name: new RegExp(PLANT) });
      await row.waitFor();
      expect(await row.innerText()).toContain('从未培训');
      await snap(page, 'supervision-training');
    });
  });
});
