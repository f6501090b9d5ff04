import { describe, expect, it } from 'vitest';
import { basisValue, beijingMs, historyOption, limitLines, liveOption, rateColour, stationMapOption } from './charts';

const labels = { name: '化学需氧量（mg/L）', unit: 'mg/L', upper: '上限', lower: '下限' };
const at = (iso: string) => beijingMs(iso);

describe('limit lines', () => {
  it('draws the upper limit, and the lower one of a range factor', () => {
    expect(limitLines({ upper: 50, lower: null, basis: 'measured' }, labels)?.data).toEqual([{ yAxis: 50, name: '上限', label: { formatter: '上限 50' } }]);
    expect(limitLines({ upper: 9, lower: 6, basis: 'measured' }, labels)?.data).toHaveLength(2);
    expect(limitLines({ upper: null, lower: null, basis: null }, labels)).toBeUndefined();
  });
});

describe('liveOption', () => {
  const points = [
    { factor: 'w01018', kind: 'rtd', at: '2026-11-24T02:00:00.000Z', value: 40, min: null, max: null, zs: null, flag: 'N' },
    { factor: 'w01018', kind: 'rtd', at: '2026-11-24T02:00:30.000Z', value: 61.23456, min: null, max: null, zs: null, flag: 'N' },
    { factor: 'w01018', kind: 'min', at: '2026-11-24T02:00:00.000Z', value: 45, min: null, max: null, zs: null, flag: 'N' },
  ];
  it('draws a line per data kind on a Beijing-time axis, with the limit on the first', () => {
    const o = liveOption(points, { upper: 50, lower: null, basis: 'measured' }, { ...labels, kinds: { rtd: '实时', min: '分钟' } });
    expect(o.useUTC).toBe(true);
    expect(o.series.map((s) => s.name)).toEqual(['实时', '分钟']);
    expect(o.series[0]!.data).toEqual([
      [Date.parse('2026-11-24T10:00:00Z'), 40],
      [Date.parse('2026-11-24T10:00:30Z'), 61.2346],
    ]);
    expect((o.series[0] as { markLine?: unknown }).markLine).toBeDefined();
    expect((o.series[1] as { markLine?: unknown }).markLine).toBeUndefined();
  });
  it('keeps the limit in view when every value is far below it', () => {
    const o = liveOption(points.slice(0, 1), { upper: 500, lower: null, basis: 'measured' }, { ...labels, kinds: {} });
    const max = (o.yAxis as { max: (v: { max: number }) => number }).max;
    expect(max({ max: 40 })).toBe(500);
  });
});

describe('historyOption', () => {
  const points = [
    { at: '2026-11-24T00:00:00.000Z', avg: 30, min: 20, max: 40, zs: 33, flag: 'N' },
    { at: '2026-11-24T01:00:00.000Z', avg: 60, min: 50, max: 70, zs: 66, flag: 'N' },
  ];
  const l = { ...labels, measured: '实测', converted: '折算', range: '最小/最大' };
  it('puts the limit on the 折算 line when the limit applies to it, and zooms', () => {
    const o = historyOption(points, { upper: 50, lower: null, basis: 'converted' }, l, true);
    expect(o.series.map((s) => s.name)).toEqual(['实测', '折算', '最小/最大', '最小/最大']);
    expect((o.series[1] as { markLine?: unknown }).markLine).toBeDefined();
    expect((o.series[0] as { markLine?: unknown }).markLine).toBeUndefined();
    expect(o.dataZoom).toHaveLength(2);
    expect(historyOption(points, { upper: 50, lower: null, basis: 'converted' }, l, true, { from: '2026-11-24T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00' }).xAxis).toMatchObject({
      min: Date.parse('2026-11-24T00:00:00Z'),
      max: Date.parse('2026-11-25T00:00:00Z'),
    });
    expect(o.series[0]!.data).toEqual([[at('2026-11-24T00:00:00.000Z'), 30], [at('2026-11-24T01:00:00.000Z'), 60]]);
  });
  it('draws raw data without the min/max lines, the limit on the measured line', () => {
    const o = historyOption(points.map((p) => ({ ...p, zs: null })), { upper: 50, lower: null, basis: 'measured' }, l, false);
    expect(o.series.map((s) => s.name)).toEqual(['实测']);
    expect((o.series[0] as { markLine?: unknown }).markLine).toBeDefined();
  });
  it('compares the 折算 value where the limit is on it and there is one', () => {
    expect(basisValue({ value: 30, zs: 33 }, 'converted')).toBe(33);
    expect(basisValue({ value: 30, zs: null }, 'converted')).toBe(30);
    expect(basisValue({ value: 30, zs: 33 }, 'measured')).toBe(30);
  });
});

describe('stationMapOption', () => {
  it('places stations with coordinates, one series per state, the id riding along for the click', () => {
    const o = stationMapOption(
      'ganzhou',
      [
        { id: 1, name: 'A', mn: 'M1', longitude: 114.9, latitude: 25.8, state: 'alarm' },
        { id: 2, name: 'B', mn: 'M2', longitude: null, latitude: null, state: 'normal' },
        { id: 3, name: 'C', mn: 'M3', longitude: 115.0, latitude: 25.9, state: 'normal' },
      ],
      { states: { alarm: '报警', silent: '数据中断', normal: '正常', never: '未上线' }, tooltip: (s) => s.name },
    );
    expect(o.series.map((s) => s.name)).toEqual(['报警', '数据中断', '正常', '未上线']);
    expect(o.series[0]!.data).toEqual([{ name: 'A', value: [114.9, 25.8, 1] }]);
    expect(o.series[2]!.data).toEqual([{ name: 'C', value: [115.0, 25.9, 3] }]);
  });
});

describe('rateColour', () => {
  it('shades from red to green, grey without data', () => {
    expect([0.95, 0.8, 0.5, 0, null].map(rateColour)).toEqual(['#d9f7be', '#fff1b8', '#ffccc7', '#ffa39e', '#fafafa']);
  });
});
