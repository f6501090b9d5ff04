import { describe, expect, it } from 'vitest';
import type { CountyMap } from '../home/charts';
import { barometerMapOption, gdpTrendOption, reductionTrendOption, totalTrendOption } from './charts';
import { levelColours } from './levels';
import type { RatedRegion } from './rating';

const colours = levelColours({ level1: '#f00', level2: '#ff0', level3: '#0f0', unrated: '#ccc' });
const square = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
const map: CountyMap = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '章贡区', code: '360702', center: [0, 0] }, geometry: { type: 'Polygon', coordinates: square } },
    { type: 'Feature', properties: { name: '南康区', code: '360703', center: [0, 0] }, geometry: { type: 'Polygon', coordinates: square } },
    { type: 'Feature', properties: { name: '赣县区', code: '360704', center: [0, 0] }, geometry: { type: 'Polygon', coordinates: square } },
  ],
};
const figures = { actual: null, required: null, gap: null };
const row = (regionCode: string, overall: 1 | 2 | 3 | null): RatedRegion => ({
  regionCode,
  name: regionCode,
  overall,
  intensity: overall === null ? null : { level: overall, ...figures },
  total: overall === null ? null : { level: 3, ...figures },
  exemptFromTotal: false,
  notRated: overall === null ? 'no-data' : null,
  problem: null,
});

describe('barometerMapOption', () => {
  it('colours each county by its overall level, grey where not rated or absent', () => {
    const option = barometerMapOption('m', map, [row('360702', 2), row('360703', null)], colours, { legend: '晴雨表', tooltip: (name, r) => `${name}:${r?.overall ?? '-'}` });
    const series = (option.series as Array<{ data: Array<{ name: string; itemStyle: { areaColor: string } }> }>)[0]!;
    expect(series.data.map((d) => [d.name, d.itemStyle.areaColor])).toEqual([
      ['章贡区', '#ff0'],
      ['南康区', '#ccc'],
      ['赣县区', '#ccc'],
    ]);
    const formatter = (option.tooltip as { formatter: (p: { name: string }) => string }).formatter;
    expect(formatter({ name: '章贡区' })).toBe('章贡区:2');
    expect(formatter({ name: '赣县区' })).toBe('赣县区:-');
  });
});

describe('trend options', () => {
  const rows = [
    { year: 2022, cumulativeReduction: 0.056095, progressTarget: 0.052011, assessedTotal: 420, totalTarget: { planned: 424.3, adjusted: 430.123, isAdjusted: true }, gdpComparable: 1112.4 },
    { year: 2021, cumulativeReduction: 0.037037, progressTarget: 0.026353, assessedTotal: 416, totalTarget: null, gdpComparable: 1080 },
  ];
  it('draws the cumulative reduction against the progress target in %, by year', () => {
    const o = reductionTrendOption(rows, { actual: '累计降低', target: '进度目标' });
    expect(o.xAxis.data).toEqual(['2021', '2022']);
    expect(o.series.map((s) => s.data)).toEqual([
      [3.7, 5.61],
      [2.64, 5.2],
    ]);
  });
  it('draws the total against its planned and adjusted targets, gaps left empty', () => {
    const o = totalTrendOption(rows, { actual: '考核总量', planned: '原目标', adjusted: '调整后目标', unit: '万吨标准煤' });
    expect(o.series.map((s) => s.data)).toEqual([
      [416, 420],
      [null, 424.3],
      [null, 430.12],
    ]);
  });
  it('draws comparable GDP', () => {
    expect(gdpTrendOption(rows, { gdp: 'GDP', unit: '亿元' }).series[0]!.data).toEqual([1080, 1112.4]);
  });
});
