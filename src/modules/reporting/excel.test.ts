import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SHEET, TASK_SHEET, buildReportWorkbook, readReportWorkbook } from './excel';

const NOT_XLSX = { rows: [], issues: [{ sheet: '', row: 0, field: '', detail: '文件不是有效的 Excel (.xlsx) 工作簿' }] };

const template = () =>
  buildReportWorkbook(
    [{ code: '1', name: '单位地区生产总值能耗降低', unit: '%', regionCode: '360702', regionName: '章贡区', periodKey: '2025-03', lastValue: 2.5, value: 3.2, narrative: '按计划推进' }],
    [
      { code: '2.1.1', name: '推进工业节能', regionCode: '360702', regionName: '章贡区', periodKey: '2025-Q1', taskStatus: 'on-track', percentComplete: 30, narrative: '已完成摸底' },
      { code: '2.1.2', name: '推进建筑节能', regionCode: '360703', regionName: '南康区', periodKey: '2025-Q1', taskStatus: null, percentComplete: null, narrative: '' },
    ],
  );

async function edited(data: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer); // exceljs types predate the generic Buffer
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


describe('readReportWorkbook', () => {
  it('reads a template back: both sheets by header name, statuses as keys, blank cells as null', async () => {
    const { rows, issues } = await readReportWorkbook(await template());
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        sheet: INDICATOR_SHEET,
        row: 2,
        cells: { code: '1', name: '单位地区生产总值能耗降低', unit: '%', regionCode: '360702', regionName: '章贡区', periodKey: '2025-03', lastValue: 2.5, value: 3.2, narrative: '按计划推进', correctionReason: null },
      },
      { sheet: TASK_SHEET, row: 2, cells: { code: '2.1.1', name: '推进工业节能', regionCode: '360702', regionName: '章贡区', periodKey: '2025-Q1', taskStatus: 'on-track', percentComplete: 30, narrative: '已完成摸底' } },
      { sheet: TASK_SHEET, row: 3, cells: { code: '2.1.2', name: '推进建筑节能', regionCode: '360703', regionName: '南康区', periodKey: '2025-Q1', taskStatus: null, percentComplete: null, narrative: '' } },
    ]);
  });

  it('gives cell values as the in-memory reader did: formula results, rich text, link text, dates, trimmed labels', async () => {
    const data = await edited(await template(), (wb) => {
      const ws = wb.getWorksheet(TASK_SHEET)!;
      ws.getCell('G2').value = { formula: '20+25', result: 45 };
      ws.getCell('H2').value = { richText: [{ text: '已完成', font: { bold: true } }, { text: '摸底' }] };
      ws.getCell('H3').value = { text: '见附件', hyperlink: 'https://example.org/a' };
      ws.getCell('F3').value = ' 滞后 ';
      ws.getCell('E3').value = new Date(Date.UTC(2025, 2, 1));
      ws.getCell('E3').numFmt = 'yyyy-mm';
      ws.getCell('A5').value = '  '; // a blank code is a blank row
      ws.getCell('H5').value = '无编号';
    });
    const { rows } = await readReportWorkbook(data);
    expect(rows.filter((r) => r.sheet === TASK_SHEET).map((r) => r.cells)).toEqual([
      expect.objectContaining({ percentComplete: 45, narrative: '已完成摸底' }),
      expect.objectContaining({ periodKey: new Date(Date.UTC(2025, 2, 1)), taskStatus: 'delayed', narrative: '见附件' }),
    ]);
  });

  it('keeps Chinese text whole where it crosses the chunks the zip is inflated in', async () => {
    const narrative = (i: number) => `第${i}条：推进重点用能单位节能改造，完成能源审计与能效对标，落实节能量目标责任`;
    const tasks = Array.from({ length: 3000 }, (_, i) => ({ code: '2.1.1', regionCode: '360702', periodKey: '2025-Q1', taskStatus: 'on-track', percentComplete: 10, narrative: narrative(i) }));
    const { rows } = await readReportWorkbook(await buildReportWorkbook([], tasks));
    expect(rows.map((r) => r.cells.narrative)).toEqual(tasks.map((_, i) => narrative(i)));
  });

  it('names the missing column of a sheet with a bad header and still reads the other sheet', async () => {
    const data = await edited(await template(), (wb) => {
      wb.getWorksheet(TASK_SHEET)!.getCell('F1').value = '进度状态';
    });
    const { rows, issues } = await readReportWorkbook(data);
    expect(issues).toEqual([{ sheet: TASK_SHEET, row: 1, field: '状态', detail: '缺少列“状态”' }]);
    expect(rows.map((r) => [r.sheet, r.row])).toEqual([[INDICATOR_SHEET, 2]]);
  });

  it('reads merged cells as the in-memory reader does: the merged value on every row', async () => {
    const data = await edited(await template(), (wb) => {
      const ws = wb.getWorksheet(TASK_SHEET)!;
      ws.getCell('A3').value = null;
      ws.mergeCells('A2:A3');
    });
    const { rows } = await readReportWorkbook(data);
    expect(rows.filter((r) => r.sheet === TASK_SHEET).map((r) => [r.row, r.cells.code])).toEqual([[2, '2.1.1'], [3, '2.1.1']]);
  });

  it('answers a buffer that is not a zip with the not-a-workbook issue', async () => {
    expect(await readReportWorkbook(Buffer.from('PK-not-xlsx'))).toEqual(NOT_XLSX);
    expect(await readReportWorkbook(Buffer.alloc(0))).toEqual(NOT_XLSX);
  });

  it('refuses a zip cut short rather than returning the rows before the cut', async () => {
    const data = await template();
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      expect(await readReportWorkbook(data.subarray(0, Math.floor(data.length * keep)))).toEqual(NOT_XLSX);
    }
  });

  it('does not hang on a zip whose entry header disagrees with its directory: reads it as the in-memory reader does', async () => {
    const data = await template();
    const good = await readReportWorkbook(data);
    const damaged = Buffer.from(data);
    const at = damaged.indexOf(Buffer.from('xl/_rels/workbook.xml.rels')) - 30; // its local header
    expect(damaged.readUInt32LE(at)).toBe(0x04034b50);
    damaged.writeUInt32LE(damaged.readUInt32LE(at + 18) - 50, at + 18); // compressed size: a reader that trusted it would stop early
    expect(await readReportWorkbook(damaged)).toEqual(good);
  }, 10_000);
});
