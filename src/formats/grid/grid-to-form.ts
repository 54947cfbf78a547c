// The one parser behind the xlsx, docx and PDF importers: a table of cell texts → Form JSON.
// Everything is found by content (labels and vocabulary), never by fixed coordinates, so exported
// files, WPS/Excel templates with other column positions and grids rebuilt from PDF geometry all
// read the same way. Its vocabulary and template families come from templates/*.json.

import { emptyForm, type ImportResult } from '../../core/form/import-result.ts';
import { keyText } from '../cells/normalize.ts';
import type { ReadGrid } from '../layout/grid.ts';
import { isLifecycleKind, kindOfTitle } from '../lifecycle/vocabulary.ts';
import { detectTemplate } from '../templates/detect.ts';
import { loadTemplates } from '../templates/load-templates.ts';
import { readFunds } from './funds.ts';
import { readGoals } from './goals.ts';
import { readHeader } from './header.ts';
import { readIndicators } from './indicators.ts';
import { readLifecycle } from './lifecycle-reader.ts';
import { GridReport } from './report.ts';
import { findSegments, isTitleRow, locateSections } from './segments.ts';
import { GridView } from './view.ts';

export type GridToFormsOptions = {
  fileName: string;
  /** the grid was laid out from text by character position (lifecycle kinds only). */
  fromText?: boolean;
  /** the year to assume when the grid names none (default: this year, as the text importer does). */
  defaultYear?: number;
};

/** Every form in the grid, in order. A grid with no form content yields []. */
export function gridToForms(grid: ReadGrid, options: GridToFormsOptions): ImportResult[] {
  const view = new GridView(grid);
  const out: ImportResult[] = [];
  for (const seg of findSegments(view)) {
    // The lifecycle kinds (lifecycle.md §2) are told by their printed title and read by their own
    // labels; everything else is a self-evaluation, read as before.
    const kind = segmentKind(view, seg.start, seg.end);
    if (isLifecycleKind(kind)) {
      out.push(readLifecycle(view, seg, kind, options));
      continue;
    }
    const sec = locateSections(view, seg);
    if (sec.fundsHeader === null && sec.indicatorHeader === null && sec.goals === null) {
      // Not a form (a notes sheet, a stray title) unless it at least has a project name.
      if (!hasProjectName(view, seg.start, seg.end)) continue;
    }
    const report = new GridReport();
    const form = emptyForm(options.defaultYear ?? new Date().getFullYear());
    readHeader(view, seg, sec, form, report, options.fileName);
    readFunds(view, seg, sec, form, report);
    readGoals(view, seg, sec, form, report);
    readIndicators(view, seg, sec, form, report);
    // The printed family (templates/*.json), by the title and the labels the sheet shows.
    const seen = new Set<string>();
    for (let r = seg.start; r < seg.end; r++)
      for (const c of view.filled(r)) seen.add(keyText(view.key(r, c)));
    const template = detectTemplate(loadTemplates().families, seen, form.title);
    if (template) form.template = template.id;
    report.finish();
    out.push({ form, warnings: report.warnings, confidence: report.confidence });
  }
  return out;
}

function hasProjectName(view: GridView, start: number, end: number): boolean {
  for (let r = start; r < end; r++)
    for (const c of view.filled(r)) if (view.key(r, c).startsWith('项目名称')) return true;
  return false;
}

function segmentKind(view: GridView, start: number, end: number): ReturnType<typeof kindOfTitle> {
  for (let r = start; r < Math.min(end, start + 6); r++)
    if (isTitleRow(view, r)) return kindOfTitle(view.text(r, view.filled(r)[0]!));
  return 'project-self-evaluation';
}
