import { PassThrough } from 'node:stream';
import { FAMILY_WORD, SEVERITY_WORD } from '../../core/report/finding-words.ts';
import { RISK_FORMULA, reasonText } from '../../core/report/risk.ts';
import type { SpotCheckReport } from '../../core/report/spot-check.ts';
import { stream, type Worksheet } from '../xlsx/exceljs.ts';

// The spot-check report as a workbook: 汇总 (scope, totals and the dashboard's distributions),
// 各单位, 抽查排序 (every form with any risk, with its reasons), 问题清单 (every finding with its
// form, row, code, severity, message and evidence) and 自评表 (every form in scope). Written with
// exceljs' streaming writer: rows are committed as they are made, so 10,000 forms with tens of
// thousands of findings need neither the whole sheet in memory nor a slow final pass.

const HEADER_FONT = { name: '宋体', size: 10, bold: true };
const TEXT_FONT = { name: '宋体', size: 10 };
const TITLE_FONT = { name: '宋体', size: 14, bold: true };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF7' } };

type Col = { header: string; width: number; numFmt?: string };
type Cell = string | number | null;

function table(ws: Worksheet, cols: Col[], rows: Iterable<Cell[]>): void {
  ws.columns = cols.map((c) => ({ width: c.width }));
  const head = ws.addRow(cols.map((c) => c.header));
  head.font = HEADER_FONT;
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  head.commit();
  let n = 0;
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === null ? '' : v)));
    row.font = TEXT_FONT;
    cols.forEach((c, i) => {
      if (c.numFmt && typeof r[i] === 'number') row.getCell(i + 1).numFmt = c.numFmt;
    });
    row.commit();
    n++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, n + 1), column: cols.length } };
}

function summary(ws: Worksheet, r: SpotCheckReport): void {
  ws.columns = [{ width: 34 }, { width: 16 }, { width: 12 }, { width: 10 }, { width: 10 }];
  const add = (cells: Cell[], font = TEXT_FONT) => {
    const row = ws.addRow(cells.map((v) => (v === null ? '' : v)));
    row.font = font;
    row.commit();
  };
  const t = r.totals;
  add(['项目支出绩效自评抽查报告'], TITLE_FONT);
  add(['抽查范围', r.scope]);
  add(['数据来源', r.source]);
  add([]);
  add(['总体情况', '数值'], HEADER_FONT);
  for (const [k, v] of [
    ['自评表（张）', t.forms],
    ['审核发现问题的表（张）', t.withFindings],
    ['错误（个）', t.errors],
    ['警告（个）', t.warnings],
    ['提示（个）', t.infos],
    ['平均自评总分', t.avgSelfTotal],
    ['平均规则总分', t.avgRuleTotal],
    ['平均预算执行率（%）', t.avgExecutionRate],
    ['自评总分高于规则总分的表（张）', t.lenient],
    ['风险大于 0 的表（张）', r.ranking.length],
  ] as Array<[string, Cell]>)
    add([k, v]);
  const section = (title: string, head: string[], rows: Cell[][]) => {
    add([]);
    add([title, ...head], HEADER_FONT);
    for (const row of rows) add(row);
  };
  section(
    '规则等级分布',
    ['份数'],
    r.gradeCounts.map((g) => [g.grade, g.count]),
  );
  section(
    '预算执行率分布',
    ['份数'],
    r.executionRate.map((b) => [b.label, b.count]),
  );
  section(
    '自评总分 − 规则总分',
    ['份数'],
    r.selfMinusRule.map((b) => [b.label, b.count]),
  );
  section(
    '审核问题类别',
    ['条数'],
    r.findingsByFamily.map((f) => [FAMILY_WORD[f.family as keyof typeof FAMILY_WORD] ?? f.family, f.count]),
  );
  section(
    '最常未达满分的指标',
    ['二级指标', '次数'],
    r.mostMissed.map((m) => [m.name, m.level2, m.missed]),
  );
  section(
    '问题代码',
    ['类别', '级别', '条数', '涉及表数'],
    r.byCode.map((c) => [c.code, FAMILY_WORD[c.family], SEVERITY_WORD[c.severity], c.count, c.forms]),
  );
  add([]);
  add([`抽查排序：${RISK_FORMULA}`]);
}

