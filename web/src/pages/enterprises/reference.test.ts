import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../settings/reference-form';
import { benchmarksOf, carriersOf } from './reference';

const version = (key: string, validFrom: string, value: unknown) => ({ id: 1, key, value, source: 'GB/T 2589-2020', validFrom, validTo: null, createdBy: null, createdByName: null });
const items: ReferenceItem[] = [
  {
    key: 'energy-coefficients',
    versions: [
      version('energy-coefficients', '2021-04-01', {
        carriers: [
          { code: 'raw-coal', name: '原煤', baseUnit: 'kg', kgce: 0.7143, tag: 'V' },
          { code: 'natural-gas', name: '天然气', baseUnit: 'm3', kgce: 1.2143, tag: 'V' },
          { code: 'heat', name: '热力', baseUnit: 'MJ', kgce: 0.03412, tag: 'V' },
          { code: 'electricity', name: '电力', baseUnit: 'kWh', kgce: 0.1229, isElectricity: true, tag: 'V' },
          { code: 'new-water', name: '新水', baseUnit: 'kg', kgce: 0.0000857, isWorkingMedium: true, tag: 'U' },
        ],
      }),
    ],
  },
  {
    key: 'efficiency-benchmarks',
    versions: [version('efficiency-benchmarks', '2023-06-06', { goalShare: 0.3, products: [{ code: 'cement-clinker', name: '水泥熟料', unit: 'kgce/t', industry: '水泥', benchmark: 100, baseline: 117, source: 'x', tag: 'U' }] })],
  },
];

describe('reference values for the report and the benchmarks', () => {
  it('offers the carriers in force in their usual reporting unit, without working media', () => {
    expect(carriersOf(items, 2024).map((c) => [c.name, c.unit])).toEqual([
      ['原煤', 't'],
      ['天然气', '万m3'],
      ['热力', 'GJ'],
      ['电力', '万kWh'],
    ]);
    expect(carriersOf(items, 2020)).toEqual([]); // GB/T 2589-2020 not yet in force at the end of 2020
  });

  it('finds the benchmark catalogue of a year, none before it was issued', () => {
    expect(benchmarksOf(items, 2024)?.goalShare).toBe(0.3);
    expect(benchmarksOf(items, 2022)).toBeNull();
  });
});
