import { describe, expect, it } from 'vitest';
import { seriesTotals, seriesOption } from './charts';

const point = (period: string, quantity: number, hours = 1, readings = 6) => ({ period, quantity, hours, readings });

describe('seriesOption', () => {
  const hourly = [point('2026-11-24T01:00:00.000Z', 12.5), point('2026-11-24T00:00:00.000Z', 75.123456), point('2026-11-24T02:00:00.000Z', 0, 0, 0)];

  const hours = { from: '2026-11-24T07:00:00+08:00', to: '2026-11-24T12:00:00+08:00' };

  it('draws every hour of the window as a line, labelled in Beijing time, with hours without data as gaps', () => {
    const o = seriesOption(hourly, 'hour', hours, { name: '用量', unit: 'kWh' });
    expect(o.xAxis.data).toEqual(['11-24 07:00', '11-24 08:00', '11-24 09:00', '11-24 10:00', '11-24 11:00']);
    expect(o.series).toHaveLength(1);
    expect(o.series[0]).toMatchObject({ type: 'line', name: '用量', data: [null, 75.1235, 12.5, null, null] });
    expect(o.yAxis).toMatchObject({ name: 'kWh' });
  });

  it('draws days and months as bars, a zero day with readings staying zero', () => {
    const days = [point('2026-11-22T16:00:00.000Z', 300, 24, 144), point('2026-11-23T16:00:00.000Z', 0, 0, 3)];
    const o = seriesOption(days, 'day', { from: '2026-11-22T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00' }, { name: '用量', unit: 'm3' });
    expect(o.series[0]).toMatchObject({ type: 'bar', data: [null, 300, 0] });
    expect(o.xAxis.data).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    const months = seriesOption([point('2026-10-31T16:00:00.000Z', 9000, 500, 3000)], 'month', { from: '2026-10-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }, { name: 'x', unit: 'kWh' });
    expect(months.xAxis.data).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(months.series[0]).toMatchObject({ data: [null, 9000, null] });
  });

  it('shows the unit in the tooltip, and — for a gap', () => {
    const format = (seriesOption(hourly, 'hour', hours, { name: '用量', unit: 'kWh' }).tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;
    expect(format(12.5)).toBe('12.5 kWh');
    expect(format(null)).toBe('—');
  });
});

describe('seriesTotals', () => {
  it('sums use and hours with data', () => {
    expect(seriesTotals([point('a', 10, 2), point('b', 5.5, 1)])).toEqual({ quantity: 15.5, hours: 3 });
    expect(seriesTotals([])).toEqual({ quantity: 0, hours: 0 });
  });
});
