import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GeoComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Basis, StationState } from './labels';
import { STATE_COLOUR } from './labels';
import type { LivePoint } from './live';

export type MonitoringOption = ComposeOption<
  LineSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption | GeoComponentOption | MarkLineComponentOption
> & { series: Array<LineSeriesOption | ScatterSeriesOption> };

// Charts run with useUTC and are fed Beijing wall-clock milliseconds, so that the axis reads Beijing time in any browser.
const BEIJING_MS = 8 * 3_600_000;
export const beijingMs = (at: string) => Date.parse(at) + BEIJING_MS;
const round = (v: number | null) => (v === null ? null : Number(v.toFixed(4)));

/** A factor's limits as the chart draws them. */
export type LimitSpec = { upper: number | null; lower: number | null; basis: Basis | null };
export type LineLabels = { name: string; unit: string; upper: string; lower: string };

/** 限值 lines on a series: the upper limit red and dashed, a range factor's lower limit too (pH 6–9). */
export function limitLines(limit: LimitSpec, labels: Pick<LineLabels, 'upper' | 'lower'>): MarkLineComponentOption | undefined {
  const data = [
    ...(limit.upper === null ? [] : [{ yAxis: limit.upper, name: labels.upper, label: { formatter: `${labels.upper} ${limit.upper}` } }]),
    ...(limit.lower === null ? [] : [{ yAxis: limit.lower, name: labels.lower, label: { formatter: `${labels.lower} ${limit.lower}` } }]),
  ];
  return data.length ? { symbol: 'none', silent: true, lineStyle: { color: '#cf1322', type: 'dashed' }, label: { position: 'insideEndTop', color: '#cf1322' }, data } : undefined;
}

const valueFormatter = (unit: string) => (v: unknown) => (v === null || v === undefined || Number.isNaN(v) ? '—' : `${String(v)} ${unit}`.trim());

/** The y axis wide enough to show the limit lines even when every value sits far below them. */
function yAxisFor(unit: string, limit: LimitSpec, values: number[]) {
  const bounds = [...values, ...(limit.upper === null ? [] : [limit.upper]), ...(limit.lower === null ? [] : [limit.lower])];
  return { type: 'value' as const, name: unit, scale: true, ...(bounds.length ? { max: (v: { max: number }) => Math.max(v.max, ...bounds) } : {}) };
}

/**
 * 实时 chart of one factor: the points as they stream in (one line per data kind present: real-time, minute),
 * the limit as a mark line, the time axis in Beijing time.
 */
export function liveOption(points: readonly LivePoint[], limit: LimitSpec, labels: LineLabels & { kinds: Record<string, string> }): MonitoringOption {
  const kinds = [...new Set(points.map((p) => p.kind))];
  const series: LineSeriesOption[] = (kinds.length ? kinds : ['rtd']).map((kind, i) => {
    const mine = points.filter((p) => p.kind === kind);
    return {
      type: 'line',
      name: labels.kinds[kind] ?? kind,
      showSymbol: mine.length <= 60,
      data: mine.map((p) => [beijingMs(p.at), round(basisValue(p, limit.basis))]),
      ...(i === 0 ? { markLine: limitLines(limit, labels) } : {}),
    };
  });
  return {
    useUTC: true,
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(labels.unit) },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
    yAxis: yAxisFor(labels.unit, limit, points.flatMap((p) => (p.value === null ? [] : [p.value]))),
    series,
  } as MonitoringOption;
}

/** The value compared with the limit: the 折算 value when the limit applies to it and the station sent or we computed one. */
export function basisValue(p: { value: number | null; zs: number | null }, basis: Basis | null): number | null {
  return basis === 'converted' && p.zs !== null ? p.zs : p.value;
}

export type HistoryPoint = { at: string; avg: number | null; min: number | null; max: number | null; zs: number | null };

/**
 * 历史数据 of one factor: measured values, the 折算 values where there are any, the limit on the series it applies to,
 * and dataZoom (the wheel and the slider) to zoom into a stretch.
 */
