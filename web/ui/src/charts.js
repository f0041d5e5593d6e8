// ECharts, with only the charts and components the pages use (esbuild
// drops the rest), and a helper that sizes a chart with its box.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, LinesChart, ScatterChart, CustomChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  TitleComponent,
  MarkLineComponent,
  MarkAreaComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  LinesChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  GeoComponent,
  TitleComponent,
  MarkLineComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export { echarts };

// The colours of the pages: the holder's direction, the target's, and
// neutral and alarm tones.
export const C = {
  fwd: '#b5452d',
  rev: '#2f6f8f',
  ok: '#3f7f4f',
  warn: '#c98a1b',
  cut: '#d1342f',
  off: '#a9a9a9',
  ink: '#222',
  muted: '#777',
  grid: '#e4e4e4',
  series: ['#b5452d', '#2f6f8f', '#c98a1b', '#3f7f4f', '#6b4c9a', '#8c6d46', '#d16ba5', '#4a8fb0'],
};

// chart makes an ECharts instance in el that follows el's size. The page
// calls dispose() when it is left.
export function chart(el) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  const ro = new ResizeObserver(() => c.resize());
  ro.observe(el);
  const dispose = c.dispose.bind(c);
  c.dispose = () => {
    ro.disconnect();
    dispose();
  };
  return c;
}

// show sets a chart's option (animation off: the screen shows the data at
// once) and records how many data points it draws in el's data-points, for
// tests and for people inspecting the page.
export function show(c, option) {
  c.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  let n = 0;
  for (const s of [].concat(option.series || [])) n += (s.data || []).length;
  c.getDom().dataset.points = String(n);
  return c;
}
