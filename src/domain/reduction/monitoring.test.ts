import { describe, expect, it } from 'vitest';
import { compareWithMonitoring } from './monitoring';

describe('monitoring cross-check', () => {
  it('flags a measured concentration more than the tolerance away from the claimed one, before or after', () => {
    const rows = compareWithMonitoring(
      [
        { pollutant: 'COD', claimedBefore: 180, claimedAfter: 30, measuredBefore: 175, measuredAfter: 36 }, // 20 % exactly: not a contradiction
        { pollutant: 'NH3-N', claimedBefore: 22, claimedAfter: 1.5, measuredBefore: 22, measuredAfter: 1.81 },
        { pollutant: 'COD', claimedBefore: 180, claimedAfter: null, measuredBefore: null, measuredAfter: 90 }, // nothing to compare
        { pollutant: 'NOx', claimedBefore: 300, claimedAfter: 0, measuredBefore: 300, measuredAfter: 5 },
      ],
      0.2,
    );
    expect(rows.map((r) => r.contradiction)).toEqual([false, true, false, true]);
    expect(rows[0]).toMatchObject({ pollutant: 'COD', measuredAfter: 36 });
  });
});
