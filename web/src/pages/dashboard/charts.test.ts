import { describe, expect, it } from 'vitest';
import type { CountyMap } from '../home/charts';
import { NO_DATA_COLOR, type RegionShare, SHARE_COLORS, onTrackOfAssessed, regionShareMapOption } from './charts';

const square = [
  [
    [114, 25],
    [115, 25],
    [115, 26],
    [114, 25],
  ],
];
const feature = (code: string, name: string) => ({ type: 'Feature' as const, properties: { name, code, center: [] }, geometry: { type: 'Polygon' as const, coordinates: square } });
const map: CountyMap = { type: 'FeatureCollection', features: [feature('360702', '章贡区'), feature('360703', '南康区'), feature('360704', '赣县区')] };
const row = (regionCode: string, name: string, onTrack: number, assessed: number, overdue = 0): RegionShare => ({
  regionCode,
  name,
  kind: 'district',
  indicators: assessed,
  assessed,
  onTrack,
  share: assessed > 0 ? onTrack / assessed : null,
  overdue,
});
const labels = { legend: '占比', high: '100%', low: '0%', tooltip: (name: string, r: RegionShare | undefined) => `${name}:${r ? onTrackOfAssessed(r) : '暂无数据'}:${r?.overdue ?? 0}` };

describe('county share map', () => {
  const option = regionShareMapOption('ganzhou', map, [row('360702', '章贡区', 0, 1, 2), row('360703', '南康区', 0, 0), row('GZJKQ', '赣州经开区', 1, 1)], labels);
  const series = (option.series as Array<{ data: Array<{ name: string; value: number; itemStyle?: { areaColor: string } }> }>)[0]!;

  it('maps each county to its share, grey where nothing is assessed or nothing came back', () => {
    expect(series.data.map((d) => d.name)).toEqual(['章贡区', '南康区', '赣县区']);
    expect(series.data[0]).toEqual({ name: '章贡区', value: 0 });
    expect(series.data[1]!.value).toBeNaN();
    expect(series.data[1]!.itemStyle).toEqual({ areaColor: NO_DATA_COLOR });
    expect(series.data[2]!.itemStyle).toEqual({ areaColor: NO_DATA_COLOR });
  });

  it('scales 0..1 from red to green', () => {
    expect(option.visualMap).toMatchObject({ min: 0, max: 1, inRange: { color: [...SHARE_COLORS] }, text: ['100%', '0%'] });
    expect(SHARE_COLORS[0]).toBe('#d73027');
    expect(SHARE_COLORS.at(-1)).toBe('#1a9850');
  });

  it('says in the tooltip how many are on track of those assessed, and how many periods are overdue', () => {
    const formatter = (option.tooltip as { formatter: (p: { name: string }) => string }).formatter;
    expect(formatter({ name: '章贡区' })).toBe('章贡区:0/1:2');
    expect(formatter({ name: '赣县区' })).toBe('赣县区:暂无数据:0');
  });
});