/** The workbook's bytes. */
export async function renderSpotCheckXlsx(r: SpotCheckReport): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  wb.creator = 'jixiao';

  summary(wb.addWorksheet('汇总'), r);
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

  table(
    wb.addWorksheet('各单位', frozen),
    [
      { header: '单位', width: 36 },
      { header: '表数', width: 8 },
      { header: '平均自评总分', width: 12, numFmt: '0.00' },
      { header: '平均规则总分', width: 12, numFmt: '0.00' },
      { header: '平均自评−规则', width: 12, numFmt: '0.00' },
      { header: '平均执行率（%）', width: 12, numFmt: '0.00' },
      { header: '有问题的表', width: 10 },
      { header: '错误', width: 8 },
      { header: '警告', width: 8 },
      { header: '提示', width: 8 },
    ],
    r.byUnit.map((u) => [
      u.unit,
      u.forms,
      u.avgSelfTotal,
      u.avgRuleTotal,
      u.avgLeniency,
      u.avgExecutionRate,
      u.withFindings,
      u.errors,
      u.warnings,
      u.infos,
    ]),
  );

  table(
    wb.addWorksheet('抽查排序', frozen),
    [
      { header: '排名', width: 6 },
      { header: '项目名称', width: 40 },
      { header: '单位', width: 30 },
      { header: '年度', width: 7 },
      { header: '状态', width: 8 },
      { header: '风险', width: 8, numFmt: '0.00' },
      { header: '自评总分', width: 10, numFmt: '0.00' },
      { header: '规则总分', width: 10, numFmt: '0.00' },
      { header: '自评−规则', width: 10, numFmt: '0.00' },
      { header: '执行率（%）', width: 11, numFmt: '0.00' },
      { header: '错误数', width: 8 },
      { header: '原因', width: 50 },
    ],
    r.ranking.map((x, i) => [
      i + 1,
      x.form.projectName,
      x.form.unit,
      x.form.year,
      x.form.status,
      x.risk,
      x.form.selfTotal,
      x.form.ruleTotal,
      x.leniency,
      x.form.executionRate,
      x.form.errorCount,
      x.reasons.map(reasonText).join('；'),
    ]),
  );

  table(
    wb.addWorksheet('问题清单', frozen),
    [
      { header: '项目名称', width: 36 },
      { header: '单位', width: 28 },
      { header: '年度', width: 7 },
      { header: '状态', width: 8 },
      { header: '行', width: 6 },
      { header: '指标', width: 24 },
      { header: '代码', width: 34 },
      { header: '类别', width: 10 },
      { header: '级别', width: 6 },
      { header: '说明', width: 80 },
      { header: '依据', width: 60 },
      { header: '字段', width: 26 },
      { header: '表单', width: 24 },
    ],
    (function* () {
      for (const e of r.entries)
        for (const f of e.findings)
          yield [
            e.projectName,
            e.unit,
            e.year,
            e.status,
            f.row === null ? null : f.row + 1,
            f.indicator,
            f.code,
            FAMILY_WORD[f.family],
            SEVERITY_WORD[f.severity],
            f.message,
            JSON.stringify(f.evidence),
            f.field,
            e.id,
          ];
    })(),
  );

  table(
    wb.addWorksheet('自评表', frozen),
    [
      { header: '项目名称', width: 40 },
      { header: '单位', width: 30 },
      { header: '年度', width: 7 },
      { header: '状态', width: 8 },
      { header: '自评总分', width: 10, numFmt: '0.00' },
      { header: '规则总分', width: 10, numFmt: '0.00' },
      { header: '规则等级', width: 8 },
      { header: '执行率（%）', width: 11, numFmt: '0.00' },
      { header: '错误', width: 7 },
      { header: '警告', width: 7 },
      { header: '提示', width: 7 },
      { header: '表单', width: 24 },
    ],
    r.entries.map((e) => [
      e.projectName,
      e.unit,
      e.year,
      e.status,
      e.selfTotal,
      e.ruleTotal,
      e.grade,
      e.executionRate,
      e.errorCount,
      e.warningCount,
      e.infoCount,
      e.id,
    ]),
  );

  await wb.commit();
  await ended;
  const all = Buffer.concat(chunks);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}
