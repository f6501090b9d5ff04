import type { EChartsCoreOption } from 'echarts/core';

export type IndustryShare = { industry: string; units: number; share: number | null; meetsGoal: boolean };
type Labels = { share: string; goal: string; bar: (percent: number, meetsGoal: boolean) => string };

const MET = '#52c41a';
const NOT_MET = '#fa8c16';

/** A share (0.3) as a percentage with at most one decimal (30, 33.3). */
export const toPercent = (share: number) => Math.round(share * 1000) / 10;

/**
 * 能效标杆水平产能占比 by industry as bars against the plan's goal line. The goal is "超过 30%": a bar exactly on the
 * line has not met it, so the colour follows the server's `meetsGoal` (share > goal), never a ≥ drawn here.
 */
export function benchmarkShareOption(industries: readonly IndustryShare[], goalShare: number, labels: Labels): EChartsCoreOption {
  const rows = industries.filter((i) => i.share !== null);
  return {
    animation: false,
    grid: { left: 48, right: 120, top: 56, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
    xAxis: { type: 'category', data: rows.map((r) => r.industry) },
    yAxis: { type: 'value', name: labels.share, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: labels.share,
        barMaxWidth: 56,
        data: rows.map((r) => ({ value: toPercent(r.share!), itemStyle: { color: r.meetsGoal ? MET : NOT_MET } })),
        label: { show: true, position: 'top', formatter: (p: { value: number; dataIndex: number }) => labels.bar(p.value, rows[p.dataIndex]?.meetsGoal ?? false) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#cf1322', type: 'dashed', width: 2 },
          label: { formatter: labels.goal, position: 'end' },
          data: [{ yAxis: toPercent(goalShare) }],
        },
      },
    ],
  };
}
