import type { ReportSectionKey } from '../form/schema.ts';
import { formatPercent, round2 } from '../scoring/round.ts';
import type { ReportBlock, ReportDocument } from './document.ts';
import {
  attainment,
  level1Counts,
  pts,
  type ReportInput,
  rate,
  readableTrail,
  rowName,
} from './report-figures.ts';
import { sectionText } from './self-evaluation-drafts.ts';

// The 项目支出绩效自评报告 of one form, in the usual outline:
//   一、基本情况（（一）项目概况；（二）资金投入和使用情况）
//   二、绩效目标及完成情况（（一）总体目标完成情况；（二）各项指标完成情况 + table）
//   三、自评结论（totals, grades, and where self and rule totals differ, why, from the trail）
//   四、偏差及原因分析  五、存在的问题  六、改进措施及结果应用
// Narrative sections come from self-evaluation-drafts.ts (or the unit's edited text); the table and
// the totals are computed and not editable, so they always agree with the form.

export type { ReportInput } from './report-figures.ts';

/** The editable sections, in report order, with the heading each prints under. */
export const REPORT_SECTIONS: ReadonlyArray<{ key: ReportSectionKey; title: string }> = [
  { key: 'overview', title: '一、基本情况（一）项目概况' },
  { key: 'funds', title: '一、基本情况（二）资金投入和使用情况' },
  { key: 'goals', title: '二、绩效目标及完成情况（一）总体目标完成情况' },
  { key: 'conclusion', title: '三、自评结论' },
  { key: 'deviations', title: '四、偏差及原因分析' },
  { key: 'problems', title: '五、存在的问题' },
  { key: 'measures', title: '六、改进措施及结果应用' },
];

export function reportTitle(projectName: string): string {
  const name = projectName.trim();
  if (!name) return '项目支出绩效自评报告';
  return name.endsWith('项目') ? `${name}支出绩效自评报告` : `${name}项目支出绩效自评报告`;
}

const h1 = (text: string): ReportBlock => ({ type: 'heading', level: 1, text });
const h2 = (text: string): ReportBlock => ({ type: 'heading', level: 2, text });
const p = (text: string, section?: ReportSectionKey): ReportBlock =>
  section ? { type: 'paragraph', text, section } : { type: 'paragraph', text };

/** Longer target/actual cells are cut to this many characters in the table (the form has them whole). */
export const TABLE_CELL_MAX = 60;

const cut = (text: string, cuts: { n: number }): string => {
  const chars = [...text.trim()];
  if (chars.length <= TABLE_CELL_MAX) return text.trim();
  cuts.n++;
  return `${chars.slice(0, TABLE_CELL_MAX).join('')}…`;
};

/** 二（二）: one row per indicator, the funds row first and the totals last. */
export function indicatorTable(input: ReportInput): ReportBlock {
  const { form, score } = input;
  const rows: string[][] = [];
  const cuts = { n: 0 };
  if (score.funds.weight !== null || rate(score) !== null) {
    rows.push([
      '—',
      '预算执行',
      '预算执行率',
      '100%',
      rate(score) ?? '（无法计算）',
      pts(score.funds.weight),
      pts(form.funds.total?.score),
      pts(score.fundsScore),
    ]);
  }
  for (const r of score.rows) {
    const ind = form.indicators[r.index]!;
    rows.push([
      String(r.index + 1),
      ind.level2 || ind.level1,
      ind.name,
      cut(ind.target, cuts),
      cut(ind.actual, cuts),
      pts(ind.weight),
      pts(ind.score),
      r.ruleScore === null ? (r.kind === 'not-applicable' ? '不适用' : '—') : pts(r.ruleScore),
    ]);
  }
  rows.push(['', '合计', '', '', '', pts(form.totalWeight), pts(score.selfTotal), pts(score.ruleTotal)]);
  return {
    type: 'table',
    columns: [
      { title: '序号', width: 2.6, align: 'center' },
      { title: '二级指标', width: 4.6 },
      { title: '三级指标', width: 7 },
      { title: '年度指标值', width: 9.5 },
      { title: '实际完成值', width: 9.5 },
      { title: '分值', width: 3.2, align: 'right' },
      { title: '自评得分', width: 4, align: 'right' },
      { title: '规则得分', width: 4, align: 'right' },
    ],
    rows,
    strong: [rows.length - 1],
    ...(cuts.n
      ? { note: `注：较长的年度指标值、实际完成值只列前 ${TABLE_CELL_MAX} 字（以“…”结尾），全文见自评表。` }
      : {}),
  };
}

