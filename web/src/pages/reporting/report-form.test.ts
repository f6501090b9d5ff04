import { describe, expect, it } from 'vitest';
import { ReportBody } from '../../../../src/modules/reporting/schemas';
import type { Report } from './queries';
import { formValuesOf, ReportFormSchema, targetOf, toReportBody } from './report-form';

const indicator = { item: { kind: 'indicator' as const, id: 3 }, periodKey: '2024', regionCode: '360700' };
const task = { item: { kind: 'task' as const, id: 9 }, periodKey: '2024-Q1', regionCode: '360702' };

describe('toReportBody', () => {
  it('sends an indicator’s value and notes, valid for the route', () => {
    const body = toReportBody(indicator, { value: 8100, narrative: ' 2024 年累计 ' }, false);
    expect(body).toEqual({ indicatorId: 3, periodKey: '2024', regionCode: '360700', value: 8100, narrative: '2024 年累计', correctionReason: null });
    expect(ReportBody.safeParse(body).success).toBe(true);
  });

  it('sends a task’s status and percent, and no value', () => {
    const body = toReportBody(task, { value: 5, taskStatus: 'on-track', percentComplete: 40 }, false);
    expect(body).toMatchObject({ taskId: 9, taskStatus: 'on-track', percentComplete: 40, narrative: '' });
    expect(body).not.toHaveProperty('value');
    expect(ReportBody.safeParse(body).success).toBe(true);
  });

  it('sends a reason only for a correction', () => {
    expect(toReportBody(indicator, { value: 8200, correctionReason: '年报修订' }, true).correctionReason).toBe('年报修订');
    expect(toReportBody(indicator, { value: 8200, correctionReason: '年报修订' }, false).correctionReason).toBeNull();
  });
});

describe('the form', () => {
  it('checks the route’s bounds but leaves presence to the form', () => {
    expect(ReportFormSchema.safeParse({}).success).toBe(true);
    expect(ReportFormSchema.safeParse({ percentComplete: 101 }).error?.issues[0]?.path).toEqual(['percentComplete']);
    expect(ReportFormSchema.safeParse({ percentComplete: 4.5 }).success).toBe(false);
  });

  it('starts from a revision’s values', () => {
    const r = { value: 8100, taskStatus: null, percentComplete: null, narrative: '说明' } as Report;
    expect(formValuesOf(r)).toEqual({ value: 8100, taskStatus: null, percentComplete: null, narrative: '说明' });
    expect(formValuesOf(null)).toEqual({});
  });

  it('opens a listed report on its item, period and region', () => {
    const r = { id: 7, indicatorId: null, taskId: 9, periodKey: '2024-Q1', regionCode: '360702' } as Report;
    expect(targetOf(r)).toEqual({ item: { kind: 'task', id: 9 }, periodKey: '2024-Q1', regionCode: '360702', reportId: 7 });
  });
});
