import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A bar or pie chart of name/value pairs that follows its container's size (phones and the large screen). */
export default function Chart({ kind, data, height = 300 }: { kind: 'bar' | 'pie'; data: { name: string; value: number }[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    chart.setOption(kind === 'bar'
      ? {
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { interval: 0, rotate: data.length > 8 ? 40 : 0, fontSize: 11 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: data.map((d) => d.value), itemStyle: { color: '#1d6fb8', borderRadius: [3, 3, 0, 0] } }],
      }
      : { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: ['40%', '70%'], data }] });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => { observer.disconnect(); chart.dispose(); };
  }, [kind, data]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
