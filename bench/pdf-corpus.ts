// PDFs as offices make them (issue 12 §3): synthetic forms long enough to print on ~10 pages,
// written as xlsx and docx by our exporters and printed to PDF by LibreOffice (Calc for the
// spreadsheet style, Writer for the Word style), so the PDF import benchmark reads files we did
// not lay out ourselves.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Form, Indicator } from '../src/core/form/schema.ts';
import type { Profile } from '../src/core/rules/profile.ts';
import { exportDocx } from '../src/formats/docx/export-docx.ts';
import { exportXlsx } from '../src/formats/xlsx/export-xlsx.ts';
import { printToPdf } from '../test/fixtures/soffice-pdf.ts';
import { rng, syntheticForm, syntheticOrgs } from './synthetic-forms.ts';

const LEVELS: Array<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '生态效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

/**
 * Indicator rows that print on about ten A4 pages: Calc fits ~15 rows of our xlsx on a page,
 * Writer ~11 of our docx.
 */
export const TEN_PAGES = { xlsx: 150, docx: 110 } as const;

/** A synthetic form with `rows` indicator rows. */
export function longForm(index: number, rows: number): Form {
  const orgs = syntheticOrgs(7);
  const units = orgs.filter((o) => o.kind === 'unit');
  const unit = units[index % units.length]!;
  const department = orgs.find((o) => o.id === unit.parent)!;
  const base = syntheticForm(7, index, unit, department, `${unit.name}重点专项项目${index + 1}`, 2023);
  const rand = rng(index + 11);
  const weight = Math.round((90 / rows) * 100) / 100;
  const indicators: Indicator[] = Array.from({ length: rows }, (_, i) => {
    const [level1, level2] = LEVELS[Math.floor((i * LEVELS.length) / rows)]!;
    const t = Math.round(10 + rand() * 990);
    const long = i % 9 === 4;
    return {
      level1,
      level2,
      name: `${level2.replace('指标', '')}第${i + 1}项：${['完成培训人次', '设备完好率', '按期完成率', '单位成本', '带动就业'][i % 5]}`,
      target: long ? '按照年度计划完成全部建设任务，确保工程质量达标，群众满意。' : `≥${t}个`,
      actual: long ? '已按计划完成全部建设任务，工程质量达标，群众满意度较高。' : `${t + (i % 4)}个`,
      weight,
      score: i % 11 === 3 ? Math.round(weight * 70) / 100 : weight,
      deviation: i % 11 === 3 ? '受客观因素影响部分工作延后，下一年度提前谋划、加强调度。' : '',
    };
  });
  return { ...base, indicators, totalWeight: 100, totalScore: null };
}

/**
 * Writes `count` ten-page PDFs into `dir` (`calc-N.pdf` from xlsx, `writer-N.pdf` from docx,
 * alternating) with one soffice run per kind; returns their paths. Reuses PDFs already there.
 */
export async function officePdfs(dir: string, count: number, profile: Profile | null): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const wanted = Array.from({ length: count }, (_, i) =>
    join(dir, `${i % 2 === 0 ? 'calc' : 'writer'}-${String(i).padStart(3, '0')}.pdf`),
  );
  const missing = wanted.filter((p) => !existsSync(p));
  if (missing.length === 0) return wanted;
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  const inputs: Record<'xlsx' | 'docx', string[]> = { xlsx: [], docx: [] };
  for (const path of missing) {
    const name = path.slice(dir.length + 1, -4);
    const index = Number(name.split('-')[1]);
    const kind = name.startsWith('calc') ? 'xlsx' : 'docx';
    const form = longForm(index, TEN_PAGES[kind]);
    const file = join(src, `${name}.${kind}`);
    writeFileSync(file, kind === 'xlsx' ? await exportXlsx(form, profile) : await exportDocx(form, profile));
    inputs[kind].push(file);
  }
  for (const files of Object.values(inputs)) {
    if (files.length === 0) continue;
    printToPdf(files, dir);
  }
  const made = new Set(readdirSync(dir));
  const lost = wanted.filter((p) => !made.has(p.slice(dir.length + 1)));
  if (lost.length > 0) throw new Error(`soffice 没有生成：${lost.join('、')}`);
  return wanted;
}

/** The form a benchmark PDF was printed from (by its file name, `calc-N.pdf` or `writer-N.pdf`). */
export function sourceForm(path: string): Form {
  const name = path.slice(path.lastIndexOf('/') + 1, -4);
  return longForm(Number(name.split('-')[1]), TEN_PAGES[name.startsWith('calc') ? 'xlsx' : 'docx']);
}

const FIELDS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const;

/** Indicator fields read as the source form has them, and how many there are: [right, total]. */
export function indicatorFieldsRight(read: Form, source: Form): [number, number] {
  let right = 0;
  let total = 0;
  source.indicators.forEach((want, i) => {
    const got = read.indicators[i];
    for (const k of FIELDS) {
      total++;
      if ((got?.[k] ?? '') === (want[k] ?? '')) right++;
    }
  });
  return [right, total];
}
