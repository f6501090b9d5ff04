import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, signedInContext, snap, startBrowserRig, stepsOf, pickOption } from './helpers';

/**
 * 重点减排工程调度 (issue #7): 信丰县 registers a new sewage plant (W1, reduction.md §7 example 1 moved to 2025), files
 * its December dispatch as 稳定运行 since 2025-06-20, the bureau verifies it, and the COD progress bar moves.
 */
describe.skipIf(browserSkipReason)(`reduction: register, dispatch, verify, progress${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  const pages: Record<'county' | 'bureau' | 'steering', Page> = {} as never;
  const NAME = '信丰县城南污水处理厂新建工程';

  beforeAll(async () => {
    rig = await startBrowserRig();
    const db = rig.database.db;
    // A county user of 信丰县; a department user of 市生态环境局 (the bureau that verifies); the steering office (目标分解).
    const users = { county: await makeUser(db, 'county', { regionCode: '360722' }), bureau: await makeUser(db, 'department'), steering: await makeUser(db, 'steering') };
    for (const [who, u] of Object.entries(users)) pages[who as keyof typeof pages] = await (await signedInContext(rig, u.username, TEST_PASSWORD)).context.newPage();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  const step = stepsOf('reduction', pages);
  const pick = pickOption;
  const codBar = (page: Page) => page.getByRole('progressbar', { name: '化学需氧量 完成进度' });
  const codProgress = async (page: Page) => {
    await page.goto(`${rig.url}/reduction?tab=progress&year=2025`);
    await codBar(page).waitFor();
    return Number(await codBar(page).getAttribute('aria-valuenow'));
  };
  let before = 0;

  it('registers a sewage plant, files its dispatch (a bad effluent figure first), the bureau verifies it and COD progress moves', async () => {
    await step('progress-before', async () => {
      before = await codProgress(pages.bureau);
      expect(before).toBe(0);
    });

    await step('register', async () => {
      const page = pages.county;
      await page.goto(`${rig.url}/reduction?tab=projects`);
      await page.getByRole('button', { name: '登记项目' }).click();
      const dialog = page.getByRole('dialog', { name: '登记项目' });
      await pick(dialog, page, '工程类型', '城镇（园区）污水处理厂');
      // The method follows the type, and its parameters appear with their units (reduction.md §3).
      expect(await dialog.getByLabel('核算方法').inputValue()).toBe('W1 污水处理厂进出水核算');
      await dialog.getByLabel('企业（设施）名称').fill('信丰县城南污水处理厂');
      await dialog.getByLabel('排放口编号').fill('DW001');
      await dialog.getByLabel('核算期处理水量 q_p（m³）').fill('3312000');
      await dialog.getByLabel('核算期进水浓度 cin_p（mg/L）：化学需氧量').fill('180');
      await dialog.getByLabel('核算期进水浓度 cin_p（mg/L）：氨氮').fill('22');
      await dialog.getByLabel('核算期出水浓度 cout_p（mg/L）：化学需氧量').fill('30');
      await dialog.getByLabel('核算期出水浓度 cout_p（mg/L）：氨氮').fill('1.5');
      await dialog.getByLabel('计划减排量（吨）：化学需氧量').fill('985.5');
      // A missing required field is named in Chinese and nothing is saved.
      await dialog.getByRole('button', { name: '保存草稿' }).click();
      await dialog.getByText('请填写项目名称').waitFor();
      await snap(page, 'reduction-project-form');
      await dialog.getByLabel('项目名称').fill(NAME);
      await dialog.getByRole('button', { name: '保存草稿' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: new RegExp(`${NAME} 信丰县 城镇（园区）污水处理厂 .*草稿`) }).waitFor();
      await page.getByRole('button', { name: `提交登记“${NAME}”` }).click();
      await page.getByText(`“${NAME}”已登记`).waitFor();
      await page.getByRole('row', { name: new RegExp(`${NAME} 信丰县 .*计划实施`) }).waitFor();
    });

    await step('evidence', async () => {
      const page = pages.county;
      await page.getByRole('button', { name: `查看“${NAME}”` }).click();
      const drawer = page.getByRole('dialog', { name: new RegExp(NAME) });
      const files = [
        ['环保验收/竣工验收文件', '竣工环保验收意见.pdf'],
        ['在线监测数据（HJ 212）', '在线监测日均值.pdf'],
        ['排污许可执行报告', '排污许可执行报告.pdf'],
      ] as const;
      for (const [kind, file] of files) {
        await pick(drawer, page, '材料类型', kind);
        await drawer.locator('input[type=file]').setInputFiles({ name: file, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% ${file}\n%%EOF`) });
        await drawer.getByRole('link', { name: file }).waitFor();
      }
      for (const [kind] of files) await drawer.getByText(`${kind}（已上传）`).waitFor();
      await page.waitForTimeout(300);
      await snap(page, 'reduction-project-drawer');
      await drawer.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
    });

    await step('dispatch', async () => {
      const page = pages.county;
      await page.goto(`${rig.url}/reduction?tab=dispatch&month=2025-12`);
      await page.getByRole('button', { name: `填报“${NAME}” 2025 年 12 月 调度` }).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(`${NAME} · 2025 年 12 月`) });
      await pick(dialog, page, '工程状态', '稳定运行');
      const event = dialog.getByLabel('稳定运行日期');
      await event.click();
      await event.fill('2025-06-20');
      await event.press('Enter');
      // The year-to-date inputs come from the project; an effluent above the influent is rejected with its reason (C4).
      expect(await dialog.getByLabel('核算期处理水量 q_p（m³）').inputValue()).toBe('3312000');
      await dialog.getByLabel('核算期出水浓度 cout_p（mg/L）：化学需氧量').fill('200');
      const preview = dialog.getByRole('region', { name: '核算预览' });
      await preview.getByText('参数超出合理范围').first().waitFor();
      await page.waitForTimeout(300);
      await snap(page, 'reduction-dispatch-rejected');
      await dialog.getByLabel('核算期出水浓度 cout_p（mg/L）：化学需氧量').fill('30');
      // 2025-07-01 to 2025-12-31 is 184 days; 3 312 000 m³ × 150 mg/L = 496.800 t COD, × 20.5 mg/L = 67.896 t NH3-N.
      await preview.getByText('计入天数 184 天（自 2025-07-01 起').waitFor();
      await preview.getByRole('row', { name: /^化学需氧量 496\.80 0\.00 496\.80/ }).waitFor();
      await preview.getByRole('row', { name: /^氨氮 67\.90 0\.00 67\.90/ }).waitFor();
      await snap(page, 'reduction-dispatch-preview');
      await dialog.getByRole('button', { name: '提交调度' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row', { name: new RegExp(`${NAME} 信丰县 稳定运行 .*496\\.80 67\\.90 .*待核查`) }).waitFor();
      // Filed, not yet verified: the county cannot verify and no progress counts yet.
      expect(await page.getByRole('button', { name: /核查通过“/ }).count()).toBe(0);
      expect(await codProgress(pages.county)).toBe(before);
      await pages.county.getByText('496.80 吨').first().waitFor(); // 待核查
    });

    await step('verify', async () => {
      const page = pages.bureau;
      await page.goto(`${rig.url}/reduction?tab=dispatch&month=2025-12`);
      const queue = page.getByRole('region', { name: '待核查的月度调度' });
      await queue.getByRole('row', { name: new RegExp(`${NAME} 信丰县 2025 年 12 月 稳定运行 化学需氧量 496\\.80`) }).waitFor();
      await snap(page, 'reduction-queue');
      await page.getByRole('button', { name: `核查通过“${NAME}” 2025 年 12 月 调度` }).click();
      const modal = page.getByRole('dialog', { name: new RegExp(`核查通过：${NAME}`) });
      await modal.getByRole('button', { name: '审核通过' }).click();
      await modal.waitFor({ state: 'hidden' });
      await queue.getByText('没有待核查的调度').waitFor();
      await page.getByRole('row', { name: new RegExp(`${NAME} 信丰县 稳定运行 .*496\\.80 67\\.90 .*核查通过`) }).waitFor();
      // The project's file keeps the verification (ReviewHistory) and the accounting that now counts.
      await page.getByRole('button', { name: NAME, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: new RegExp(NAME) });
      await drawer.getByText('测试county 填报').waitFor();
      await drawer.getByText('测试department 核查通过').waitFor();
      await drawer.getByRole('table', { name: '核算结果（2025 年）' }).getByRole('row', { name: /^化学需氧量 496\.80 0\.00 496\.80/ }).waitFor();
      await page.waitForTimeout(400);
      await snap(page, 'reduction-project-verified');
      await drawer.locator('.ant-drawer-close').click();
      // The month's 调度表 and 月度通报 download.
      for (const [name, magic] of [['下载调度表（Excel）', 'PK'], ['下载月度通报（PDF）', '%PDF-']] as const) {
        const href = (await page.getByRole('link', { name }).getAttribute('href'))!;
        expect(href).toMatch(/^\/api\/reduction\/(dispatch\.xlsx|bulletin\.pdf)\?month=2025-12$/);
        const res = await page.request.get(`${rig.url}${href}`);
        expect(res.status()).toBe(200);
        expect((await res.body()).subarray(0, magic.length).toString('latin1')).toBe(magic);
      }
    });

    await step('progress-after', async () => {
      const page = pages.bureau;
      const after = await codProgress(page);
      // 496.8 t of the city's COD target (I03, 13 451 t): 3.69 % (AntD gives aria-valuenow in whole percent).
      expect(after).toBeGreaterThan(before);
      expect(after).toBe(3);
      await codBar(page).getByText('3.69%').waitFor();
      await page.waitForTimeout(500);
      await snap(page, 'reduction-progress');
    });
  });

  it('splits the COD target by potential (the plant’s planned 985.5 t), and the county sees its share and gap', async () => {
    await step('allocate', async () => {
      const page = pages.steering;
      await page.goto(`${rig.url}/reduction?tab=allocation`);
      await page.getByText('全市化学需氧量减排目标：13,451.00 吨').waitFor();
      await page.getByText(/分解合计低于全市目标 13,451\.00 吨/).waitFor();
      await page.getByRole('button', { name: '按减排潜力建议分解' }).click();
      // Only 信丰县 has a registered project with a planned reduction: the whole target goes there, to the cent.
      expect(await page.getByLabel('信丰县化学需氧量分解目标').inputValue()).toBe('13451.00');
      await page.getByText('分解合计已覆盖全市目标').waitFor();
      await page.getByLabel('信丰县分解理由').fill('城南污水处理厂新建，减排潜力最大');
      await page.getByRole('button', { name: '保存分解' }).click();
      await page.getByText('已保存化学需氧量目标分解').waitFor();
      await page.waitForTimeout(300);
      await snap(page, 'reduction-allocation');
    });

    await step('county-share', async () => {
      const page = pages.county;
      await page.goto(`${rig.url}/reduction?tab=allocation`);
      await page.getByRole('row', { name: '化学需氧量 13,451.00 城南污水处理厂新建，减排潜力最大 496.80 12,954.20' }).waitFor();
      await page.goto(`${rig.url}/reduction?tab=progress&year=2025`);
      // 496.8 / 13 451 is far below 2025's expected 100 %: 明显滞后 in the county's row.
      await page.getByRole('row', { name: /^信丰县 13,451\.00 496\.80 12,954\.20 3\.69% 明显滞后 1/ }).waitFor();
      await page.waitForTimeout(500);
      await snap(page, 'reduction-progress-county');
    });
  });
});