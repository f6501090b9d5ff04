import { describe, expect, it } from 'vitest';
import { type Carrier, ConversionError, convertLines, keyUnitClass } from './conversion';

// The default coefficients of energy.md §1.1 (the shipped data/reference/gbt2589.yaml carries the same).
const table: Carrier[] = [
  { code: 'raw-coal', name: '原煤', baseUnit: 'kg', kgce: 0.7143 },
  { code: 'natural-gas', name: '天然气', baseUnit: 'm3', kgce: 1.2143, min: 1.1, max: 1.33 },
  { code: 'diesel', name: '柴油', baseUnit: 'kg', kgce: 1.4571 },
  { code: 'heat', name: '热力', baseUnit: 'MJ', kgce: 0.03412 },
  { code: 'electricity', name: '电力', baseUnit: 'kWh', kgce: 0.1229, isElectricity: true },
  { code: 'new-water', name: '新水', baseUnit: 'kg', kgce: 0.0000857, isWorkingMedium: true },
];
const carriers = new Map(table.map((c) => [c.code, c]));
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

describe('GB/T 2589 conversion (energy.md §1 worked example)', () => {
  const lines = [
    { carrier: 'raw-coal', quantity: 2000, unit: 't' as const },
    { carrier: 'natural-gas', quantity: 30, unit: '万m3' as const },
    { carrier: 'diesel', quantity: 50, unit: 't' as const },
    { carrier: 'heat', quantity: 8000, unit: 'GJ' as const },
    { carrier: 'electricity', quantity: 500, unit: '万kWh' as const },
  ];
  const r = convertLines(lines, carriers, 0.3);

  it('converts each carrier', () => {
    expect(r.lines.map((l) => r4(l.tceEquivalent))).toEqual([1428.6, 364.29, 72.855, 272.96, 614.5]);
  });
  it('totals by both electricity methods: 2 753.205 tce (当量) and 3 638.705 tce (等价 at 0.300)', () => {
    expect(r4(r.totalEquivalent)).toBe(2753.205);
    expect(r4(r.totalEquivalentInput)).toBe(3638.705);
    expect(r4(r.totalEquivalent - r.lines[4]!.tceEquivalent)).toBe(2138.705);
  });
  it('uses a measured calorific value instead of the table (k = LHV / 29 307.6)', () => {
    const m = convertLines([{ carrier: 'raw-coal', quantity: 1000, unit: 't', measuredLhvKj: 23_027 }], carriers, 0.3);
    expect(m.lines[0]).toMatchObject({ coefficientFrom: 'measured' });
    expect(r4(m.totalEquivalent)).toBe(r4((23_027 / 29_307.6) * 1000));
  });
  it('leaves working media out unless asked', () => {
    const w = [{ carrier: 'new-water', quantity: 1000, unit: 't' as const }];
    expect(convertLines(w, carriers, 0.3).lines).toEqual([]);
    expect(convertLines(w, carriers, 0.3, { includeWorkingMedia: true }).lines).toHaveLength(1);
  });
  it('names the line and field of bad input', () => {
    const err = (lines: Parameters<typeof convertLines>[0]) => {
      try {
        convertLines(lines, carriers, 0.3);
      } catch (e) {
        return e instanceof ConversionError ? [e.index, e.field, e.message] : e;
      }
      return null;
    };
    expect(err([{ carrier: 'raw-coal', quantity: 1, unit: 't' }, { carrier: 'unobtainium', quantity: 1, unit: 't' }])).toEqual([1, 'carrier', '未知的能源品种“unobtainium”']);
    expect(err([{ carrier: 'electricity', quantity: 1, unit: 't' }])).toEqual([0, 'unit', '电力不能以“t”计量']);
    expect(err([{ carrier: 'raw-coal', quantity: -1, unit: 't' }])).toEqual([0, 'quantity', '原煤的实物量应为非负数']);
    expect(err([{ carrier: 'electricity', quantity: 1, unit: 'kWh', measuredLhvKj: 3600 }])).toEqual([0, 'measuredLhvKj', '电力的实测低位发热量无效']);
  });
});

describe('key energy-using units (节约能源法 art. 52)', () => {
  it('classes by the method the threshold uses: 2 500 t coal + 35 GWh is 6 087.25 tce (当量) but 12 285.75 tce (等价 0.300)', () => {
    const r = convertLines(
      [
        { carrier: 'raw-coal', quantity: 2500, unit: 't' },
        { carrier: 'electricity', quantity: 3500, unit: '万kWh' },
      ],
      carriers,
      0.3,
    );
    expect(r4(r.totalEquivalent)).toBe(6087.25);
    expect(r4(r.totalEquivalentInput)).toBe(12285.75);
    const thresholds = { key: 10_000, designatable: 5_000 };
    expect([keyUnitClass(r.totalEquivalent, thresholds), keyUnitClass(r.totalEquivalentInput, thresholds), keyUnitClass(4999.99, thresholds)]).toEqual(['designatable', 'key', 'none']);
  });
});
