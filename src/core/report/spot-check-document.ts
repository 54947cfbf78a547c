import { formatPercent } from '../scoring/round.ts';
import {
  CHART_WORDS_ZH,
  executionRateOption,
  familyOption,
  gradeOption,
  leniencyOption,
  leniencyScatterOption,
  mostMissedOption,
} from './chart-options.ts';
import type { ReportBlock, ReportDocument } from './document.ts';
import { FAMILY_WORD, SEVERITY_WORD } from './finding-words.ts';
import { RISK_FORMULA, reasonText } from './risk.ts';
import type { SpotCheckReport } from './spot-check.ts';

// The spot-check report as a document for the PDF: scope and totals, the dashboard's charts, the
// units, the risk ranking with its reasons and the main findings. The workbook carries everything
// (every finding with its evidence); the PDF is what a reader takes to a meeting.

/** How many rows of each long list the PDF prints (the workbook has them all). */
export const PDF_LIMITS = { units: 200, ranking: 50, codes: 30, detailForms: 10, scatter: 3000 } as const;

const pts = (n: number | null): string => (n === null ? '—' : String(n));
const pct = (n: number | null): string => (n === null ? '—' : formatPercent(n));
const h1 = (text: string): ReportBlock => ({ type: 'heading', level: 1, text });
const h2 = (text: string): ReportBlock => ({ type: 'heading', level: 2, text });
const p = (text: string): ReportBlock => ({ type: 'paragraph', text });

/** Drawn 600 wide (the dashboard card's size, where its axis labels fit) and scaled to the text width. */
const CHART = { width: 600, height: 300 };

function summaryText(r: SpotCheckReport): string {
  const t = r.totals;
  return [
    `本次抽查范围：${r.scope}。数据来源：${r.source}。`,
    `共抽查自评表 ${t.forms} 张，其中 ${t.withFindings} 张审核发现问题，合计错误 ${t.errors} 个、警告 ${t.warnings} 个、提示 ${t.infos} 个。`,
    `平均自评总分 ${pts(t.avgSelfTotal)} 分，平均规则总分 ${pts(t.avgRuleTotal)} 分，平均预算执行率 ${pct(t.avgExecutionRate)}；${t.lenient} 张表的自评总分高于规则总分。`,
  ].join('');
}

function charts(r: SpotCheckReport): ReportBlock[] {
  const w = CHART_WORDS_ZH;
  const points = r.entries.length > PDF_LIMITS.scatter ? r.ranking.map((x) => x.form) : r.entries;
  const scatterNote =
    r.entries.length > PDF_LIMITS.scatter
      ? `（表数较多，只画风险大于 0 的 ${Math.min(points.length, PDF_LIMITS.scatter)} 张）`
      : '';
  const blocks: ReportBlock[] = [];
  const add = (title: string, option: Record<string, unknown>, empty: boolean) => {
    if (empty) blocks.push(p(`${title}：暂无数据。`));
    else blocks.push({ type: 'chart', title, option, ...CHART });
  };
  add('规则等级分布', gradeOption(r.gradeCounts, w), r.gradeCounts.length === 0);
  add(
    '预算执行率分布',
    executionRateOption(r.executionRate, w, '执行率（%）'),
    r.executionRate.every((b) => b.count === 0),
  );
  add(
    '自评高于规则（宽松度：自评总分 − 规则总分）',
    leniencyOption(r.selfMinusRule, w, '自评 − 规则（分）'),
    r.selfMinusRule.every((b) => b.count === 0),
  );
  add(
    `逐表对比：自评总分与规则总分${scatterNote}`,
    leniencyScatterOption(points.slice(0, PDF_LIMITS.scatter), w),
    points.length === 0,
  );
  add('最常未达满分的指标', mostMissedOption(r.mostMissed, w), r.mostMissed.length === 0);
  add(
    '审核问题类别',
    familyOption(r.findingsByFamily, FAMILY_WORD, w),
    r.findingsByFamily.every((f) => f.count === 0),
  );
  return blocks;
}

