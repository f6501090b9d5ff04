import { describe, expect, it } from 'vitest';
import { trajectoryOption } from './charts';
import type { OverviewIndicator } from './overview';

const ind: OverviewIndicator = {
  id: 3,
  code: 'I03',
  name: '化学需氧量重点工程减排量',
  unit: '吨',
  comparison: 'gte',
  target: 12000,
  stretch: null,
  latest: { periodKey: '2024', t: 4, value: 8150 },
  expected: 9600,
  forecast: 10100,
  points: [
    { periodKey: '2023', t: 3, value: 6000 },
    { periodKey: '2024', t: 4, value: 8150 },
  ],
  status: 'at-risk',
  completion: 0.68,
  expectedCompletion: 0.8,
  meetsTarget: false,
  meetsStretch: false,
};
const labels = { reported: '报送值', expected: '应达进度', forecast: '预测', target: '目标', unit: '吨' };

describe('trajectoryOption', () => {
  const o = trajectoryOption(ind, { baselineYear: 2020, baselineValue: 0, targetYear: 2025 }, labels);
  const series = o.series;

  it('plots the reported points, the expected path and the forecast at the target year', () => {
    expect(series.map((s) => s.name)).toEqual(['报送值', '应达进度', '预测']);
    expect(series[0]!.data).toEqual([[3, 6000], [4, 8150]]);
    expect(series[1]!.data).toEqual([[0, 0], [4, 9600], [5, 12000]]);
    expect(series[2]!.data).toEqual([[4, 8150], [5, 10100]]);
  });

  it('marks the target and labels the axis in calendar years', () => {
    expect(series[0]!.markLine?.data).toEqual([{ yAxis: 12000 }]);
    const x = o.xAxis;
    expect(x.max).toBe(5);
    expect(x.axisLabel.formatter(4)).toBe('2024');
  });

  it('leaves out what the server does not know', () => {
    const bare = trajectoryOption({ ...ind, target: null, forecast: null, expected: null, latest: null, points: [] }, { baselineYear: 2020, baselineValue: null, targetYear: 2025 }, labels);
    const s = bare.series;
    expect(s[0]!.data).toEqual([]);
    expect(s[0]!.markLine).toBeUndefined();
    expect(s[1]!.data).toEqual([]);
    expect(s[2]!.data).toEqual([]);
  });
});
