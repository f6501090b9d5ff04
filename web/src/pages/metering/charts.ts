import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type Granularity, periodLabel, periodsIn } from './period';
import type { SeriesPoint } from './queries';

export type MeterSeriesOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption> & {
  series: Array<BarSeriesOption | LineSeriesOption>;
  xAxis: { type: 'category'; data: string[] };
};

/** Rounds for display only (the tooltip and axis), keeping a number: 4 decimals are below any meter's resolution. */
const round = (v: number) => Number(v.toFixed(4));

/**
 * A meter's use per period in its unit over the window [from, to): a line by the hour (a daily shape reads best as a
 * curve), bars by the day and the month. Every period of the window is on the axis, labelled by its Beijing start;
 * a period without data is a gap, not a zero.
 */
export function seriesOption(points: readonly SeriesPoint[], g: Granularity, window: { from: string; to: string }, labels: { name: string; unit: string }): MeterSeriesOption {
  const byStart = new Map(points.map((p) => [Date.parse(p.period), p]));
  const periods = periodsIn(g, window.from, window.to);
  const data = periods.map((start) => {
    const p = byStart.get(Date.parse(start));
    return !p || (p.readings === 0 && p.quantity === 0 && p.hours === 0) ? null : round(p.quantity);
  });
  const series: BarSeriesOption | LineSeriesOption =
    g === 'hour'
      ? { type: 'line', name: labels.name, data, showSymbol: periods.length <= 72, connectNulls: false, areaStyle: { opacity: 0.15 } }
      : { type: 'bar', name: labels.name, data, barMaxWidth: 28 };
  return {
    grid: { left: 64, right: 24, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} ${labels.unit}`) },
    xAxis: { type: 'category', data: periods.map((p) => periodLabel(p, g)) },
    yAxis: { type: 'value', name: labels.unit },
    series: [series],
  } as MeterSeriesOption;
}

/** The window's total use and the hours with data, for the line under the chart. */
export function seriesTotals(points: readonly SeriesPoint[]): { quantity: number; hours: number } {
  return points.reduce((a, p) => ({ quantity: a.quantity + p.quantity, hours: a.hours + p.hours }), { quantity: 0, hours: 0 });
}
