import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import PDFDocument from 'pdfkit';
import { CHART_PALETTE } from '../../core/report/chart-options.ts';
import type { ChartOption } from '../../core/report/document.ts';
import { registerFace } from '../pdf/fonts.ts';
import { type FaceMeasure, measurer } from '../pdf/pdf-kit.ts';

// The dashboard's charts drawn on the server: ECharts' server-side rendering to an SVG string, no
// browser and no canvas (echarts.init(null, null, { renderer: 'svg', ssr: true })). Only the chart
// types the dashboard uses are loaded (stack.md trap 4). Tooltips are left unregistered: a printed
// chart has no pointer.

echarts.use([
  BarChart,
  PieChart,
  ScatterChart,
  GridComponent,
  MarkLineComponent,
  LegacyGridContainLabel,
  SVGRenderer,
]);

/**
 * ECharts lays labels out (wraps, truncates, keeps them apart) by their measured width; with no
 * canvas it would guess. It measures here with the font the PDF draws them in.
 */
let measureSans: FaceMeasure | null = null;
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    if (!measureSans) {
      const doc = new PDFDocument({ autoFirstPage: false });
      measureSans = measurer(doc, { sans: registerFace(doc, 'sans') });
    }
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    return { width: measureSans(text, 'sans', size) };
  },
});

/** The font family the SVG names; the PDF draws its text in Noto Sans CJK (pdf/svg-draw.ts). */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

/** One chart as an SVG document of `width` × `height` user units. */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const { tooltip: _printedChartsHaveNone, ...rest } = option;
    chart.setOption({
      color: CHART_PALETTE,
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      ...rest,
      animation: false,
    });
    return chart.renderToSVGString();
  } finally {
    // dispose, or the chart's render loop keeps the process alive
    chart.dispose();
  }
}
