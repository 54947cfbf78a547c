// Importer for text extracted from a PDF form (pdftotext, flattened table rows, `|` tables).
// Never throws: whatever can be read is returned, with a confidence per field and warnings.

import { emptyForm, type ImportResult } from '../../core/form/import-result.ts';
import { readFunds } from './funds.ts';
import { readGoals } from './goals.ts';
import { readHeader } from './header.ts';
import { readIndicators } from './indicators.ts';
import { type Line, MAX_LINE_CHARS, plain } from './lines.ts';
import { Report } from './report.ts';
import { findSections, isIndicatorsStart } from './sections.ts';
import { sideBySide, sideBySideMessage } from './side-by-side.ts';
import { MAX_LINES, readSource } from './source.ts';
import { readTotals } from './totals.ts';

/** Skipping a few lines above the title (an attachment number, blank lines) is not worth a note. */
const SKIP_NOTE = 20;
const NEXT_FORM_SCAN = 400;

export type ImportTextOptions = { fileName?: string };

export function importText(text: string, options?: ImportTextOptions): ImportResult {
  const report = new Report();
  // Placeholder year until the form's own is read (readHeader warns when it is not found).
  const form = emptyForm(currentYear());
  try {
    const source = typeof text === 'string' ? text : String(text ?? '');
    const { lines, truncated, skipped, cut } = readSource(source);
    if (truncated > 0) {
      report.warn('', `有 ${truncated} 行超过 ${MAX_LINE_CHARS} 个字符，超出部分未读取（不像表格文字）`, 0.5);
    }
    if (skipped > SKIP_NOTE) report.warn('', `第1–${skipped}行在表名之前，未读取`, 0.9, 1);
    if (cut) {
      const at = (lines[lines.length - 1]?.no ?? 0) + 1;
      report.warn('', `第${at}行起未读取：一张表不会超过 ${MAX_LINES} 行`, 0.5, at);
    }
    const layout = sideBySide(source);
    if (layout) report.warn('', sideBySideMessage(layout), 0.2, layout.first);
    const sections = findSections(lines);
    const fileName = options?.fileName;
    stage(report, '表头', () => readHeader(lines, sections, form, report, fileName));
    stage(report, '项目资金', () => readFunds(lines, sections, form, report));
    stage(report, '年度总体目标', () => readGoals(lines, sections, form, report));
    stage(report, '绩效指标', () => readIndicators(lines, sections, form, report));
    stage(report, '总分', () => readTotals(lines, sections, form, report));
    const next = sections.total === null ? null : nextForm(lines, sections.total + 1);
    if (next !== null) report.warn('', `第${next}行起像是另一张表，未读取（一次只导入一张表）`, 0.9, next);
  } catch (e) {
    report.warn('', `读取时发生意外错误（${describe(e)}），只返回了已读出的部分`, 0);
  }
  report.finish();
  return { form, warnings: report.warnings, confidence: report.confidence };
}

let year = 0;
let yearStart = 0;
let yearEnd = 0;

/**
 * `new Date().getFullYear()`, recomputed only when the clock leaves the cached year: local-time
 * calendar math costs more than reading a small form's header.
 */
function currentYear(): number {
  const now = Date.now();
  if (now < yearStart || now >= yearEnd) {
    year = new Date(now).getFullYear();
    yearStart = new Date(year, 0, 1).getTime();
    yearEnd = new Date(year + 1, 0, 1).getTime();
  }
  return year;
}

/** One part of the form: a failure there is a warning, and the other parts are still read. */
function stage(report: Report, name: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    report.warn('', `读取“${name}”时出错（${describe(e)}），该部分可能不完整`, 0);
  }
}

/** Signatures and dates often follow the table; another form starts with its title or header. */
function nextForm(lines: readonly Line[], from: number): number | null {
  for (let i = from; i < lines.length && i < from + NEXT_FORM_SCAN; i++) {
    const p = plain(lines[i]!);
    if (p.startsWith('项目名称') || (p.includes('绩效') && p.endsWith('表')) || isIndicatorsStart(p)) {
      return lines[i]!.no;
    }
  }
  return null;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
