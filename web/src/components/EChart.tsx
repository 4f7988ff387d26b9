import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BRAND } from '../theme.ts';

// Only the parts the home pages use, to keep the chart chunk small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface EChartProps {
  kind: 'bar' | 'pie';
  data: { name: string; value: number }[];
  /** Accessible summary of the chart. */
  title: string;
}

const PALETTE = [BRAND, '#1f9d8b', '#f0a020', '#d4523f', '#6f5bd3', '#3a8ee6', '#8fbf3f', '#c45ab3', '#5a6b7b', '#e07b39'];

/** A bar or pie chart of name/value pairs that follows its container's size. Loaded on demand. */
export default function EChart({ kind, data, title }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Many categories read better as horizontal bars (long Chinese labels, narrow phones).
  const horizontal = kind === 'bar' && data.length > 6;
  const height = kind === 'pie' ? 320 : horizontal ? Math.max(220, data.length * 26 + 40) : 300;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    const chart = el && echarts.getInstanceByDom(el);
    if (!chart) return;
    const narrow = (el?.clientWidth ?? 600) < 480;
    if (kind === 'pie') {
      chart.setOption(
        {
          color: PALETTE,
          tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
          legend: { type: 'scroll', bottom: 0, left: 'center' },
          series: [
            {
              type: 'pie',
              radius: narrow ? ['30%', '58%'] : ['38%', '66%'],
              center: ['50%', '44%'],
              data,
              label: { formatter: '{b}\n{d}%' },
              avoidLabelOverlap: true,
            },
          ],
        },
        true,
      );
    } else {
      const category = { type: 'category' as const, data: data.map((d) => d.name), axisTick: { show: false }, inverse: horizontal };
      const value = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } };
      chart.setOption(
        {
          color: PALETTE,
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          grid: { left: 8, right: 24, top: 16, bottom: 8 },
          xAxis: horizontal ? value : { ...category, axisLabel: { interval: 0, rotate: data.length > 4 && narrow ? 30 : 0 } },
          yAxis: horizontal ? category : value,
          series: [
            { type: 'bar', data: data.map((d) => d.value), barMaxWidth: 28, label: { show: true, position: horizontal ? 'right' : 'top' } },
          ],
        },
        true,
      );
    }
  }, [kind, data, horizontal]);

  return <div ref={ref} role="img" aria-label={title} style={{ width: '100%', height }} />;
}
