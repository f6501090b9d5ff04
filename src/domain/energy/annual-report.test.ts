import { describe, expect, it } from 'vitest';
import { type AnnualReportInput, checkAnnualReport, unitConsumption } from './annual-report';
import type { Carrier } from './conversion';

const carriers = new Map<string, Carrier>(
  [
    { code: 'raw-coal', name: '原煤', baseUnit: 'kg' as const, kgce: 0.7143 },
    { code: 'electricity', name: '电力', baseUnit: 'kWh' as const, kgce: 0.1229, isElectricity: true },
  ].map((c) => [c.code, c]),
);
const report = (more: Partial<AnnualReportInput> = {}): AnnualReportInput => ({
  year: 2024,
  lines: [
    { carrier: 'raw-coal', quantity: 10_000, unit: 't' },
    { carrier: 'electricity', quantity: 2_000, unit: '万kWh' },
  ],
  products: [{ product: 'cement-clinker', output: 800_000, unit: 't', energyTce: 7_000 }],
  savingProjects: [],
  changeReason: null,
  ...more,
});
const rules = { changeThreshold: 0.3 };

describe('annual energy report checks', () => {
  it('converts and totals: 10 000 t coal + 2 000 万kWh = 9 601 tce (当量)', () => {
    const r = checkAnnualReport(report(), carriers, 0.3, null, rules);
    expect(r.ok && Math.round(r.totals.totalEquivalent * 1000) / 1000).toBe(9601);
  });
  it('needs a reason when the total moves more than 30 % from last year, either way', () => {
    expect(checkAnnualReport(report(), carriers, 0.3, 7000, rules)).toMatchObject({ ok: false, problem: { pointer: '#/changeReason' } });
    expect(checkAnnualReport(report(), carriers, 0.3, 14000, rules)).toMatchObject({ ok: false, problem: { pointer: '#/changeReason' } });
    expect(checkAnnualReport(report(), carriers, 0.3, 8000, rules).ok).toBe(true); // +20 %
    expect(checkAnnualReport(report({ changeReason: '新生产线投产' }), carriers, 0.3, 7000, rules).ok).toBe(true);
  });
  it('keeps the products within the total, and each carrier once', () => {
    expect(checkAnnualReport(report({ products: [{ product: 'x', output: 1, unit: 't', energyTce: 10_000 }] }), carriers, 0.3, null, rules)).toMatchObject({ ok: false, problem: { pointer: '#/products' } });
    const twice = report({ lines: [{ carrier: 'raw-coal', quantity: 1, unit: 't' }, { carrier: 'raw-coal', quantity: 2, unit: 't' }] });
    expect(checkAnnualReport(twice, carriers, 0.3, null, rules)).toMatchObject({ ok: false, problem: { pointer: '#/lines/1/carrier' } });
  });
  it('points at the line and field of a bad quantity or unit', () => {
    expect(checkAnnualReport(report({ lines: [{ carrier: 'electricity', quantity: 1, unit: 't' }] }), carriers, 0.3, null, rules)).toMatchObject({ ok: false, problem: { pointer: '#/lines/0/unit' } });
  });
  it('gives unit-product consumption', () => {
    expect(unitConsumption({ product: 'cement-clinker', output: 800_000, unit: 't', energyTce: 7_000 })).toBeCloseTo(0.00875, 9);
    expect(unitConsumption({ product: 'x', output: 0, unit: 't', energyTce: 1 })).toBeNull();
  });
});
