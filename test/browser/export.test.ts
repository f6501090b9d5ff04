import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, TEST_PASSWORD } from '../factories';
import { type BrowserRig, browserSkipReason, signedInContext, snap, startBrowserRig } from './helpers';

const DATE = /\d{4}-\d{2}-\d{2}/.source;

describe.skipIf(browserSkipReason)(`导出 Excel on the plan's indicator table and the audit log${browserSkipReason ? ` — SKIPPED: ${browserSkipReason}` : ''}`, () => {
  let rig: BrowserRig;
  let page: Page;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const admin = await makeUser(rig.database.db, 'admin');
    const { context } = await signedInContext(rig, admin.username, TEST_PASSWORD);
    await signedInContext(rig, admin.username, TEST_PASSWORD); // a second login, for the audit filter below
    page = await context.newPage();
  }, 300_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** Clicks the table's 导出 Excel, waits for the download and opens it; returns its file name and first sheet. */
  const exportOf = async (table: Locator, name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: `导出 Excel：${name}` }).click()]);
    const file = path.join(os.tmpdir(), `ecer-export-${process.pid}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    fs.rmSync(file);
    const sheet = workbook.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1); // exceljs rows are 1-based
    return { fileName: download.suggestedFilename(), sheet, values, header: values(1), dataRows: sheet.rowCount - 1 };
  };

  /** The header texts the table shows (the expand column has none). */
  const shownHeaders = async (table: Locator) => (await table.locator('thead th').allInnerTexts()).map((s) => s.trim()).filter(Boolean);

  it('exports a plan section’s indicators with the headers and labels shown', async () => {
    try {
      await page.goto(`${rig.url}/plan`);
      await page.getByRole('tree').getByText('主要目标').click();
      await page.getByRole('heading', { name: /主要目标/ }).waitFor();
      const table = page.locator('.ant-table-wrapper', { has: page.getByRole('columnheader', { name: '目标值' }) });
      await table.getByRole('row', { name: /单位生产总值能源消耗降低率/ }).waitFor();
      const shownRows = await table.locator('tbody tr.ant-table-row').count();
      expect(shownRows).toBeGreaterThan(1);

      const xlsx = await exportOf(table, '指标');
      expect(xlsx.fileName).toMatch(new RegExp(`^指标-${DATE}\\.xlsx$`));
      expect(xlsx.header).toEqual(['编号', '名称', '比较方式', '目标值', '力争值', '单位', '基准年', '目标年', '约束性', '责任部门', '方案原文']);
      expect(xlsx.header.slice(0, -1)).toEqual(await shownHeaders(table)); // the hidden 方案原文 is the only extra
      expect(xlsx.dataRows).toBe(shownRows);
      expect(xlsx.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(xlsx.sheet.getRow(1).font?.bold).toBe(true);

      // Each row as on screen: labels, not codes; years stay numbers.
      for (let n = 2; n <= xlsx.dataRows + 1; n++) {
        const [code, , comparison, target, , , , targetYear, binding, owners] = xlsx.values(n);
        const row = table.locator('tbody tr.ant-table-row', { has: page.getByRole('cell', { name: String(code), exact: true }) });
        expect(await row.innerText()).toContain(String(target));
        expect(await row.innerText()).toContain(String(comparison));
        expect(typeof targetYear).toBe('number');
        expect(['约束性', '预期性']).toContain(binding);
        expect(String(owners)).not.toMatch(/^\d+$/);
      }
    } catch (err) {
      await snap(page, 'failed-export-plan');
      throw err;
    }
  });

  it('exports every audit event the filter finds, not only the first page', async () => {
    try {
      await page.goto(`${rig.url}/admin/audit`);
      await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
      const table = page.locator('.ant-table-wrapper', { has: page.getByRole('columnheader', { name: '对象编号' }) });
      const shown = page.getByText(/共 \d+ 条，显示最近 \d+ 条/);
      const countOf = async () => Number(/显示最近 (\d+) 条/.exec(await shown.innerText())![1]);
      await shown.waitFor();
      await table.locator('tbody tr.ant-table-row').first().waitFor();

      const all = await exportOf(table, '审计日志');
      expect(all.fileName).toMatch(new RegExp(`^审计日志-${DATE}\\.xlsx$`));
      expect(all.header).toEqual(await shownHeaders(table));
      expect(all.header).toEqual(['时间', '操作人', '操作', '对象', '对象编号', 'IP 地址']);
      expect(all.dataRows).toBe(await countOf());
      expect(all.dataRows).toBeGreaterThan(20); // more than one page of the table

      // Narrowed to logins: only those rows, with the action's name rather than its code.
      await page.getByLabel('操作', { exact: true }).fill('login');
      await page.getByRole('button', { name: '搜 索' }).or(page.getByRole('button', { name: '搜索' })).click();
      await expect.poll(countOf).toBeLessThan(all.dataRows);
      const logins = await exportOf(table, '审计日志');
      expect(logins.dataRows).toBe(await countOf());
      expect(logins.dataRows).toBeGreaterThanOrEqual(2);
      for (let n = 2; n <= logins.dataRows + 1; n++) {
        const [, actor, action, entity] = logins.values(n);
        expect(action).toBe('登录');
        expect(entity).not.toBe('session');
        expect(actor).toBeTruthy();
      }
    } catch (err) {
      await snap(page, 'failed-export-audit');
      throw err;
    }
  });
});
