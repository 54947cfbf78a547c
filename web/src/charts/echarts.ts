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
import { CHART_PALETTE } from '../../../src/core/report/chart-options.ts';

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
export const PALETTE = CHART_PALETTE;
