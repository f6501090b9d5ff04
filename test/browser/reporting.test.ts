import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorId } from '../factories';
import { type BrowserRig, browserSkipReason, signedInPages, snap, startBrowserRig, stepsOf } from './helpers';

const I03 = '化学需氧量重点工程减排量';

describe.skipIf(browserSkipReason)(`progress reporting: submit, return, resubmit, approve${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let eco: Page; // 市生态环境局, which owns indicator I03
  let steering: Page; // 市节能减排办, which reviews
  let county: Page; // 章贡区, which sees its own share of the cascade
  let ecoCookie: string;
  let countyCookie: string;
  let i03: number;
  const pages: Record<string, Page> = {};
  const step = stepsOf('reporting', pages);

  beforeAll(async () => {
    rig = await startBrowserRig();
    i03 = await indicatorId(rig.database.db, 'I03');
    const signedIn = await signedInPages(rig, { eco: 'department', steering: 'steering', county: 'county' });
    Object.assign(pages, signedIn.pages);
    ({ eco, steering, county } = signedIn.pages);
    ({ eco: ecoCookie, county: countyCookie } = signedIn.cookies);
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** The department's calendar for 2024, narrowed to I03; returns I03's row. */
  const openCalendar2024 = async (): Promise<Locator> => {
    await eco.goto(`${rig.url}/reporting`);
    await eco.getByRole('heading', { name: '任务进展', level: 1 }).waitFor();
    await eco.locator('.ant-select', { has: eco.getByLabel('年度') }).click(); // the selected year covers the input
    await eco.locator('.ant-select-item-option', { hasText: '2024 年' }).click();
    await eco.getByLabel('搜索', { exact: true }).fill('I03');
    const row = eco.getByRole('row', { name: new RegExp(`I03.*${I03}`) });
    await row.waitFor();
    await eco.waitForLoadState('networkidle');
    return row;
  };

  const closeDrawer = async (drawer: Locator) => {
    await drawer.getByRole('button', { name: '关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });
  };

  /** The steering office's list of reports waiting for review; returns I03's row. */
  const openReview = async (): Promise<Locator> => {
    await steering.goto(`${rig.url}/reporting`);
    await steering.getByRole('tab', { name: '待审核' }).click();
    const row = steering.getByRole('row', { name: new RegExp(`I03 ${I03}`) });
    await row.waitFor();
    return row;
  };

  it('runs a report from the calendar through review and back', async () => {
    await step('fill', async () => {
      const row = await openCalendar2024();
      await expect(eco.getByRole('status').innerText()).resolves.toMatch(/逾期 \d+ 期/);
      await row.getByRole('button', { name: '2024年 逾期' }).click();
      const drawer = eco.getByRole('dialog');
      await drawer.getByText(`I03 ${I03}`).waitFor();
      await drawer.getByText('2024 年 · 赣州市 · 截止日期 2025-01-31').waitFor();
      await drawer.getByRole('button', { name: '提交' }).click();
      await drawer.getByText('请填写数值').waitFor(); // under 数值, before anything is sent
      await snap(eco, 'reporting-fill-error-zh');
      await drawer.getByLabel('数值').fill('8100');
      await drawer.getByLabel('进展说明').fill('2024 年重点工程累计减排化学需氧量 8100 吨');
      await drawer.getByRole('button', { name: '提交' }).click();
      await eco.getByText('已提交').first().waitFor();
      // The drawer stays open on the new pending revision, so that evidence can be attached at once.
      await drawer.getByText('第 1 版正在审核中，审核完成前不能再次报送。').waitFor();
      expect(await drawer.getByRole('button', { name: '提交' }).isDisabled()).toBe(true);
      await drawer.getByRole('button', { name: '上传佐证材料' }).waitFor();
      await closeDrawer(drawer);
      await row.getByRole('button', { name: '2024年 待审核' }).click();
      await drawer.getByText('第 1 版正在审核中，审核完成前不能再次报送。').waitFor();
      await closeDrawer(drawer);
    });

    await step('evidence', async () => {
      const row = await openCalendar2024();
      await row.getByRole('button', { name: '2024年 待审核' }).click();
      const drawer = eco.getByRole('dialog');
      const evidence = drawer.getByRole('region', { name: '佐证材料' });
      await evidence.getByText('暂无佐证材料').waitFor();
      const input = evidence.locator('input[type=file]');
      await input.setInputFiles({ name: '核算表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF') });
      await evidence.getByRole('link', { name: '核算表.pdf' }).waitFor();
      await evidence.getByText('PDF · 14 B').waitFor();
      expect(await evidence.getByRole('link', { name: '核算表.pdf' }).getAttribute('href')).toMatch(/^\/api\/reporting\/reports\/\d+\/attachments\/[0-9a-f]{64}$/);
      // A program dressed as a PDF: the server reads the content and refuses it.
      await input.setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00this program cannot be run in DOS mode') });
      await evidence.getByRole('alert').getByText('不支持的内容类型').waitFor();
      await evidence.getByRole('alert').getByText(/只接受 PDF/).waitFor();
      expect(await evidence.getByRole('link').count()).toBe(1);
      await snap(eco, 'reporting-evidence-zh');
      await closeDrawer(drawer);
    });

    await step('own-review-forbidden', async () => {
      await eco.getByRole('tab', { name: '待审核' }).click();
      await eco.getByRole('row', { name: new RegExp(`I03 ${I03}`) }).getByRole('button', { name: '通过' }).click();
      await eco.getByText(/无权审核该报告/).first().waitFor(); // the server's 403, shown as a message
    });

    await step('return', async () => {
      const row = await openReview();
      await expect(row.innerText()).resolves.toContain('8100 吨');
      await row.getByRole('button', { name: '退回' }).click();
      const modal = steering.getByRole('dialog', { name: '退回' });
      await modal.getByRole('button', { name: '退回' }).click();
      await modal.getByText('请填写退回意见').waitFor();
      await modal.getByLabel('退回意见').fill('请附核算表');
      await modal.getByRole('button', { name: '退回' }).click();
      await steering.getByText('已退回').first().waitFor();
      await row.waitFor({ state: 'detached' });
    });

    await step('resubmit', async () => {
      const row = await openCalendar2024();
      await row.getByRole('button', { name: '2024年 已退回' }).click();
      const drawer = eco.getByRole('dialog');
      await drawer.getByText('请附核算表').first().waitFor(); // the reviewer's comment, above the form and in the history
      const value = drawer.getByLabel('数值');
      expect(await value.inputValue()).toBe('8100'); // starts from the returned revision
      await value.fill('8150');
      await drawer.getByLabel('进展说明').fill('已附核算表，累计 8150 吨');
      await snap(eco, 'reporting-resubmit-zh');
      await drawer.getByRole('button', { name: '提交' }).click();
      // Stays open on the new revision (the passing 已提交 toast is checked in the first step: under load it may be gone by now).
      await drawer.getByText('第 2 版正在审核中，审核完成前不能再次报送。').waitFor();
      await drawer.getByText('暂无佐证材料').waitFor(); // evidence belongs to a revision: the new one has none yet
      await closeDrawer(drawer);
      await row.getByRole('button', { name: '2024年 待审核' }).waitFor();
    });

    await step('approve', async () => {
      const row = await openReview();
      await expect(row.innerText()).resolves.toContain('8150 吨');
      await snap(steering, 'reporting-review-zh');
      await row.getByRole('button', { name: '通过' }).click();
      await steering.getByText('已审核通过').first().waitFor();
      await row.waitFor({ state: 'detached' });
    });

    await step('approved', async () => {
      const row = await openCalendar2024();
      await row.getByRole('button', { name: '2024年 已审核' }).click();
      const drawer = eco.getByRole('dialog');
      await drawer.getByText('已审核数值').waitFor();
      await drawer.getByText('8150 吨').first().waitFor();
      expect(await drawer.getByRole('button', { name: '提交' }).isDisabled()).toBe(true); // locked until 更正 is switched on
      await drawer.getByRole('switch', { name: '更正' }).click();
      await drawer.getByLabel('更正原因').waitFor();
      expect(await drawer.getByRole('switch', { name: '更正' }).getAttribute('aria-checked')).toBe('true');
      expect(await drawer.getByRole('button', { name: '提交' }).isEnabled()).toBe(true);
      await snap(eco, 'reporting-approved-zh');
      // Meanwhile the same correction arrives from elsewhere (another tab): the server refuses a second one.
      const elsewhere = await fetch(`${rig.url}/api/reporting/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: ecoCookie },
        body: JSON.stringify({ indicatorId: i03, periodKey: '2024', regionCode: '360700', value: 8200, correctionReason: '统计局年报修订' }),
      });
      expect(elsewhere.status).toBe(201);
      await drawer.getByLabel('数值').fill('8200');
      await drawer.getByLabel('更正原因').fill('统计局年报修订');
      await drawer.getByRole('button', { name: '提交' }).click();
      await drawer.getByRole('alert').getByText('数据冲突').waitFor(); // the 409's title, its detail below
      await drawer.getByRole('alert').getByText(/待审核/).waitFor();
      await snap(eco, 'reporting-conflict-zh');
      await closeDrawer(drawer);
      await row.getByRole('button', { name: '2024年 待审核' }).waitFor(); // the calendar caught up with the other tab
    });

    await step('overview', async () => {
      await steering.goto(`${rig.url}/reporting?tab=overview&year=2024`);
      await steering.getByRole('tab', { name: '进展总览', selected: true }).waitFor();
      const row = steering.getByRole('row', { name: new RegExp(`I03 ${I03}`) });
      await row.waitFor();
      await expect(row.locator('.ant-tag').innerText()).resolves.toMatch(/^(已达标|进度正常|有风险|明显滞后|无数据)$/);
      await expect(steering.getByRole('status', { name: '各状态指标数' }).innerText()).resolves.toMatch(/已达标 \d+/);
      await steering.getByText('逾期报送单位').waitFor();
      await row.click();
      await steering.getByRole('img', { name: `I03 ${I03} 进展轨迹图` }).waitFor();
      await steering.waitForTimeout(500); // the chart's entry animation
      await snap(steering, 'reporting-overview-zh');
      await steering.getByRole('button', { name: 'English' }).click();
      await steering.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
      await steering.getByText('Late reporters').waitFor();
      await steering.waitForTimeout(500);
      await snap(steering, 'reporting-overview-en');
      await steering.getByRole('button', { name: '中文' }).click();
      await steering.getByRole('tab', { name: '进展总览' }).waitFor();
    });

    await step('cascade', async () => {
      await steering.goto(`${rig.url}/reporting?tab=cascade`);
      await steering.getByRole('tab', { name: '目标分解', selected: true }).waitFor();
      await steering.getByLabel('选择指标').fill('I03');
      await steering.locator('.ant-select-item-option', { hasText: `I03 ${I03}` }).click();
      await steering.getByLabel('章贡区分解目标').fill('1000');
      await steering.getByLabel('南康区分解目标').fill('500');
      await steering.getByRole('button', { name: '保存分解' }).click();
      await steering.getByText('已保存目标分解').first().waitFor();
      await steering.getByText('合计').waitFor();
      await steering.getByText(/1,?500 吨/).first().waitFor();
      await steering.locator('.ant-tag', { hasText: /^(尚差|已覆盖)$/ }).waitFor();
      await snap(steering, 'reporting-cascade-zh');
      // Reloaded, the shares come back from the server.
      await steering.reload();
      await steering.getByLabel('选择指标').fill('I03');
      await steering.locator('.ant-select-item-option', { hasText: `I03 ${I03}` }).click();
      await expect(steering.getByLabel('章贡区分解目标').inputValue()).resolves.toBe('1000');
      // 章贡区 reads its own share, and only that.
      await county.goto(`${rig.url}/reporting?tab=cascade`);
      await county.getByRole('tab', { name: '目标分解', selected: true }).waitFor();
      await county.getByLabel('选择指标').fill('I03');
      await county.locator('.ant-select-item-option', { hasText: `I03 ${I03}` }).click();
      await county.getByText('章贡区分解目标').waitFor();
      await county.getByText(/^1,?000 吨$/).waitFor();
      expect(await county.getByRole('button', { name: '保存分解' }).count()).toBe(0);
      await county.getByRole('button', { name: 'English' }).click();
      await county.getByText('Share of 章贡区').waitFor();
      await snap(county, 'reporting-cascade-county-en');
      await county.getByRole('button', { name: '中文' }).click();
    });

    await step('all-reports-english', async () => {
      await eco.getByRole('tab', { name: '全部报告' }).click();
      await eco.getByRole('row', { name: /I03.*8150 吨.*已审核/ }).waitFor();
      await eco.getByRole('row', { name: /I03.*8100 吨.*已退回/ }).waitFor();
      await eco.getByRole('button', { name: 'English' }).click();
      await eco.getByRole('tab', { name: 'All reports' }).waitFor();
      await eco.getByRole('row', { name: /I03.*8150 吨.*Approved/ }).waitFor();
      await snap(eco, 'reporting-all-en');
      await eco.getByRole('button', { name: '中文' }).click();
      await eco.getByRole('tab', { name: '全部报告' }).waitFor();
    });
  });

  /** The short label a period's tag starts with on the calendar (as calendar.ts writes it in Chinese). */
  const periodTagText = (key: string) => {
    const [year, part] = key.split('-');
    if (!part) return `${year}年`;
    if (part === 'H1') return '上半年';
    if (part === 'H2') return '下半年';
    if (part.startsWith('Q')) return `${Number(part.slice(1))}季度`;
    return `${Number(part.slice(1))}月`;
  };

  it('imports a filled Excel template: cell errors first, then the whole file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecer-import-'));
    let tasks: Array<{ code: string; name: string; periodKey: string }> = [];

    /** Fills rows 2 and 3 of the template's 任务 sheet and saves it for the page's upload input. */
    const fill = async (template: Buffer, row3Status: string, row3Percent: number, name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('任务')!;
      const col = new Map<string, number>();
      ws.getRow(1).eachCell((c, n) => col.set(String(c.value), n));
      const set = (row: number, header: string, v: string | number) => (ws.getCell(row, col.get(header)!).value = v);
      set(2, '状态', '正常推进');
      set(2, '完成百分比', 30);
      set(3, '状态', row3Status);
      set(3, '完成百分比', row3Percent);
      const file = path.join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    };

    let template: Buffer;
    await step('template', async () => {
      await county.goto(`${rig.url}/reporting?year=2025`);
      await county.getByRole('heading', { name: '任务进展', level: 1 }).waitFor();
      const link = county.getByRole('link', { name: '下载报送模板' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('/api/reporting/template.xlsx?plan=ganzhou-14fyp-ecer&year=2025');
      expect(await link.getAttribute('download')).not.toBeNull();
      const res = await fetch(`${rig.url}/api/reporting/template.xlsx?plan=ganzhou-14fyp-ecer&year=2025`, { headers: { cookie: countyCookie } });
      expect(res.status).toBe(200);
      template = Buffer.from(await res.arrayBuffer());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('任务')!;
      tasks = [2, 3].map((r) => ({ code: String(ws.getCell(r, 1).value), name: String(ws.getCell(r, 2).value), periodKey: String(ws.getCell(r, 5).value) }));
      expect(tasks.every((x) => x.code && x.code !== 'null' && x.periodKey.startsWith('2025'))).toBe(true);
    });

    const upload = county.locator('input[type=file][accept*=".xlsx"]');
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const taskRow = (x: (typeof tasks)[number]) => county.getByRole('row', { name: new RegExp(`^${literal(x.code)} .*${literal(x.name.slice(0, 8))}`) }).first();

    await step('import-errors', async () => {
      await upload.setInputFiles(await fill(template, '差不多', 50, '报送-有误.xlsx'));
      const alert = county.getByRole('alert').filter({ hasText: '工作表' });
      await alert.getByText(/导入失败，共 1 处错误/).waitFor();
      for (const header of ['工作表', '行', '列', '原因']) await alert.getByRole('columnheader', { name: header, exact: true }).waitFor();
      await alert.getByRole('row', { name: /^任务 3 状态 / }).waitFor();
      await county.waitForTimeout(300); // the alert's entry animation
      await snap(county, 'reporting-import-errors-zh');
      // Nothing was imported: the first row's period is still open.
      await expect(taskRow(tasks[0]!).innerText()).resolves.not.toContain(`${periodTagText(tasks[0]!.periodKey)} 待审核`);
    });

    await step('import', async () => {
      await upload.setInputFiles(await fill(template, '滞后', 20, '报送.xlsx'));
      await county.getByText('已导入 2 条').first().waitFor();
      await county.getByRole('alert').filter({ hasText: '工作表' }).waitFor({ state: 'detached' }); // the next upload clears the errors
      for (const x of tasks) await taskRow(x).getByRole('button', { name: `${periodTagText(x.periodKey)} 待审核` }).first().waitFor();
      // Imported reports are ordinary submissions: they wait for review.
      const mine = await fetch(`${rig.url}/api/reporting/reports?status=submitted&regionCode=360702`, { headers: { cookie: countyCookie } });
      const reports = (await mine.json()) as Array<{ periodKey: string; taskStatus: string | null; percentComplete: number | null }>;
      expect(reports.map((r) => [r.taskStatus, r.percentComplete]).sort()).toEqual(expect.arrayContaining([['delayed', 20], ['on-track', 30]]));
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
