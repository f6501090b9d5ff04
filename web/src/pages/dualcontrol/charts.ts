import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type CountyMap, countyMapOption, type MapOption } from '../home/charts';
import { type LevelColours, levelColour } from './levels';
import type { Evaluation } from './queries';
import type { RatedRegion } from './rating';

export type BarometerMapLabels = {
  /** The series' name, e.g. 能耗双控晴雨表. */
  legend: string;
  /** The tooltip of a county (HTML), given its row or undefined when the server gave none. */
  tooltip: (name: string, row: RatedRegion | undefined) => string;
};

/**
 * 晴雨表 map: each county in its overall level's colour from the rule set; grey where not rated (no target or no
 * data) or absent from the answer, never green. Zones have no polygon and show only in the table beside it.
 * The same map serves the year and the year to date (季度晴雨表).
 */
export function barometerMapOption(mapName: string, map: CountyMap, regions: readonly RatedRegion[], colours: LevelColours, labels: BarometerMapLabels): MapOption {
  const byCode = new Map(regions.map((r) => [r.regionCode, r]));
  return countyMapOption<RatedRegion>(mapName, map, {
    legend: labels.legend,
    rowOf: (code) => byCode.get(code),
    fill: (row) => {
      const level = row?.overall ?? null;
      return { value: level, colour: levelColour(level, colours) };
    },
    tooltip: labels.tooltip,
    unscaledColour: colours.unrated,
    highlightColour: '#93c5fd',
  });
}

export type TrendOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption> & {
  series: LineSeriesOption[];
  xAxis: { type: 'category'; data: string[] };
};

type Row = Pick<Evaluation, 'year' | 'cumulativeReduction' | 'progressTarget' | 'assessedTotal' | 'totalTarget' | 'gdpComparable'>;

const pct = (v: number | null) => (v === null ? null : Number((v * 100).toFixed(2)));
const amt = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(2)));

function lineOption(years: string[], unit: string, series: LineSeriesOption[]): TrendOption {
  return {
    grid: { left: 56, right: 24, top: 36, bottom: 64 },
    legend: { bottom: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)} ${unit}`) },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', name: unit, scale: true },
    series,
  } as TrendOption;
}

const years = (rows: readonly Row[]) => [...rows].sort((a, b) => a.year - b.year);

/** 累计强度降低 against the progress target path P_t, both in % (the rows' fractions × 100). */
export function reductionTrendOption(rows: readonly Row[], labels: { actual: string; target: string }): TrendOption {
  const r = years(rows);
  return lineOption(
    r.map((x) => String(x.year)),
    '%',
    [
      { type: 'line', name: labels.actual, data: r.map((x) => pct(x.cumulativeReduction)), symbolSize: 8 },
      { type: 'line', name: labels.target, data: r.map((x) => pct(x.progressTarget)), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  );
}

/** 考核能源消费总量 against the total target: as planned and as adjusted for actual growth (万tce). */
export function totalTrendOption(rows: readonly Row[], labels: { actual: string; planned: string; adjusted: string; unit: string }): TrendOption {
  const r = years(rows);
  return lineOption(
    r.map((x) => String(x.year)),
    labels.unit,
    [
      { type: 'line', name: labels.actual, data: r.map((x) => amt(x.assessedTotal)), symbolSize: 8 },
      { type: 'line', name: labels.planned, data: r.map((x) => amt(x.totalTarget?.planned)), lineStyle: { type: 'dotted' }, symbol: 'none' },
      { type: 'line', name: labels.adjusted, data: r.map((x) => amt(x.totalTarget?.adjusted)), lineStyle: { type: 'dashed' }, symbol: 'none' },
    ],
  );
}

/** 地区生产总值 at the base year's prices (亿元). */
export function gdpTrendOption(rows: readonly Row[], labels: { gdp: string; unit: string }): TrendOption {
  const r = years(rows);
  return lineOption(
    r.map((x) => String(x.year)),
    labels.unit,
    [{ type: 'line', name: labels.gdp, data: r.map((x) => amt(x.gdpComparable)), symbolSize: 8 }],
  );
}
