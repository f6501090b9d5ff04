import { describe, expect, it } from 'vitest';
import type { BarometerRegion, QuarterRegion } from './queries';
import { periodOf, quarterOf, ratedFromQuarter, ratedFromYear } from './rating';

describe('period', () => {
  it('reads the URL and gives the quarter the API and the bulletin take', () => {
    expect(['q1', 'q2', 'q3', 'year', null, 'q4', 'x'].map((p) => periodOf(p))).toEqual(['q1', 'q2', 'q3', 'year', 'year', 'year', 'year']);
    expect((['q1', 'q2', 'q3', 'year'] as const).map(quarterOf)).toEqual([1, 2, 3, 4]);
  });
});

describe('ratedFromYear', () => {
  const evaluation = {
    level: { intensity: 2, total: 3, overall: 2 },
    exemptFromTotal: false,
    rating: { intensity: { actual: 0.019782, required: 0.026353, gap: null }, total: { actual: 0.009615, required: 0.029567, gap: -0.674807 } },
  } as unknown as NonNullable<BarometerRegion['evaluation']>; // only the fields the rating reads
  it("takes each level with the server's figures behind it", () => {
    const r = ratedFromYear({ regionCode: '360702', name: '章贡区', kind: 'district', evaluation, notRated: null, problem: null });
    expect(r).toEqual({
      regionCode: '360702',
      name: '章贡区',
      overall: 2,
      intensity: { level: 2, actual: 0.019782, required: 0.026353, gap: null },
      total: { level: 3, actual: 0.009615, required: 0.029567, gap: -0.674807 },
      exemptFromTotal: false,
      notRated: null,
      problem: null,
    });
  });
  it('leaves a region without an evaluation unrated, with the reason', () => {
    expect(ratedFromYear({ regionCode: '360703', name: '南康区', kind: 'district', evaluation: null, notRated: 'no-target', problem: null })).toMatchObject({ overall: null, intensity: null, total: null, notRated: 'no-target' });
  });
});

describe('ratedFromQuarter', () => {
  it('takes the year-to-date rating as it is, never exempt', () => {
    const q: QuarterRegion = {
      regionCode: '360702',
      name: '章贡区',
      kind: 'district',
      rating: { intensity: { level: 1, actual: -0.009524, required: 0.026353, gap: null }, total: { level: null, actual: null, required: null, gap: null }, overall: 1 },
      notRated: null,
    };
    expect(ratedFromQuarter(q)).toMatchObject({ overall: 1, intensity: { level: 1, actual: -0.009524 }, total: { level: null }, exemptFromTotal: false });
    expect(ratedFromQuarter({ ...q, rating: null, notRated: 'no-data' })).toMatchObject({ overall: null, intensity: null, notRated: 'no-data' });
  });
});
