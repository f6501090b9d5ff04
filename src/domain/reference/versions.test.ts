import { describe, expect, it } from 'vitest';
import { type Version, effectiveAt, parseReferenceValue, withValidity } from './versions';

const v = (id: number, validFrom: string, atRiskRatio: number): Version => ({ id, key: 'progress-status-rule', value: { atRiskRatio }, source: 's', validFrom, createdBy: null, createdByName: null });
const versions = [v(2, '2026-01-01', 0.7), v(1, '2021-01-01', 0.8), { ...v(3, '2024-01-01', 0.5), key: 'other' }];

describe('reference versions', () => {
  it('picks the version in force on a date: from its first day to the day before the next', () => {
    expect(effectiveAt(versions, 'progress-status-rule', '2020-12-31')).toBeNull();
    expect(effectiveAt(versions, 'progress-status-rule', '2021-01-01')?.id).toBe(1);
    expect(effectiveAt(versions, 'progress-status-rule', '2025-12-31')?.id).toBe(1);
    expect(effectiveAt(versions, 'progress-status-rule', '2026-01-01')?.id).toBe(2);
  });
  it('gives each version its last day, across a month and a leap day', () => {
    expect(withValidity(versions, 'progress-status-rule').map((x) => [x.validFrom, x.validTo])).toEqual([
      ['2021-01-01', '2025-12-31'],
      ['2026-01-01', null],
    ]);
    expect(withValidity([v(1, '2021-01-01', 0.8), v(2, '2024-03-01', 0.7)], 'progress-status-rule')[0]!.validTo).toBe('2024-02-29');
  });
  it('checks a value against its key and names the field', () => {
    expect(parseReferenceValue('progress-status-rule', { atRiskRatio: 0.75 })).toEqual({ ok: true, value: { atRiskRatio: 0.75 } });
    expect(parseReferenceValue('progress-status-rule', { atRiskRatio: 1 })).toMatchObject({ ok: false, field: 'value.atRiskRatio' });
    expect(parseReferenceValue('nope', {})).toMatchObject({ ok: false, field: 'key' });
  });
});
