import { describe, expect, it } from 'vitest';
import { displayWidth, type ExportColumn, exportFileName, sheetName, toSheet } from './table-export';

type Row = { code: string; status: 'submitted' | 'approved'; value: number | null; note?: string };
const STATUS = { submitted: '已提交', approved: '已通过' } as const;

const columns: ExportColumn<Row>[] = [
  { title: '编号', dataIndex: 'code' },
  { title: '状态', dataIndex: 'status', render: (s: Row['status']) => STATUS[s], exportValue: (r) => STATUS[r.status] },
  { title: '数值', dataIndex: 'value', render: (v: number | null) => v ?? '—', exportValue: (r) => r.value },
  { title: '单位', key: 'unit', hidden: true, exportValue: () => '万吨' },
  { title: '操作', key: 'actions', render: () => 'button' },
  { title: '备注', dataIndex: 'note' },
];

describe('toSheet', () => {
  const rows: Row[] = [
    { code: 'I01', status: 'approved', value: 12.5, note: '按期完成' },
    { code: 'I02', status: 'submitted', value: null },
  ];

  it('exports the headers as shown, labels rather than codes, numbers as numbers and blanks as empty', () => {
    const sheet = toSheet(columns, rows);
    expect(sheet.header).toEqual(['编号', '状态', '数值', '单位', '备注']);
    expect(sheet.rows).toEqual([
      ['I01', '已通过', 12.5, '万吨', '按期完成'],
      ['I02', '已提交', null, '万吨', null],
    ]);
  });

  it('leaves out rendered columns without an export value (buttons) and keeps hidden ones that have one', () => {
    const headers = toSheet(columns, []).header;
    expect(headers).not.toContain('操作');
    expect(headers).toContain('单位');
  });

  it('sizes columns by their widest cell, CJK counting double, within bounds', () => {
    const long = { code: 'X'.repeat(200), status: 'approved' as const, value: 1 };
    const sheet = toSheet(columns, [...rows, long]);
    expect(sheet.widths[0]).toBe(60); // capped
    expect(sheet.widths[1]).toBe(8); // 已通过 is 6 cells wide, +2, at least 8
    expect(sheet.widths[4]).toBe(displayWidth('按期完成') + 2);
    expect(displayWidth('I01 化学需氧量')).toBe(4 + 10);
    expect(displayWidth('短\n一行更长的')).toBe(10);
  });

  it('turns non-finite numbers into empty cells', () => {
    const sheet = toSheet<Row>([{ title: 'v', key: 'v', exportValue: (r) => r.value }], [{ code: 'a', status: 'approved', value: Number.NaN }]);
    expect(sheet.rows).toEqual([[null]]);
  });
});

describe('exportFileName and sheetName', () => {
  it('names the file after the table and the local date', () => {
    expect(exportFileName('指标', new Date(2026, 10, 24, 23, 59))).toBe('指标-2026-11-24.xlsx');
    expect(exportFileName('a/b:c', new Date(2026, 0, 5))).toBe('a_b_c-2026-01-05.xlsx');
  });

  it('keeps sheet names within what Excel accepts', () => {
    expect(sheetName('目标分解 [I03]')).toBe('目标分解 _I03_');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet1');
  });
});
