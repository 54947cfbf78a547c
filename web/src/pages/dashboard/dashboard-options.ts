import type { EChartsOption } from 'echarts';
import type { Dashboard } from '../../../../src/contract/dashboard.ts';
import type { FormSummary } from '../../../../src/contract/forms.ts';
import type { Strings } from '../../app/strings.ts';

type Words = Strings['charts'];

// Pure builders of the dashboard's chart options: data in, ECharts option out.

const GRADE_COLORS: Record<string, string> = { 优: '#2f7d32', 良: '#1f4e8c', 中: '#c77700', 差: '#b3261e' };
const GRID = { left: 48, right: 16, top: 24, bottom: 40, containLabel: true } as const;

export function gradeOption(counts: Dashboard['gradeCounts'], w: Words): EChartsOption {
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
  buckets: Dashboard['executionRate'],
  w: Words,
  opts: {
    color: string;
    xName: string;
    highlight?: (b: Dashboard['executionRate'][number]) => string | null;
  },
): EChartsOption {
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

export function leniencyScatterOption(forms: readonly FormSummary[], w: Words): EChartsOption {
  const points = forms
    .filter((f) => f.selfTotal !== null && f.ruleTotal !== null)
    .map((f) => ({
      value: [f.ruleTotal!, f.selfTotal!],
      name: f.projectName,
      itemStyle: { color: f.selfTotal! - f.ruleTotal! > 0.005 ? '#b3261e' : '#1f4e8c', opacity: 0.75 },
    }));
  const lo = Math.min(60, ...points.map((p) => Math.min(p.value[0]!, p.value[1]!)));
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

export function mostMissedOption(list: Dashboard['mostMissed'], w: Words): EChartsOption {
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
  list: Dashboard['findingsByFamily'],
  labels: Record<string, string>,
  w: Words,
): EChartsOption {
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
