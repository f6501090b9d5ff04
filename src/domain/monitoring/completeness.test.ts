import { describe, expect, it } from 'vitest';
import { dailyCompleteness } from './completeness';

const rules = { expectedHoursPerDay: 24, validFlags: ['N'] };
const at = (iso: string) => new Date(iso);

describe('有效传输率', () => {
  it('counts distinct Beijing hours received and valid per day', () => {
    const records = [
      { at: at('2025-06-11T16:00:00Z'), flags: ['N', null] }, // 2025-06-12 00:00 Beijing
      { at: at('2025-06-11T16:00:00Z'), flags: ['N'] }, // the same hour again (two packets): counted once
      { at: at('2025-06-11T17:00:00Z'), flags: ['N', 'D'] }, // one abnormal factor makes the hour invalid
      { at: at('2025-06-12T15:00:00Z'), flags: ['N'] }, // 23:00 Beijing, still the 12th
      { at: at('2025-06-12T16:00:00Z'), flags: ['N'] }, // the 13th
    ];
    expect(dailyCompleteness(records, '2025-06-12', '2025-06-13', rules)).toEqual([
      { date: '2025-06-12', expected: 24, received: 3, valid: 2, transmissionRate: 3 / 24, validRate: 2 / 3, effectiveRate: 2 / 24 },
      { date: '2025-06-13', expected: 24, received: 1, valid: 1, transmissionRate: 1 / 24, validRate: 1, effectiveRate: 1 / 24 },
    ]);
  });

  it('lists days without data as zero, and caps at the expected hours', () => {
    const full = Array.from({ length: 24 }, (_, i) => ({ at: new Date(Date.parse('2025-06-11T16:00:00Z') + i * 3600_000), flags: ['N'] }));
    const [day, empty] = dailyCompleteness(full, '2025-06-12', '2025-06-13', { ...rules, expectedHoursPerDay: 20 });
    expect(day).toMatchObject({ expected: 20, received: 20, valid: 20, effectiveRate: 1 });
    expect(empty).toEqual({ date: '2025-06-13', expected: 20, received: 0, valid: 0, transmissionRate: 0, validRate: 0, effectiveRate: 0 });
  });
});
