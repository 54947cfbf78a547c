// Importer for text extracted from a PDF form (pdftotext, flattened table rows, `|` tables).
// Never throws: whatever can be read is returned, with a confidence per field and warnings.

import { emptyForm, type ImportResult } from '../../core/form/import-result.ts';
import { readFunds } from './funds.ts';
import { readGoals } from './goals.ts';
import { readHeader } from './header.ts';
import { readIndicators } from './indicators.ts';
import { MAX_LINE_CHARS } from './lines.ts';
import { Report } from './report.ts';
import { findSections } from './sections.ts';
import { MAX_LINES, readSource } from './source.ts';
import { readTotals } from './totals.ts';

/** Skipping a few lines above the title (an attachment number, blank lines) is not worth a note. */
const SKIP_NOTE = 20;

export type ImportTextOptions = { fileName?: string };

export function importText(text: string, options?: ImportTextOptions): ImportResult {
  const report = new Report();
  // Placeholder year until the form's own is read (readHeader warns when it is not found).
  const form = emptyForm(new Date().getFullYear());
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
    const sections = findSections(lines);
    const fileName = options?.fileName;
    const stage = (name: string, run: () => void) => {
      try {
        run();
      } catch (e) {
        report.warn('', `读取“${name}”时出错（${describe(e)}），该部分可能不完整`, 0);
      }
    };
    stage('表头', () => readHeader(lines, sections, form, report, fileName));
    stage('项目资金', () => readFunds(lines, sections, form, report));
    stage('年度总体目标', () => readGoals(lines, sections, form, report));
    stage('绩效指标', () => readIndicators(lines, sections, form, report));
    stage('总分', () => readTotals(lines, sections, form, report));
    if (sections.total !== null && sections.total + 1 < lines.length && hasTextAfter(lines, sections.total + 1)) {
      const at = lines[sections.total + 1]!.no;
      report.warn('', `第${at}行起：“总分”之后的内容未读取（一次只导入一张表）`, 0.9, at);
    }
  } catch (e) {
    report.warn('', `读取时发生意外错误（${describe(e)}），只返回了已读出的部分`, 0);
  }
  report.finish();
  return { form, warnings: report.warnings, confidence: report.confidence };
}

/** Only looks a little way: signatures and dates often follow the table. */
function hasTextAfter(lines: readonly { text: string }[], from: number): boolean {
  let count = 0;
  for (let i = from; i < lines.length && i < from + 400; i++) if (lines[i]!.text) count++;
  return count > 3;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