export function historyOption(
  points: readonly HistoryPoint[],
  limit: LimitSpec,
  labels: LineLabels & { measured: string; converted: string; range: string },
  aggregated: boolean,
  window?: { from: string; to: string },
): MonitoringOption {
  const hasZs = points.some((p) => p.zs !== null);
  const onZs = limit.basis === 'converted' && hasZs;
  const marks = limitLines(limit, labels);
  const series: LineSeriesOption[] = [
    { type: 'line', name: labels.measured, showSymbol: points.length <= 72, connectNulls: false, data: points.map((p) => [beijingMs(p.at), round(p.avg)]), ...(onZs ? {} : { markLine: marks }) },
  ];
  if (hasZs) series.push({ type: 'line', name: labels.converted, showSymbol: points.length <= 72, data: points.map((p) => [beijingMs(p.at), round(p.zs)]), ...(onZs ? { markLine: marks } : {}) });
  if (aggregated && points.some((p) => p.min !== null || p.max !== null)) {
    // The hour's (day's) lowest and highest as thin lines around the average.
    series.push(
      { type: 'line', name: labels.range, showSymbol: false, lineStyle: { width: 1, type: 'dotted' }, data: points.map((p) => [beijingMs(p.at), round(p.min)]) },
      { type: 'line', name: labels.range, showSymbol: false, lineStyle: { width: 1, type: 'dotted' }, data: points.map((p) => [beijingMs(p.at), round(p.max)]) },
    );
  }
  const values = points.flatMap((p) => [p.avg, p.zs, p.max].filter((v): v is number => v !== null));
  return {
    useUTC: true,
    grid: { left: 56, right: 24, top: 40, bottom: 72 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(labels.unit) },
    // The axis spans the range asked for, so that a day with little data still reads as that day.
    xAxis: { type: 'time', axisLabel: { hideOverlap: true }, ...(window ? { min: beijingMs(window.from), max: beijingMs(window.to) } : {}) },
    yAxis: yAxisFor(labels.unit, limit, values),
    dataZoom: [
      { type: 'inside', filterMode: 'none' },
      { type: 'slider', filterMode: 'none', bottom: 16, height: 24 },
    ],
    series,
  } as MonitoringOption;
}

/** A station placed on the map. */
export type MapStation = { id: number; name: string; mn: string; longitude: number | null; latitude: number | null; state: StationState };

/**
 * Stations over the Ganzhou county map (ECharts geo): one scatter series per state, so that the legend names the
 * colours (报警 red, 中断 orange, 正常 green, 未上线 grey). Stations without coordinates are left off.
 */
export function stationMapOption(mapName: string, stations: readonly MapStation[], labels: { states: Record<StationState, string>; tooltip: (s: MapStation) => string }): MonitoringOption {
  const placed = stations.filter((s) => s.longitude !== null && s.latitude !== null);
  const order: StationState[] = ['alarm', 'silent', 'normal', 'never'];
  const series: ScatterSeriesOption[] = order.map((state) => ({
    type: 'scatter',
    coordinateSystem: 'geo',
    name: labels.states[state],
    symbolSize: state === 'alarm' ? 14 : 10,
    itemStyle: { color: STATE_COLOUR[state], borderColor: '#fff', borderWidth: 1 },
    // Alarms drawn last stay on top of a crowded county.
    z: 10 - order.indexOf(state),
    data: placed.filter((s) => s.state === state).map((s) => ({ name: s.name, value: [s.longitude!, s.latitude!, s.id] })),
  }));
  const byName = new Map(placed.map((s) => [s.name, s]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const name = (Array.isArray(p) ? p[0]?.name : p.name) ?? '';
        const s = byName.get(name);
        return s ? labels.tooltip(s) : name;
      },
    },
    legend: { bottom: 8, left: 8, orient: 'vertical' },
    geo: {
      map: mapName,
      roam: true,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      label: { show: true, fontSize: 11, color: '#595959' },
      itemStyle: { areaColor: '#f0f5ff', borderColor: '#adc6ff' },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#d6e4ff' } },
      select: { disabled: true },
    },
    series,
  } as MonitoringOption;
}

/** The colour of a 有效传输率 cell in the heat map (a display scale, not a rule): green from 90 %, amber from 75 %, red below. */
export function rateColour(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '#fafafa';
  if (rate >= 0.9) return '#d9f7be';
  if (rate >= 0.75) return '#fff1b8';
  if (rate > 0) return '#ffccc7';
  return '#ffa39e';
}
