import { describe, expect, it } from 'vitest';
import { exportRows, rangeTotals } from './completeness';

const day = (date: string, expected: number, received: number, valid: number) => ({
  date,
  expected,
  received,
  valid,
  transmissionRate: received / expected,
  validRate: received ? valid / received : 0,
  effectiveRate: (received / expected) * (received ? valid / received : 0),
});

describe('rangeTotals', () => {
  it('sums the counts over the days, then takes the rates', () => {
    const t = rangeTotals([day('2026-11-23', 24, 24, 24), day('2026-11-24', 24, 12, 6)]);
    expect(t).toMatchObject({ expected: 48, received: 36, valid: 30 });
    expect(t.transmissionRate).toBeCloseTo(0.75, 10);
    expect(t.validRate).toBeCloseTo(30 / 36, 10);
    expect(t.effectiveRate).toBeCloseTo(0.625, 10);
  });
  it('has no rate without anything expected or received', () => {
    expect(rangeTotals([])).toMatchObject({ transmissionRate: null, validRate: null, effectiveRate: null });
    expect(rangeTotals([day('2026-11-24', 24, 0, 0)])).toMatchObject({ transmissionRate: 0, validRate: null, effectiveRate: null });
  });
  it('exports one row per station per day', () => {
    const rows = exportRows([{ stationId: 1, stationName: 'A', regionCode: '360702', days: [day('2026-11-23', 24, 24, 24), day('2026-11-24', 24, 12, 6)] }]);
    expect(rows.map((r) => [r.stationName, r.date, r.received])).toEqual([['A', '2026-11-23', 24], ['A', '2026-11-24', 12]]);
  });
});
