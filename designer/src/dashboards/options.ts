// The ECharts option of a chart: plain data, so it is tested without drawing. Colours follow the app's primary.
import type { ChartType } from './types';

export interface Series { labels: string[]; values: number[] }

const PALETTE = ['#1f6feb', '#2da44e', '#bf8700', '#cf222e', '#8250df', '#1b7c83', '#bc4c00', '#6e7781'];

/** The option for bar, line, pie and funnel charts (their accessible name and data table are the card's). */
export function chartOption(type: Exclude<ChartType, 'number'>, series: Series, format: (v: number) => string, compact: boolean, axis: (v: number) => string = format) {
  const data = series.labels.map((name, i) => ({ name, value: series.values[i] }));
  const base = {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: type === 'pie' || type === 'funnel' ? 'item' : 'axis', valueFormatter: (v: unknown) => format(Number(v)), confine: true },
  };
  if (type === 'pie' || type === 'funnel') {
    return {
      ...base,
      legend: { type: 'scroll', bottom: 0 },
      series: [type === 'pie'
        ? { type: 'pie', radius: compact ? ['35%', '62%'] : ['40%', '70%'], center: ['50%', '45%'], data, label: { formatter: '{b}' }, avoidLabelOverlap: true }
        : { type: 'funnel', top: 8, bottom: 40, left: '10%', width: '80%', sort: 'descending', data, label: { formatter: '{b}' } }],
    };
  }
  return {
    ...base,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.labels, axisLabel: { interval: 0, hideOverlap: true, rotate: compact && series.labels.length > 4 ? 35 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => axis(v) } },
    series: [{ type, data: series.values, barMaxWidth: 56, ...(type === 'line' ? { smooth: false, symbolSize: 8, areaStyle: { opacity: 0.08 } } : {}) }],
  };
}
