import { describe, expect, it } from 'vitest';
import { evaluateQuota, quotaLevel, resolveQuotas, worstLevel } from './quota';
import type { SupervisionRules } from './reference';

const full = { months: 12, energyKgce: 36_000, waterM3: 2_000, staff: 100, floorAreaM2: 3_000 };

describe('evaluateQuota', () => {
  // 36 000 kgce / 100 persons = 360 kgce/人·a against quotas around it; warnings from 90 % (quotaWarnRatio).
  it('warns from the warn ratio and is over only above the quota (an upper limit)', () => {
    const at = (quota: number) => evaluateQuota('energy-per-capita', quota, full, 0.9);
    expect(at(500)).toMatchObject({ evaluable: true, annualIndicator: 360, ratio: 0.72, level: 'ok' });
    expect(at(400)).toMatchObject({ ratio: 0.9, level: 'warn' }); // exactly 90 %: warns
    expect(at(360)).toMatchObject({ ratio: 1, level: 'warn' }); // at the quota: not over
    expect(at(350)).toMatchObject({ level: 'over' });
  });

  it('judges a lower limit (higher is better) the other way round', () => {
    const upper = evaluateQuota('energy-per-capita', 300, full, 0.9, 'upper-limit');
    const lower = evaluateQuota('energy-per-capita', 300, full, 0.9, 'lower-limit');
    expect(upper).toMatchObject({ ratio: 1.2, level: 'over', direction: 'upper-limit' });
    expect(lower).toMatchObject({ ratio: 1.2, level: 'ok', direction: 'lower-limit' });
    expect(quotaLevel(0.5, 'lower-limit', 0.9)).toBe('over'); // half of a minimum
    expect(quotaLevel(1.05, 'lower-limit', 0.9)).toBe('warn'); // 1 / 1.05 = 0.95 ≥ 0.9
    expect(quotaLevel(0.5, 'upper-limit', 0.9)).toBe('ok');
  });

  it('every quota kind in use today is an upper limit', () => {
    for (const kind of ['energy-per-capita', 'energy-per-area', 'water-per-capita'] as const) expect(evaluateQuota(kind, 1, full, 0.9).direction).toBe('upper-limit');
  });

  it('annualises a partial year: 6 months are compared with the annual quota × 6 / 12', () => {
    // 15 000 kgce / 3 000 m² = 5 kgce/m² in 6 months → 10 kgce/m²·a against a 12 kgce/m²·a quota: 83 %.
    const half = evaluateQuota('energy-per-area', 12, { ...full, months: 6, energyKgce: 15_000 }, 0.9);
    expect(half).toMatchObject({ periodIndicator: 5, annualIndicator: 10, level: 'ok' });
    expect(half.evaluable && half.ratio).toBeCloseTo(0.8333, 4);
    // The same 15 000 kgce over a full year would be well within; over 3 months it is 20 kgce/m²·a: over.
    expect(evaluateQuota('energy-per-area', 12, { ...full, months: 3, energyKgce: 15_000 }, 0.9)).toMatchObject({ annualIndicator: 20, level: 'over' });
    expect(evaluateQuota('energy-per-area', 12, { ...full, months: 12, energyKgce: 15_000 }, 0.9)).toMatchObject({ annualIndicator: 5, level: 'ok' });
  });

  it('is not evaluable without the denominator, and says which', () => {
    expect(evaluateQuota('energy-per-capita', 400, { ...full, staff: null }, 0.9)).toMatchObject({ evaluable: false, reason: 'no-staff' });
    expect(evaluateQuota('water-per-capita', 25, { ...full, staff: 0 }, 0.9)).toMatchObject({ evaluable: false, reason: 'no-staff' });
    expect(evaluateQuota('energy-per-area', 12, { ...full, floorAreaM2: null }, 0.9)).toMatchObject({ evaluable: false, reason: 'no-area' });
    expect(evaluateQuota('water-per-capita', 25, { ...full, waterM3: null }, 0.9)).toMatchObject({ evaluable: false, reason: 'no-water' });
    expect(evaluateQuota('energy-per-capita', 400, { ...full, months: 0 }, 0.9)).toMatchObject({ evaluable: false, reason: 'no-months' });
  });
});

describe('resolveQuotas', () => {
  const defaults: SupervisionRules['quotaDefaults'] = [
    { kind: 'energy-per-capita', institutionKind: 'organ', level: 'city', value: 420 },
    { kind: 'energy-per-capita', institutionKind: 'organ', value: 380 },
    { kind: 'energy-per-area', institutionKind: 'organ', value: 12 },
    { kind: 'energy-per-area', institutionKind: 'school', value: 6 },
  ];
  it('takes the institution’s own quota, else the level-specific default, else the kind’s default', () => {
    expect(resolveQuotas([], defaults, { kind: 'organ', level: 'city' }, 'ref')).toEqual([
      { kind: 'energy-per-capita', value: 420, source: 'ref', isDefault: true },
      { kind: 'energy-per-area', value: 12, source: 'ref', isDefault: true },
    ]);
    expect(resolveQuotas([], defaults, { kind: 'organ', level: 'township' }, 'ref')[0]).toMatchObject({ value: 380 });
    const own = resolveQuotas([{ kind: 'energy-per-area', value: 9, source: '赣机管〔2024〕3号' }], defaults, { kind: 'organ', level: 'city' }, 'ref');
    expect(own[1]).toEqual({ kind: 'energy-per-area', value: 9, source: '赣机管〔2024〕3号', isDefault: false });
    expect(resolveQuotas([], defaults, { kind: 'hospital', level: 'county' }, 'ref')).toEqual([]);
  });
});

it('worstLevel puts over before warn before ok, ignoring what cannot be evaluated', () => {
  const ok = evaluateQuota('energy-per-capita', 1_000, full, 0.9);
  const over = evaluateQuota('energy-per-area', 1, full, 0.9);
  const none = evaluateQuota('water-per-capita', 1, { ...full, waterM3: null }, 0.9);
  expect(worstLevel([ok, over, none])).toBe('over');
  expect(worstLevel([ok, none])).toBe('ok');
  expect(worstLevel([none])).toBeNull();
});
