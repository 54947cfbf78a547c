import type { ChartOption } from './document.ts';

// Pure builders of the dashboard's chart options: data in, ECharts option out (plain data). The
// web dashboard draws them in the browser; the spot-check report draws the same options on the
// server (ECharts SSR to SVG, formats/report/charts.ts), so the PDF shows the dashboard's charts.

/** The words the charts print (web/src/app/strings.ts `charts`, or the report's Chinese). */
export type ChartWords = {
  countAxis: string;
  timesAxis: string;
  findingsAxis: string;
  ruleTotal: string;
  selfTotal: string;
  equalLine: string;
  pieTooltip: string;
  pieLabel: string;
  scatterTip: (name: string, rule: number, self: number, diff: number) => string;
};

export const CHART_WORDS_ZH: ChartWords = {
  countAxis: '份数',
  timesAxis: '次',
  findingsAxis: '条',
  ruleTotal: '规则总分',
  selfTotal: '自评总分',
  equalLine: '自评 = 规则',
  pieTooltip: '{b}：{c} 份（{d}%）',
  pieLabel: '{b}  {c} 份\n{d}%',
  scatterTip: (name, rule, self, diff) => `${name}<br/>规则总分 ${rule} · 自评总分 ${self}<br/>差 ${diff} 分`,
};

export type GradeCount = { grade: string; count: number };
export type Bucket = { label: string; min: number | null; max: number | null; count: number };
export type MissedIndicator = { level2: string; name: string; missed: number };
export type FamilyCount = { family: string; count: number };
export type TotalsPoint = { projectName: string; selfTotal: number | null; ruleTotal: number | null };

/** Series colours, in order (the dashboard's and the report's). */
export const CHART_PALETTE = [
  '#1f4e8c',
  '#2f7d32',
  '#c77700',
  '#b3261e',
  '#5b8bc9',
  '#7a5aa6',
  '#3a9c9c',
  '#8c6d1f',
];

export const GRADE_COLORS: Record<string, string> = {
  优: '#2f7d32',
  良: '#1f4e8c',
  中: '#c77700',
  差: '#b3261e',
};
const GRID = { left: 48, right: 16, top: 24, bottom: 40, containLabel: true } as const;

export function gradeOption(counts: readonly GradeCount[], w: ChartWords): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: w.pieTooltip },
    series: [
      {
        type: 'pie',
        animationType: 'scale',
        radius: ['42%', '68%'],
        center: ['50%', '50%'],
        label: { formatter: w.pieLabel, fontSize: 13, lineHeight: 18 },
        data: counts.map((g) => ({
          name: g.grade,
          value: g.count,
          itemStyle: { color: GRADE_COLORS[g.grade] ?? '#888' },
        })),
      },
    ],
  };
}

export function histogramOption(
  buckets: readonly Bucket[],
  w: ChartWords,
  opts: { color: string; xName: string; highlight?: (b: Bucket) => string | null },
): ChartOption {
  return {
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => b.label),
      name: opts.xName,
      nameLocation: 'middle',
      nameGap: 28,
      axisLabel: { interval: 0, fontSize: 11, width: 64, overflow: 'break' },
    },
    yAxis: { type: 'value', name: w.countAxis, minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: buckets.map((b) => ({
          value: b.count,
          itemStyle: { color: opts.highlight?.(b) ?? opts.color },
        })),
        label: { show: true, position: 'top', fontSize: 11 },
      },
    ],
  };
}

/** The execution-rate histogram, bands at or below 90% highlighted. */
export const executionRateOption = (buckets: readonly Bucket[], w: ChartWords, xName: string) =>
  histogramOption(buckets, w, {
    color: '#1f4e8c',
    xName,
    highlight: (b) => (b.max !== null && b.max <= 90 ? '#c77700' : null),
  });

/** The self-minus-rule histogram, lenient bands highlighted. */
export const leniencyOption = (buckets: readonly Bucket[], w: ChartWords, xName: string) =>
  histogramOption(buckets, w, {
    color: '#5b8bc9',
    xName,
    highlight: (b) => (b.min !== null && b.min > 0 ? '#b3261e' : null),
  });

export function leniencyScatterOption(forms: readonly TotalsPoint[], w: ChartWords): ChartOption {
  const points = forms
    .filter((f) => f.selfTotal !== null && f.ruleTotal !== null)
    .map((f) => ({
      value: [f.ruleTotal!, f.selfTotal!],
      name: f.projectName,
      itemStyle: { color: f.selfTotal! - f.ruleTotal! > 0.005 ? '#b3261e' : '#1f4e8c', opacity: 0.75 },
    }));
  let lo = 60;
  for (const p of points) lo = Math.min(lo, p.value[0]!, p.value[1]!);
  const min = Math.max(0, Math.floor(lo / 10) * 10);
  return {
    grid: GRID,
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = p as { name: string; value: [number, number] };
        return w.scatterTip(
          d.name,
          d.value[0],
          d.value[1],
          Math.round((d.value[1] - d.value[0]) * 100) / 100,
        );
      },
    },
    xAxis: { type: 'value', name: w.ruleTotal, nameLocation: 'middle', nameGap: 28, min, max: 100 },
    yAxis: { type: 'value', name: w.selfTotal, min, max: 100 },
    series: [
      {
        type: 'scatter',
        symbolSize: 9,
        data: points,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#999' },
          label: { formatter: w.equalLine, position: 'insideStartTop' },
          data: [[{ coord: [min, min] }, { coord: [100, 100] }]],
        },
      },
    ],
  };
}

export function mostMissedOption(list: readonly MissedIndicator[], w: ChartWords): ChartOption {
  const top = list.slice(0, 10).reverse();
  return {
    grid: { ...GRID, left: 8, right: 32 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, name: w.timesAxis },
    yAxis: {
      type: 'category',
      data: top.map((m) => `${m.name}（${m.level2}）`),
      axisLabel: { width: 190, overflow: 'truncate', fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        data: top.map((m) => m.missed),
        itemStyle: { color: '#c77700' },
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export function familyOption(
  list: readonly FamilyCount[],
  labels: Record<string, string>,
  w: ChartWords,
): ChartOption {
  const sorted = [...list].sort((a, b) => b.count - a.count);
  return {
    grid: GRID,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: sorted.map((f) => labels[f.family] ?? f.family),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1, name: w.findingsAxis },
    series: [
      {
        type: 'bar',
        data: sorted.map((f) => f.count),
        itemStyle: { color: '#5b8bc9' },
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
}
