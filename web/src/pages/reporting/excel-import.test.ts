import { describe, expect, it } from 'vitest';
import { cellText, importRowErrors, templateUrl } from './excel-import';

describe('templateUrl', () => {
  it('asks for the plan and year', () => {
    expect(templateUrl('ganzhou-14fyp-ecer', 2025)).toBe('/api/reporting/template.xlsx?plan=ganzhou-14fyp-ecer&year=2025');
  });
});

describe('importRowErrors', () => {
  it('keeps sheet, row, column and reason of each error', () => {
    expect(importRowErrors([{ sheet: '任务', row: 3, field: '状态', detail: '须选择任务状态' }])).toEqual([{ sheet: '任务', row: 3, field: '状态', detail: '须选择任务状态' }]);
  });
  it('shows a file-level error without a place', () => {
    expect(importRowErrors([{ detail: '文件不是有效的 Excel (.xlsx) 工作簿' }])).toEqual([{ sheet: '', row: 0, field: '', detail: '文件不是有效的 Excel (.xlsx) 工作簿' }]);
    expect(importRowErrors([])).toEqual([]);
  });
});

describe('cellText', () => {
  it('shows a dash for a file-level error', () => {
    expect(cellText('')).toBe('—');
    expect(cellText(0)).toBe('—');
    expect(cellText(3)).toBe('3');
    expect(cellText('状态')).toBe('状态');
  });
});
