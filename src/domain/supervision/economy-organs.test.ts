import { describe, expect, it } from 'vitest';
import { type EconomyOrgan, economyShare, economySharesByRegion, isCountedOrgan } from './economy-organs';

const organ = (regionCode: string, economyStatus: string, o: Partial<EconomyOrgan> = {}): EconomyOrgan => ({ regionCode, kind: 'organ', level: 'county', economyStatus, economyYear: economyStatus === 'accepted' ? 2023 : null, ...o });
const many = (n: number, status: string, region = '360702') => Array.from({ length: n }, () => organ(region, status));

describe('economyShare (plan 二（六）: 80 % of 县级及以上机关 by 2025)', () => {
  it('counts only organs at city or county level', () => {
    expect(isCountedOrgan({ kind: 'organ', level: 'county' })).toBe(true);
    expect(isCountedOrgan({ kind: 'organ', level: 'city' })).toBe(true);
    expect(isCountedOrgan({ kind: 'organ', level: 'township' })).toBe(false);
    expect(isCountedOrgan({ kind: 'school', level: 'county' })).toBe(false);
    const s = economyShare('360702', [...many(4, 'accepted'), organ('360702', 'accepted', { level: 'township' }), organ('360702', 'accepted', { kind: 'hospital' })], 0.8, 2025);
    expect(s).toMatchObject({ organs: 4, accepted: 4, share: 1, meetsGoal: true, needed: 0 });
  });

  it.each([
    // organs, accepted, share, needed = ceil(0.8 × organs) − accepted
    [10, 8, 0.8, 0, true],
    [10, 7, 0.7, 1, false],
    [15, 11, 11 / 15, 1, false], // 0.8 × 15 = 12 exactly, not 12.000000000000002 → 13
    [15, 12, 0.8, 0, true],
    [3, 2, 2 / 3, 1, false], // 0.8 × 3 = 2.4 → 3
    [7, 0, 0, 6, false],
  ])('%i organs, %i accepted: share %f, %i more needed', (n, accepted, share, needed, meets) => {
    const s = economyShare('360702', [...many(accepted, 'accepted'), ...many(n - accepted, 'creating')], 0.8, 2025);
    expect(s.share).toBeCloseTo(share, 10);
    expect(s).toMatchObject({ organs: n, accepted, needed, meetsGoal: meets, creating: n - accepted });
  });

  it('has no share without organs, and does not count an acceptance after the year asked', () => {
    expect(economyShare('360702', [], 0.8, 2025)).toMatchObject({ organs: 0, share: null, meetsGoal: false, needed: 0 });
    const late = economyShare('360702', [organ('360702', 'accepted', { economyYear: 2026 }), organ('360702', 'accepted')], 0.8, 2025);
    expect(late).toMatchObject({ organs: 2, accepted: 1, creating: 1, needed: 1 });
  });

  it('groups per county and the city’s own organs, and totals the city', () => {
    const organs = [...many(5, 'accepted', '360702'), ...many(5, 'none', '360703'), organ('360700', 'accepted', { level: 'city' })];
    const { regions, city } = economySharesByRegion(['360700', '360702', '360703'], organs, 0.8, 2025, '360700');
    expect(regions.map((r) => [r.regionCode, r.organs, r.accepted, r.needed])).toEqual([
      ['360700', 1, 1, 0],
      ['360702', 5, 5, 0],
      ['360703', 5, 0, 4],
    ]);
    expect(city).toMatchObject({ organs: 11, accepted: 6, needed: 3 }); // ceil(8.8) = 9
  });
});
