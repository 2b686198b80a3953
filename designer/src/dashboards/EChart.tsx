// ECharts, loaded as its own chunk (React.lazy) so the app's first screens never download it. Tree-shaken: only the
// chart types, components and the SVG renderer the dashboards use.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export interface EChartProps {
  option: Record<string, unknown>;
  /** The chart's accessible name. */
  label: string;
  height: number;
  /** Called with the index of the clicked bar, point or slice. */
  onSelect?: (index: number) => void;
}

export default function EChart({ option, label, height, onSelect }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const node = el.current!;
    const instance = echarts.init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (e) => { if (typeof e.dataIndex === 'number') select.current?.(e.dataIndex); });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(node);
    return () => { resize.disconnect(); instance.dispose(); chart.current = null; };
  }, []);

  useEffect(() => { chart.current?.setOption(option, true); }, [option]);

  // The drawing is one image named by its summary; the data table beside it is the way to read and open each group.
  return (
    <div role="img" aria-label={label}>
      <div ref={el} aria-hidden="true" style={{ width: '100%', height, cursor: onSelect ? 'pointer' : undefined }} />
    </div>
  );
}
