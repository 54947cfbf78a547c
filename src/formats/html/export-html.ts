import type { Form } from '../../core/form/schema.ts';
import type { Profile } from '../../core/rules/profile.ts';
import { formGrid } from '../layout/form-grid.ts';
import { PRINT_CSS } from './print-css.ts';
import { type PartCell, type PrintTable, printParts } from './print-parts.ts';

// The form as one self-contained HTML page (inline CSS, no scripts, no external resources), to
// read on screen and print: A4 landscape, the indicator header row repeated on every printed page
// (a <thead>, which is why the indicator table is a table of its own — see print-parts.ts).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: every markup character escaped, so user text is never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const HEADER_ROLES = new Set(['label', 'header']);

export function exportHtml(form: Form, profile: Profile | null): string {
  const grid = formGrid(form, profile);
  const parts = printParts(grid);
  const total = parts.columnWidths.reduce((s, w) => s + w, 0) || 1;
  const cols = parts.columnWidths
    .map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`)
    .join('');
  const headings = parts.headings
    .map((h) =>
      h.role === 'title' ? `<h1>${escapeHtml(h.text)}</h1>` : `<p class="subtitle">${escapeHtml(h.text)}</p>`,
    )
    .join('\n');
  const tables = parts.tables.map((t) => renderTable(t, cols)).join('\n');
  const pageTitle = [grid.title, form.projectName].filter(Boolean).join(' — ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jixiao">
<title>${escapeHtml(pageTitle)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<main class="sheet">
${headings}
<div class="scroll">
${tables}
</div>
</main>
</body>
</html>
`;
}

function renderTable(t: PrintTable, cols: string): string {
  const rows: string[][] = Array.from({ length: t.rowCount }, () => []);
  for (const cell of t.cells) rows[cell.row]?.push(renderCell(cell, cell.row < t.headerRows));
  const tr = (cells: string[]): string => `<tr>${cells.join('')}</tr>`;
  const head = rows.slice(0, t.headerRows).map(tr).join('\n');
  const body = rows.slice(t.headerRows).map(tr).join('\n');
  const cls = t.headerRows > 0 ? 'form indicators' : 'form';
  return `<table class="${cls}"><colgroup>${cols}</colgroup>\n${head ? `<thead>\n${head}\n</thead>\n` : ''}<tbody>\n${body}\n</tbody></table>`;
}

function renderCell(cell: PartCell, inHead: boolean): string {
  const tag = HEADER_ROLES.has(cell.role) ? 'th' : 'td';
  const classes: string[] = [cell.role, cell.align];
  if (cell.openTop) classes.push('open-top');
  if (cell.openBottom) classes.push('open-bottom');
  const attrs = [`class="${classes.join(' ')}"`];
  if (cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (tag === 'th' && inHead) attrs.push('scope="col"');
  return `<${tag} ${attrs.join(' ')}>${escapeHtml(cell.text)}</${tag}>`;
}
