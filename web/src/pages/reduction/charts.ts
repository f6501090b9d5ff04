import type { EChartsCoreOption } from 'echarts/core';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { type CountyMap, countyMapOption, type MapOption } from '../home/charts';
import { type Level, LEVEL_COLOUR } from './labels';
import type { Progress } from './queries';

export type RegionProgress = Progress['regions'][number];
export type PollutantProgress = RegionProgress['pollutants'][number];

/** A region's figures for one pollutant, if the answer has them. */
export const pollutantOf = (r: RegionProgress | undefined, p: Pollutant): PollutantProgress | undefined => r?.pollutants.find((x) => x.pollutant === p);

/**
 * The county map for one pollutant: each county in its level's colour (达到序时进度 green, 略低于 yellow, 明显滞后 red);
 * grey where there is no allocation to judge against or no row (a county user sees its own only). Zones have no polygon.
 */
export function progressMapOption(
  mapName: string,
  map: CountyMap,
  regions: readonly RegionProgress[],
  pollutant: Pollutant,
  labels: { legend: string; tooltip: (name: string, row: PollutantProgress | undefined) => string },
): MapOption {
  const byCode = new Map(regions.map((r) => [r.regionCode, pollutantOf(r, pollutant)]));
  return countyMapOption<PollutantProgress>(mapName, map, {
    legend: labels.legend,
    rowOf: (code) => byCode.get(code),
    fill: (row) => ({ value: null, colour: LEVEL_COLOUR[row?.level ?? 'none'] }),
    tooltip: labels.tooltip,
    unscaledColour: LEVEL_COLOUR.none,
    highlightColour: '#93c5fd',
  });
}

const UNJUDGED = '#5b8ff9';

export type RegionBar = { name: string; verified: number; allocation: number | null; level: Level };

/** Verified tonnes per region as bars in their level's colour, the allocation as a marker beside each (tonnes, 2 decimals). */
export function regionBarOption(rows: readonly RegionBar[], labels: { verified: string; allocation: string; unit: string }): EChartsCoreOption {
  const t2 = (v: number) => Math.round(v * 100) / 100;
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 48, bottom: 72 },
    legend: { top: 0, data: [labels.verified, labels.allocation] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)} ${labels.unit}` : '—') },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 40 } },
    yAxis: { type: 'value', name: labels.unit },
    series: [
      {
        type: 'bar',
        name: labels.verified,
        barMaxWidth: 28,
        itemStyle: { color: UNJUDGED },
        // Where there is an allocation the bar takes its level's colour; without one it is not judged (no grey "none" bar).
        data: rows.map((r) => (r.level === 'none' ? t2(r.verified) : { value: t2(r.verified), itemStyle: { color: LEVEL_COLOUR[r.level] } })),
      },
      { type: 'bar', name: labels.allocation, barMaxWidth: 28, itemStyle: { color: '#d9d9d9' }, data: rows.map((r) => (r.allocation === null ? null : t2(r.allocation))) },
    ],
  };
}
