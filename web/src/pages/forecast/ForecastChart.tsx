import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BRAND } from '../../theme.ts';
import type { SeriesDetail } from './api.ts';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/**
 * A series' months and its forecast: the history as a line, the forecast mean dashed, the 95% and 80% intervals as
 * bands (each drawn as its lower bound, invisible, with the band's width stacked on it). Loaded on demand.
 */
export default function ForecastChart({ detail }: { detail: SeriesDetail }) {
  const ref = useRef<HTMLDivElement>(null);
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
    const steps = detail.forecast?.steps ?? [];
    const months = [...detail.history.map((h) => h.month), ...steps.map((s) => s.month)];
    const pad = (n: number) => Array<number | null>(n).fill(null);
    const h = detail.history.length;
    const round = (v: number) => Math.round(v * 10) / 10;
    const band = (
      name: string,
      stack: string,
      lo: (s: (typeof steps)[number]) => number,
      hi: (s: (typeof steps)[number]) => number,
      color: string,
    ) => [
      {
        name: `${name}下限`,
        type: 'line' as const,
        stack,
        data: [...pad(h), ...steps.map((s) => round(lo(s)))],
        lineStyle: { opacity: 0 },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name,
        type: 'line' as const,
        stack,
        color,
        data: [...pad(h), ...steps.map((s) => round(hi(s) - lo(s)))],
        lineStyle: { opacity: 0 },
        areaStyle: { color },
        symbol: 'none',
      },
    ];
    chart.setOption(
      {
        tooltip: {
          trigger: 'axis',
          formatter: (items: { axisIndex: number; dataIndex: number }[]) => {
            const i = items[0]?.dataIndex ?? 0;
            if (i < h) return `${months[i]}<br/>实际：${detail.history[i]!.value}`;
            const s = steps[i - h]!;
            return `${months[i]}<br/>预测：${round(s.mean)}<br/>80% 区间：${round(s.lo80)} – ${round(s.hi80)}<br/>95% 区间：${round(s.lo95)} – ${round(s.hi95)}`;
          },
        },
        legend: { data: ['实际', '预测', '80% 区间', '95% 区间'], bottom: 0 },
        grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
        xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', min: 0, splitLine: { lineStyle: { color: '#eef0f3' } } },
        series: [
          ...band(
            '95% 区间',
            'b95',
            (s) => s.lo95,
            (s) => s.hi95,
            'rgba(58,142,230,0.15)',
          ),
          ...band(
            '80% 区间',
            'b80',
            (s) => s.lo80,
            (s) => s.hi80,
            'rgba(58,142,230,0.3)',
          ),
          { name: '实际', type: 'line', data: [...detail.history.map((p) => p.value), ...pad(steps.length)], color: BRAND, symbolSize: 4 },
          {
            name: '预测',
            type: 'line',
            data: [...pad(h - 1), detail.history[h - 1]?.value ?? null, ...steps.map((s) => round(s.mean))],
            color: '#d4523f',
            lineStyle: { type: 'dashed' },
            symbolSize: 4,
          },
        ],
      },
      true,
    );
  }, [detail]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${detail.name} 月度序列与12个月预测`}
      style={{ width: '100%', height: 340 }}
      data-testid="forecast-chart"
    />
  );
}
