import PDFDocument from 'pdfkit';
import type { Form } from '../../core/form/schema.ts';
import type { Profile } from '../../core/rules/profile.ts';
import { formGrid } from '../layout/form-grid.ts';
import type { ExportGrid } from '../layout/grid.ts';
import { registerFace } from './fonts.ts';
import { mergeRules, type Rule } from './geometry.ts';
import {
  BODY_SIZE,
  fitToBox,
  type LaidCell,
  lineHeight,
  type Measure,
  PAD_X,
  PAD_Y,
  PAGE,
  type PagePlan,
  type Piece,
  planPages,
} from './page-plan.ts';
import { collect, type Doc, measurer, TEXT_OPTIONS } from './pdf-kit.ts';

// The official printed form as a PDF: the formGrid table (the same layout the xlsx/docx/html
// exporters render) on A4 landscape pages, with the Chinese font embedded as a subset.

const BORDER_WIDTH = 0.75;

/** Cell box on one page: from the first to the last piece of the page that lies in the cell's rows. */
function boxOn(
  page: PagePlan,
  tops: number[],
  c: LaidCell,
): { y: number; h: number; pieces: Piece[] } | null {
  const { row, rowSpan } = c.cell;
  const idx: number[] = [];
  page.pieces.forEach((p, i) => {
    if (p.row >= row && p.row < row + rowSpan) idx.push(i);
  });
  if (idx.length === 0) return null;
  const first = idx[0]!;
  const last = idx[idx.length - 1]!;
  const y = tops[first]!;
  return { y, h: tops[last]! + page.pieces[last]!.height - y, pieces: idx.map((i) => page.pieces[i]!) };
}

/** A cell's border lines; a split row's first parts have no bottom line (it goes on overleaf). */
function boxRules(x: number, y: number, w: number, h: number, openBottom: boolean): Rule[] {
  const rules: Rule[] = [
    { x1: x, y1: y, x2: x + w, y2: y },
    { x1: x, y1: y, x2: x, y2: y + h },
    { x1: x + w, y1: y, x2: x + w, y2: y + h },
  ];
  if (!openBottom) rules.push({ x1: x, y1: y + h, x2: x + w, y2: y + h });
  return rules;
}

/** Strokes every border once: edges shared by neighbouring cells would print darker if drawn twice. */
function strokeRules(doc: Doc, rules: Rule[]): void {
  const horizontal = mergeRules(
    rules.filter((r) => r.y1 === r.y2),
    true,
  );
  const vertical = mergeRules(
    rules.filter((r) => r.x1 === r.x2),
    false,
  );
  if (horizontal.length + vertical.length === 0) return;
  for (const r of [...horizontal, ...vertical]) doc.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2);
  doc.stroke();
}

function drawLines(
  doc: Doc,
  c: LaidCell,
  lines: string[],
  size: number,
  top: number,
  measure: Measure,
): void {
  doc.font(c.face).fontSize(size);
  const lh = lineHeight(size);
  lines.forEach((line, i) => {
    if (!line) return;
    const w = measure(line, c.face, size);
    const inner = c.width - 2 * PAD_X;
    const dx = c.cell.align === 'left' ? 0 : c.cell.align === 'right' ? inner - w : (inner - w) / 2;
    // Ideographs fill the em box from 0.12 em below the baseline to 0.88 em above it.
    const baseline = top + i * lh + (lh - size) / 2 + 0.88 * size;
    doc.text(line, c.x + PAD_X + Math.max(0, dx), baseline, TEXT_OPTIONS);
  });
}

function drawCell(
  doc: Doc,
  page: PagePlan,
  tops: number[],
  c: LaidCell,
  measure: Measure,
  rules: Rule[],
): void {
  const box = boxOn(page, tops, c);
  if (!box) return;
  const split = box.pieces.length === 1 ? box.pieces[0]!.lines : undefined;
  if (c.bordered) {
    const open = c.cell.rowSpan === 1 && box.pieces.length === 1 && box.pieces[0]!.open;
    rules.push(...boxRules(c.x, box.y, c.width, box.h, open));
  }
  if (c.lines.length === 0) return;
  if (split && c.cell.rowSpan === 1) {
    // A row cut by a page break: its lines run on from the top of each part.
    drawLines(doc, c, c.lines.slice(split.from, split.to), c.size, box.y + PAD_Y, measure);
    return;
  }
  const fit = c.cell.rowSpan > 1 ? fitToBox(c, box.h, measure) : { size: c.size, lines: c.lines };
  const textHeight = fit.lines.length * lineHeight(fit.size);
  drawLines(doc, c, fit.lines, fit.size, box.y + (box.h - textHeight) / 2, measure);
}

function drawPage(doc: Doc, page: PagePlan, cells: LaidCell[], measure: Measure): void {
  const tops: number[] = [];
  let y = PAGE.top;
  for (const p of page.pieces) {
    tops.push(y);
    y += p.height;
  }
  doc.lineWidth(BORDER_WIDTH).strokeColor('#000000').fillColor('#000000');
  const rules: Rule[] = [];
  for (const c of cells) drawCell(doc, page, tops, c, measure, rules);
  strokeRules(doc, rules);
}

function drawFooters(doc: Doc, measure: Measure): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const text = `第 ${i + 1} 页 / 共 ${range.count} 页`;
    const w = measure(text, 'regular', BODY_SIZE);
    doc.font('regular').fontSize(BODY_SIZE);
    doc.text(text, (PAGE.width - w) / 2, PAGE.height - PAGE.bottom / 2, TEXT_OPTIONS);
  }
}

/** Renders a laid-out grid; `borders: false` leaves out the ruling (tests of the text-only reader). */
export async function renderGridPdf(
  grid: ExportGrid,
  info: { title: string; subject?: string },
  options: { borders?: boolean } = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // All positions are computed here; zero margins keep pdfkit from starting pages on its own.
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: info.title, Subject: info.subject ?? '', Creator: 'jixiao', Producer: 'jixiao (pdfkit)' },
  });
  const done = collect(doc);
  const faces = { regular: registerFace(doc, 'regular'), bold: registerFace(doc, 'bold') };
  const measure = measurer(doc, faces);
  const plan = planPages(grid, measure);
  const cells = options.borders === false ? plan.cells.map((c) => ({ ...c, bordered: false })) : plan.cells;
  for (const page of plan.pages) {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    drawPage(doc, page, cells, measure);
  }
  drawFooters(doc, measure);
  doc.end();
  return done;
}

/** The form as the official printed 项目支出绩效自评表, A4 landscape, fonts embedded. */
export async function exportPdf(form: Form, profile: Profile | null): Promise<Uint8Array> {
  const grid = formGrid(form, profile);
  const title = [grid.title, form.projectName].filter(Boolean).join(' ');
  return renderGridPdf(grid, { title, subject: `（${form.year}年度）` });
}
