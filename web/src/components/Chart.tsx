import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import { echarts } from './echarts';

type Props = {
  option: EChartsCoreOption;
  /** The chart's accessible name (the canvas itself says nothing to a screen reader). */
  label: string;
  style?: CSSProperties;
  onClick?: (event: ECElementEvent) => void;
};

/** The one ECharts wrapper: creates the instance, follows the container's size, disposes it. */
export function Chart({ option, label, style, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !onClick) return;
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [onClick]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 420, ...style }} />;
}
