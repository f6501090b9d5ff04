import { describe, expect, it } from 'vitest';
import { type ItemFacts, validateReport } from './validate';

const task: ItemFacts = { kind: 'task', code: '2.1.1', comparison: null, periodStart: 2021, periodEnd: 2025, cadence: { frequency: 'quarterly', dueDays: 10 } };
const cod: ItemFacts = { kind: 'indicator', code: 'I03', comparison: 'gte', periodStart: 2021, periodEnd: 2025, cadence: { frequency: 'annual', dueDays: 31 } };
const input = { periodKey: '2025-Q1', value: null, taskStatus: 'on-track', percentComplete: 40, narrative: '' };
const TODAY = '2025-06-01';

describe('validateReport', () => {
  it('accepts a well-formed task report and indicator report', () => {
    expect(validateReport(task, input, TODAY)).toBeNull();
    expect(validateReport(cod, { ...input, periodKey: '2024', value: 8100 }, TODAY)).toBeNull();
  });

  it.each([
    [task, { periodKey: '2025' }, 'periodKey'],
    [task, { periodKey: '2020-Q4' }, 'periodKey'],
    [task, { periodKey: '2025-Q3' }, 'periodKey'], // not started on 2025-06-01
    [task, { taskStatus: 'done' }, 'taskStatus'],
    [task, { percentComplete: 101 }, 'percentComplete'],
    [task, { percentComplete: 12.5 }, 'percentComplete'],
    [task, { taskStatus: 'completed', percentComplete: 90 }, 'percentComplete'],
    [cod, { periodKey: '2024', value: null }, 'value'],
    [cod, { periodKey: '2024', value: Number.NaN }, 'value'],
    [{ ...cod, comparison: 'qualitative' as const }, { periodKey: '2024', narrative: '' }, 'narrative'],
  ] as const)('%#: rejects the field at fault', (item, change, field) => {
    expect(validateReport(item, { ...input, ...change }, TODAY)?.field).toBe(field);
  });
});
