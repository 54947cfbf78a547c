import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the charts and components the dashboard draws (stack.md trap 4: the full bundle is 2 MB).
echarts.use([
  BarChart,
  PieChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { echarts };

export const CHART_FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const PALETTE = [
  '#1f4e8c',
  '#2f7d32',
  '#c77700',
  '#b3261e',
  '#5b8bc9',
  '#7a5aa6',
  '#3a9c9c',
  '#8c6d1f',
];
