import { describe, expect, it } from 'vitest';
import { countyMapOption, ganzhouMapOption, namedTaskCounts, parseCountyMap } from './charts';

const square = [
  [
    [114, 25],
    [115, 25],
    [115, 26],
    [114, 25],
  ],
];
const file = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '章贡区', code: '360702', center: [114.9, 25.8] }, geometry: { type: 'Polygon', coordinates: square } },
    { type: 'Feature', properties: { name: '定南县', code: '360728', center: [115, 24.7] }, geometry: { type: 'MultiPolygon', coordinates: [square] } },
  ],
};

const task = (namedRegions: string[]) => ({ id: 1, code: 'x', text: '', lead: [], cooperating: [], namedRegions });
const tree = {
  chapters: [
    {
      id: 1,
      no: 2,
      title: '',
      sections: [
        { id: 1, no: 1, title: '', quote: '', isKeyProject: true, responsibilityQuote: null, indicators: [], tasks: [task(['360728']), task(['360728', 'GZJKQ'])] },
      ],
    },
  ],
};

describe('county map', () => {
  it('parses the map file and rejects what is not one', () => {
    const map = parseCountyMap(file);
    expect(map.features.map((f) => f.properties.name)).toEqual(['章贡区', '定南县']);
    expect(() => parseCountyMap({ type: 'FeatureCollection', features: [{ properties: { name: 'x' } }] })).toThrow(/feature 0/);
    expect(() => parseCountyMap([])).toThrow();
  });

  it('counts the tasks that name each region', () => {
    expect(Object.fromEntries(namedTaskCounts(tree))).toEqual({ '360728': 2, GZJKQ: 1 });
  });

  it('builds a labelled map series with a tooltip in the given words', () => {
    const option = ganzhouMapOption('ganzhou', parseCountyMap(file), namedTaskCounts(tree), {
      legend: '点名任务数',
      tooltip: (name, count) => `${name}：点名任务 ${count} 项`,
    });
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series).toMatchObject({ type: 'map', map: 'ganzhou', label: { show: true } });
    expect(series?.data).toEqual([
      { name: '章贡区', value: 0 },
      { name: '定南县', value: 2 },
    ]);
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    const formatter = tooltip?.formatter;
    if (typeof formatter !== 'function') throw new Error('tooltip formatter missing');
    // A partial CallbackDataParams: the formatter reads only name and value.
    expect(formatter({ name: '定南县', value: 2 } as never, '')).toBe('定南县：点名任务 2 项');
    expect(option.visualMap).toMatchObject({ min: 0, max: 2 });
  });

  it('colours each county its own way when there is no scale, and finds its row for the tooltip by name', () => {
    const levels = new Map([['360702', 2]]);
    const option = countyMapOption<number>('ganzhou', parseCountyMap(file), {
      legend: '等级',
      rowOf: (code) => levels.get(code),
      fill: (level) => ({ value: level ?? null, colour: level === undefined ? '#bfbfbf' : '#fadb14' }),
      tooltip: (name, level) => `${name}:${level ?? '未评价'}`,
      unscaledColour: '#bfbfbf',
      highlightColour: '#93c5fd',
    });
    const series = (option.series as Array<{ data: Array<{ name: string; value: number; itemStyle?: { areaColor: string } }>; itemStyle: object }>)[0]!;
    expect(series.data[0]).toEqual({ name: '章贡区', value: 2, itemStyle: { areaColor: '#fadb14' } });
    expect(series.data[1]!.value).toBeNaN();
    expect(series.data[1]!.itemStyle).toEqual({ areaColor: '#bfbfbf' });
    expect(series.itemStyle).toEqual({ borderColor: '#fff', borderWidth: 1, areaColor: '#bfbfbf' });
    expect(option.visualMap).toBeUndefined();
    const formatter = (option.tooltip as { formatter: (p: { name: string }) => string }).formatter;
    expect(formatter({ name: '章贡区' })).toBe('章贡区:2');
    expect(formatter({ name: '定南县' })).toBe('定南县:未评价');
  });
});
