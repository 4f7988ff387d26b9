import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useLayoutEffect, useRef } from 'react';

// Only what the cockpit draws: bars (districts, clusters), a trend line and the status ring.
echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartProps {
  option: echarts.EChartsCoreOption;
  height: number | string;
  /** Clicked data item's index (drill-down). */
  onPick?: (index: number) => void;
  label?: string;
}

/** One ECharts instance that follows its box's size and reports clicks on data items. */
export function EChart({ option, height, onPick, label }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  // The latest handler, kept after each render (not during it) for the chart's click listener.
  useLayoutEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el);
    chart.current = c;
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') pick.current?.(p.dataIndex);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

const AXIS = {
  axisLine: { lineStyle: { color: 'rgba(255,255,255,0.35)' } },
  axisLabel: { color: 'rgba(255,255,255,0.8)', fontSize: 12 },
  splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } },
};
const axisFor = (dark: boolean) => (dark ? AXIS : { axisLabel: { fontSize: 11 } });

/**
 * Bars of one figure per name. `narrow` (a phone): names wrap within a fixed width instead of squeezing the bars,
 * and each bar carries its value, since a tooltip needs a tap and gridlines are hard to read at that size.
 */
export function barOption(
  names: string[],
  values: Array<number | null>,
  opts: { dark: boolean; color?: string | string[]; horizontal?: boolean; unit?: string; narrow?: boolean },
): echarts.EChartsCoreOption {
  const wrap = opts.narrow ? { width: 84, overflow: 'break', lineHeight: 14 } : {};
  const cat = {
    type: 'category',
    data: names,
    ...axisFor(opts.dark),
    axisLabel: { ...axisFor(opts.dark).axisLabel, ...wrap, interval: 0, rotate: !opts.horizontal && names.length > 8 ? 35 : 0 },
  };
  const val = { type: 'value', ...axisFor(opts.dark) };
  const colors = Array.isArray(opts.color) ? opts.color : null;
  return {
    grid: { left: 8, right: opts.narrow ? 48 : 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}${opts.unit ?? ''}`) },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        cursor: 'pointer',
        label: {
          show: Boolean(opts.narrow),
          position: opts.horizontal ? 'right' : 'top',
          fontSize: 12,
          formatter: (p: { value: number | null }) => (p.value == null ? '—' : `${p.value}${opts.unit ?? ''}`),
        },
        data: values.map((v, i) => ({
          value: v,
          itemStyle: { color: colors ? colors[i] : (opts.color ?? '#3aa0ff'), borderRadius: opts.horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        })),
      },
    ],
  };
}

export function lineOption(
  months: string[],
  values: Array<number | null>,
  goal: number | null,
  opts: { dark: boolean; unit: string },
): echarts.EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}${opts.unit}`) },
    // With one or two months so far the points sit mid-axis instead of on its edges.
    xAxis: { type: 'category', data: months, boundaryGap: months.length < 3, ...axisFor(opts.dark) },
    yAxis: { type: 'value', ...axisFor(opts.dark) },
    series: [
      {
        type: 'line',
        data: values,
        smooth: true,
        symbolSize: 8,
        showSymbol: true,
        lineStyle: { width: 3, color: '#3aa0ff' },
        itemStyle: { color: '#3aa0ff' },
        areaStyle: { color: 'rgba(58,160,255,0.15)' },
      },
      ...(goal === null
        ? []
        : [
            {
              type: 'line',
              data: months.map(() => goal),
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#f5a623', width: 1.5 },
              tooltip: { show: false },
            },
          ]),
    ],
  };
}

export function ringOption(parts: Array<{ name: string; value: number; color: string }>, dark: boolean): echarts.EChartsCoreOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '60%'],
        label: { show: true, color: dark ? '#fff' : '#333', formatter: '{b} {c}', fontSize: 13 },
        labelLine: { length: 8, length2: 6 },
        data: parts.map((p) => ({ name: p.name, value: p.value, itemStyle: { color: p.color } })),
      },
    ],
  };
}