/** Why the self total and the rule total differ, item by item, from the scoring trail. */
export function differenceLines(input: ReportInput): string[] {
  const { form, score } = input;
  const out: string[] = [];
  const printedFunds = form.funds.total?.score;
  if (
    printedFunds !== undefined &&
    score.fundsScore !== null &&
    Math.abs(printedFunds - score.fundsScore) >= 0.005
  )
    out.push(
      `预算执行：自评${pts(printedFunds)}分，规则得分${pts(score.fundsScore)}分。${readableTrail(score.funds.trail)}`,
    );
  for (const r of score.rows) {
    if (r.selfScore === null || r.ruleScore === null) continue;
    if (Math.abs(r.selfScore - r.ruleScore) < 0.005) continue;
    out.push(
      `${rowName(r)}：自评${pts(r.selfScore)}分，规则得分${pts(r.ruleScore)}分。${readableTrail(r.trail)}`,
    );
  }
  if (score.cap) out.push(readableTrail(score.cap.trail));
  const explained =
    (printedFunds !== undefined && score.fundsScore !== null ? printedFunds - score.fundsScore : 0) +
    score.rows.reduce(
      (s, r) => s + (r.selfScore !== null && r.ruleScore !== null ? r.selfScore - r.ruleScore : 0),
      0,
    ) +
    (score.cap ? score.cap.uncapped - score.cap.maxTotal : 0);
  if (score.selfTotal !== null && score.ruleTotal !== null) {
    const rest = round2(score.selfTotal - score.ruleTotal - explained);
    if (Math.abs(rest) >= 0.005)
      out.push(
        `其余 ${pts(Math.abs(rest))} 分来自表中所填总分（${pts(score.selfTotal)}）与各项得分之和不一致，或有的指标未填自评得分。`,
      );
  }
  return out;
}

/** 三、自评结论: the totals and grades, the reasons they differ, then the unit's closing words. */
export function conclusionBlocks(input: ReportInput): ReportBlock[] {
  const { score } = input;
  const self =
    score.selfTotal === null
      ? '表中未填写自评得分'
      : `本项目自评总分${pts(score.selfTotal)}分${score.selfGrade ? `，自评等级为“${score.selfGrade}”` : ''}`;
  const rule =
    score.ruleTotal === null
      ? `按“${input.profileName}”评分规则复核：${score.notes.join('；') || '本表没有分值，不计规则总分'}`
      : `按“${input.profileName}”评分规则复核，规则总分${pts(score.ruleTotal)}分，等级为“${score.grade ?? '—'}”`;
  const blocks: ReportBlock[] = [p(`${self}。${rule}。`)];
  if (score.selfTotal !== null && score.ruleTotal !== null) {
    const d = round2(score.selfTotal - score.ruleTotal);
    if (Math.abs(d) < 0.005) blocks.push(p('自评总分与规则总分一致。'));
    else {
      const lines = differenceLines(input);
      blocks.push(
        p(
          [
            `自评总分比规则总分${d > 0 ? '高' : '低'} ${pts(Math.abs(d))} 分，差异来自：`,
            ...lines.map((l, i) => `${i + 1}. ${l}`),
          ].join('\n'),
        ),
      );
    }
  }
  blocks.push(p(sectionText(input, 'conclusion'), 'conclusion'));
  return blocks;
}

/** The whole report as a document (formats/report renders it to .docx and PDF). */
export function selfEvaluationReport(input: ReportInput): ReportDocument {
  const { form, score } = input;
  const a = attainment(score);
  const lead =
    score.rows.length === 0
      ? '表中没有绩效指标。'
      : `本项目设置绩效指标 ${a.rows} 项（${level1Counts(form)}）。按评分规则判断，${a.met} 项达到年度指标值，${a.unmet} 项未达到${a.unknown ? `，${a.unknown} 项为定性判断或无法判断` : ''}${a.left ? `，${a.left} 项不适用` : ''}${rate(score) ? `；预算执行率${formatPercent(score.funds.rate!)}` : ''}。各项指标完成情况如下表（金额单位：${form.fundsUnit}；分）。`;
  const blocks: ReportBlock[] = [
    h1('一、基本情况'),
    h2('（一）项目概况'),
    p(sectionText(input, 'overview'), 'overview'),
    h2('（二）资金投入和使用情况'),
    p(sectionText(input, 'funds'), 'funds'),
    h1('二、绩效目标及完成情况'),
    h2('（一）总体目标完成情况'),
    p(sectionText(input, 'goals'), 'goals'),
    h2('（二）各项指标完成情况'),
    p(lead),
    indicatorTable(input),
    h1('三、自评结论'),
    ...conclusionBlocks(input),
    h1('四、偏差及原因分析'),
    p(sectionText(input, 'deviations'), 'deviations'),
    h1('五、存在的问题'),
    p(sectionText(input, 'problems'), 'problems'),
    h1('六、改进措施及结果应用'),
    p(sectionText(input, 'measures'), 'measures'),
  ];
  const title = reportTitle(form.projectName);
  const at = title.lastIndexOf(form.projectName.trim().endsWith('项目') ? '支出绩效' : '项目支出绩效');
  return {
    title,
    ...(at > 0 ? { titleBreak: at } : {}),
    subtitle: `（${form.year}年度）`,
    subject: `${form.projectName} ${form.year}年度项目支出绩效自评报告`,
    blocks,
    signature: [form.implementingUnit.trim() || '填报单位（盖章）', '年    月    日'],
  };
}
