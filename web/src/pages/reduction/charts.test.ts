import { describe, expect, it } from 'vitest';
import type { CountyMap } from '../home/charts';
import { progressMapOption, regionBarOption, type RegionProgress } from './charts';
import { LEVEL_COLOUR } from './labels';

const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]] });
const map: CountyMap = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '信丰县', code: '360722', center: [0, 0] }, geometry: square(0) },
    { type: 'Feature', properties: { name: '章贡区', code: '360702', center: [1, 0] }, geometry: square(1) },
    { type: 'Feature', properties: { name: '大余县', code: '360723', center: [2, 0] }, geometry: square(2) },
  ],
};
const region = (regionCode: string, level: 'green' | 'red' | 'none'): RegionProgress => ({
  regionCode,
  projects: 1,
  overdue: 0,
  pollutants: [
    { pollutant: 'COD', allocation: 100, verified_t: 50, gap_t: 50, completion: 0.5, level },
    { pollutant: 'NOx', allocation: null, verified_t: 0, gap_t: null, completion: null, level: 'none' },
  ],
});

describe('reduction charts', () => {
  it('colours each county by its level for the chosen pollutant, grey when absent or unallocated', () => {
    const option = progressMapOption('ganzhou', map, [region('360722', 'green'), region('360702', 'red')], 'COD', { legend: 'x', tooltip: () => '' });
    const data = (option.series as Array<{ data: Array<{ name: string; itemStyle?: { areaColor: string } }> }>)[0]!.data;
    expect(data.map((d) => d.itemStyle?.areaColor)).toEqual([LEVEL_COLOUR.green, LEVEL_COLOUR.red, LEVEL_COLOUR.none]);
    const nox = progressMapOption('ganzhou', map, [region('360722', 'green')], 'NOx', { legend: 'x', tooltip: () => '' });
    expect((nox.series as Array<{ data: Array<{ itemStyle?: { areaColor: string } }> }>)[0]!.data[0]!.itemStyle?.areaColor).toBe(LEVEL_COLOUR.none);
  });

  it('draws verified tonnes in the level’s colour beside the allocation, to 2 decimals', () => {
    const option = regionBarOption([{ name: '信丰县', verified: 496.8004, allocation: 549.994, level: 'yellow' }, { name: '大余县', verified: 12, allocation: null, level: 'none' }], { verified: '已核查', allocation: '目标', unit: '吨' }) as {
      series: Array<{ data: unknown[] }>;
    };
    // Without an allocation a bar is not judged: the series' own colour, never the grey of "none".
    expect(option.series[0]!.data).toEqual([{ value: 496.8, itemStyle: { color: LEVEL_COLOUR.yellow } }, 12]);
    expect(option.series[1]!.data).toEqual([549.99, null]);
  });
});
