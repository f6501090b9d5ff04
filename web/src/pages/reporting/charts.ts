import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { OverviewIndicator } from './overview';

type TimeAxis = { type: 'value'; min: number; max: number | undefined; interval: number; axisLabel: { formatter: (v: number) => string } };
/** The option, with the parts the builder fixes typed as it writes them (so tests read them without casts). */
export type TrajectoryOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption> & {
  series: LineSeriesOption[];
  xAxis: TimeAxis;
};

/** What the plan says of the indicator's time frame (the overview carries only elapsed years). */
export type Terms = { baselineYear: number; baselineValue: number | null; targetYear: number };

export type TrajectoryLabels = { reported: string; expected: string; forecast: string; target: string; unit: string | null };

type Pt = [number, number];

/**
 * The indicator's path on an axis of elapsed years since the baseline (labelled as calendar years):
 * the approved values as a line with symbols, the expected path through the values the server gave
 * (baseline, the expected value now, the target at the target year), the target as a mark line,
 * and the forecast as a dashed segment ending in a point at the target year.
 */
export function trajectoryOption(ind: OverviewIndicator, terms: Terms, labels: TrajectoryLabels): TrajectoryOption {
  const span = Math.max(0, terms.targetYear - terms.baselineYear);
  const reported: Pt[] = ind.points.map((p) => [p.t, p.value]);
  const expected: Pt[] = [];
  if (terms.baselineValue !== null) expected.push([0, terms.baselineValue]);
  const nowT = ind.latest?.t ?? null;
  if (ind.expected !== null && nowT !== null && nowT > 0 && nowT < span) expected.push([nowT, ind.expected]);
  if (ind.target !== null && span > 0) expected.push([span, ind.target]);
  const forecast: Pt[] = ind.forecast !== null && ind.latest && span > 0 ? [[ind.latest.t, ind.latest.value], [span, ind.forecast]] : [];
  const yearOf = (t: number) => String(Math.round((terms.baselineYear + t) * 100) / 100);

  const series: LineSeriesOption[] = [
    {
      name: labels.reported,
      type: 'line',
      data: reported,
      symbol: 'circle',
      symbolSize: 8,
      showSymbol: true,
      lineStyle: { width: 2 },
      z: 3,
      ...(ind.target !== null
        ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#cf1322', type: 'solid' }, label: { formatter: labels.target }, data: [{ yAxis: ind.target }] } }
        : {}),
    },
    { name: labels.expected, type: 'line', data: expected, symbol: 'none', lineStyle: { type: 'dotted', color: '#8c8c8c' }, itemStyle: { color: '#8c8c8c' } },
    {
      name: labels.forecast,
      type: 'line',
      data: forecast,
      symbol: (_v: unknown, p: { dataIndex: number }) => (p.dataIndex === 1 ? 'emptyCircle' : 'none'),
      symbolSize: 10,
      lineStyle: { type: 'dashed', color: '#fa8c16' },
      itemStyle: { color: '#fa8c16' },
    },
  ];
  return {
    animationDuration: 300,
    grid: { left: 64, right: 48, top: 48, bottom: 40 },
    legend: { top: 8 },
    tooltip: { trigger: 'item', formatter: (p: unknown) => tooltipText(p, yearOf, labels.unit) },
    xAxis: { type: 'value', min: 0, max: span || undefined, interval: 1, axisLabel: { formatter: (v: number) => yearOf(v) } },
    yAxis: { type: 'value', scale: true, name: labels.unit ?? undefined },
    series,
  };
}

function tooltipText(p: unknown, yearOf: (t: number) => string, unit: string | null): string {
  if (typeof p !== 'object' || p === null) return '';
  const name = 'seriesName' in p && typeof p.seriesName === 'string' ? p.seriesName : '';
  const value = 'value' in p ? p.value : null;
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') return name;
  return `${name}<br/>${yearOf(value[0])}: ${value[1]}${unit ? ` ${unit}` : ''}`;
}