function unitTable(r: SpotCheckReport): ReportBlock {
  const rows = r.byUnit
    .slice(0, PDF_LIMITS.units)
    .map((u) => [
      u.unit,
      String(u.forms),
      pts(u.avgSelfTotal),
      pts(u.avgRuleTotal),
      pct(u.avgExecutionRate),
      String(u.withFindings),
      String(u.errors),
      String(u.warnings),
    ]);
  return {
    type: 'table',
    columns: [
      { title: '单位', width: 14 },
      { title: '表数', width: 3, align: 'right' },
      { title: '平均自评总分', width: 4.5, align: 'right' },
      { title: '平均规则总分', width: 4.5, align: 'right' },
      { title: '平均执行率', width: 5, align: 'right' },
      { title: '有问题的表', width: 4, align: 'right' },
      { title: '错误', width: 3, align: 'right' },
      { title: '警告', width: 3, align: 'right' },
    ],
    rows,
    ...(r.byUnit.length > PDF_LIMITS.units
      ? {
          note: `按错误数排序，只列前 ${PDF_LIMITS.units} 个单位（共 ${r.byUnit.length} 个），全部见工作簿。`,
        }
      : {}),
  };
}

function rankingTable(r: SpotCheckReport): ReportBlock {
  const rows = r.ranking
    .slice(0, PDF_LIMITS.ranking)
    .map((x, i) => [
      String(i + 1),
      x.form.projectName,
      x.form.unit,
      String(x.form.year),
      String(x.risk),
      pts(x.form.selfTotal),
      pts(x.form.ruleTotal),
      x.reasons.map(reasonText).join('；'),
    ]);
  return {
    type: 'table',
    columns: [
      { title: '排名', width: 2.8, align: 'center' },
      { title: '项目名称', width: 10 },
      { title: '单位', width: 8 },
      { title: '年度', width: 3.2, align: 'center' },
      { title: '风险', width: 3.8, align: 'right' },
      { title: '自评总分', width: 3.5, align: 'right' },
      { title: '规则总分', width: 3.5, align: 'right' },
      { title: '原因', width: 9 },
    ],
    rows,
    note: `${RISK_FORMULA}。${r.ranking.length > PDF_LIMITS.ranking ? `共 ${r.ranking.length} 张表风险大于 0，此处列前 ${PDF_LIMITS.ranking} 张，全部见工作簿。` : `共 ${r.ranking.length} 张表风险大于 0。`}`,
  };
}

function codeTable(r: SpotCheckReport): ReportBlock {
  return {
    type: 'table',
    columns: [
      { title: '问题代码', width: 14 },
      { title: '类别', width: 5 },
      { title: '级别', width: 3, align: 'center' },
      { title: '条数', width: 3.5, align: 'right' },
      { title: '涉及表数', width: 4, align: 'right' },
    ],
    rows: r.byCode
      .slice(0, PDF_LIMITS.codes)
      .map((c) => [
        c.code,
        FAMILY_WORD[c.family],
        SEVERITY_WORD[c.severity],
        String(c.count),
        String(c.forms),
      ]),
  };
}

function detailText(r: SpotCheckReport): string {
  const out: string[] = [];
  r.ranking.slice(0, PDF_LIMITS.detailForms).forEach((x, i) => {
    const e = x.form;
    out.push(`${i + 1}. ${e.projectName}（${e.unit}，${e.year}年度${e.status ? `，${e.status}` : ''}）`);
    const shown = e.findings.filter((f) => f.severity !== 'info');
    if (shown.length === 0) out.push('未发现错误或警告（列入排序是因为自评宽松或执行率偏低）。');
    for (const f of shown)
      out.push(
        `${f.row === null ? '全表' : `第 ${f.row + 1} 行${f.indicator ? `“${f.indicator}”` : ''}`}［${SEVERITY_WORD[f.severity]}］${f.message}`,
      );
  });
  return out.join('\n');
}

export function spotCheckDocument(r: SpotCheckReport): ReportDocument {
  const t = r.totals;
  const blocks: ReportBlock[] = [
    h1('一、抽查范围和总体情况'),
    p(summaryText(r)),
    h1('二、统计图表'),
    ...charts(r),
    h1('三、各单位情况'),
    t.forms === 0 ? p('没有符合条件的自评表。') : unitTable(r),
    h1('四、抽查建议（按风险排序）'),
    r.ranking.length === 0 ? p('没有风险大于 0 的自评表。') : rankingTable(r),
    h1('五、主要问题'),
  ];
  const total = t.errors + t.warnings + t.infos;
  if (total === 0) blocks.push(p('审核未发现问题。'));
  else {
    blocks.push(h2('（一）问题类型统计'), codeTable(r));
    if (r.ranking.length) blocks.push(h2('（二）风险最高的自评表的问题'), p(detailText(r)));
    blocks.push(p(`全部 ${total} 条问题（含所在行、代码与依据）见抽查报告工作簿的“问题清单”。`));
  }
  return {
    title: '项目支出绩效自评抽查报告',
    subtitle: `（${r.scope}）`,
    subject: `绩效自评抽查报告 ${r.scope}`,
    blocks,
  };
}
