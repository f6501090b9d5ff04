import { describe, expect, it } from 'vitest';
import { benchmarkShareOption, toPercent } from './charts';

const labels = { share: '标杆产能占比', goal: '目标：超过 30%', bar: (pct: number, met: boolean) => `${pct}%（${met ? '达标' : '未达标'}）` };
type Bar = { data: Array<{ value: number; itemStyle: { color: string } }>; markLine: { data: Array<{ yAxis: number }> }; label: { formatter: (p: { value: number; dataIndex: number }) => string } };

describe('benchmarkShareOption', () => {
  it('draws each industry against the goal line and colours by the server\'s strict "超过" verdict', () => {
    const option = benchmarkShareOption(
      [
        { industry: '水泥', units: 2, share: 0.3, meetsGoal: false },
        { industry: '钢铁', units: 1, share: 0.45, meetsGoal: true },
        { industry: '数据中心', units: 0, share: null, meetsGoal: false },
      ],
      0.3,
      labels,
    );
    const bar = (option.series as Bar[])[0]!;
    expect((option.xAxis as { data: string[] }).data).toEqual(['水泥', '钢铁']);
    expect(bar.data.map((d) => d.value)).toEqual([30, 45]);
    // Exactly 30 % sits on the line but has not met "超过 30%".
    expect(bar.data[0]!.itemStyle.color).not.toBe(bar.data[1]!.itemStyle.color);
    expect(bar.label.formatter({ value: 30, dataIndex: 0 })).toBe('30%（未达标）');
    expect(bar.label.formatter({ value: 45, dataIndex: 1 })).toBe('45%（达标）');
    expect(bar.markLine.data).toEqual([{ yAxis: 30 }]);
  });

  it('rounds shares to one decimal of a percent', () => {
    expect(toPercent(1 / 3)).toBe(33.3);
    expect(toPercent(0.3)).toBe(30);
  });
});
