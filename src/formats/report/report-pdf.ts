import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportDocument } from '../../core/report/document.ts';
import { type FaceName, registerFace } from '../pdf/fonts.ts';
import { collect, type Doc, type FaceMeasure, measurer, TEXT_OPTIONS } from '../pdf/pdf-kit.ts';
import { drawSvg } from '../pdf/svg-draw.ts';
import { wrapText } from '../pdf/wrap.ts';
import { chartSvg } from './charts.ts';
import { INDENT, isSubheading, REPORT_PAGE as PAGE, SIZES, TEXT_WIDTH, titleLines } from './layout.ts';

// A report document (core/report/document.ts) as a PDF: text flowed onto A4 pages in the layout
// of layout.ts, tables with their header repeated after a page break, charts drawn as vectors from
// ECharts' server-side SVG, the Noto CJK faces embedded as subsets.

const BOTTOM = PAGE.height - PAGE.bottom;
const RULE = 0.5;

type Table = Extract<ReportBlock, { type: 'table' }>;

type Style = { face: FaceName; size: number; lineHeight: number; align?: 'left' | 'center' | 'right' };

class Flow {
  y = PAGE.top;
  pages = 0;
  constructor(
    readonly doc: Doc,
    readonly measure: FaceMeasure,
  ) {}

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.pages++;
    this.y = PAGE.top;
  }

  /** Starts a new page unless `h` more points fit on this one. */
  ensure(h: number): void {
    if (this.y + h > BOTTOM + 0.01 && this.y > PAGE.top) this.newPage();
  }

  wrap(text: string, face: FaceName, size: number, width: number): string[] {
    return wrapText(text, width, (s) => this.measure(s, face, size));
  }

  /**
   * A paragraph with its first line indented two characters. The wrapper drops leading spaces,
   * so two ideographs hold the indent's place while wrapping and are taken out after.
   */
  indented(text: string, style: Style): void {
    const mark = '国国';
    const lines = this.wrap(mark + text, style.face, style.size, TEXT_WIDTH);
    const indent = this.measure(mark, style.face, style.size);
    lines.forEach((l, i) => {
      this.ensure(style.lineHeight);
      const line = i === 0 ? l.slice(mark.length) : l;
      this.line(line, PAGE.left + (i === 0 ? indent : 0), this.y, style.face, style.size, style.lineHeight);
      this.y += style.lineHeight;
    });
  }

  /** One line of text in a box of `lineHeight`, ideographs centred on the line. */
  line(text: string, x: number, y: number, face: FaceName, size: number, lineHeight: number): void {
    if (!text) return;
    this.doc.font(face).fontSize(size);
    this.doc.text(text, x, y + (lineHeight - size) / 2 + 0.88 * size, TEXT_OPTIONS);
  }

  /** Lines of one style, each on its own line box, breaking pages between lines. */
  lines(lines: string[], style: Style): void {
    for (const l of lines) {
      this.ensure(style.lineHeight);
      const w = this.measure(l, style.face, style.size);
      const x =
        style.align === 'center'
          ? PAGE.left + (TEXT_WIDTH - w) / 2
          : style.align === 'right'
            ? PAGE.left + TEXT_WIDTH - w
            : PAGE.left;
      this.line(l, x, this.y, style.face, style.size, style.lineHeight);
      this.y += style.lineHeight;
    }
  }
}

const BODY: Style = { face: 'regular', size: SIZES.body, lineHeight: SIZES.bodyLine };
const H1: Style = { face: 'sans', size: SIZES.body, lineHeight: SIZES.bodyLine };
const H2: Style = { face: 'bold', size: SIZES.body, lineHeight: SIZES.bodyLine };

function heading(f: Flow, text: string, level: 1 | 2): void {
  // a heading never ends a page: it keeps the first two lines of what follows with it
  f.ensure(SIZES.bodyLine * 3);
  f.indented(text, level === 1 ? H1 : H2);
}

function paragraph(f: Flow, text: string, align?: 'left' | 'right'): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (isSubheading(line)) heading(f, line, 2);
    else if (align === 'right') f.lines(f.wrap(line, 'regular', SIZES.body, TEXT_WIDTH), { ...BODY, align });
    else f.indented(line, BODY);
  }
}

function columnWidths(t: Table): number[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  return t.columns.map((c) => (c.width / total) * TEXT_WIDTH);
}

type LaidRow = { cells: string[][]; height: number; strong: boolean };

function layRow(f: Flow, cells: string[], widths: number[], strong: boolean): LaidRow {
  const face: FaceName = strong ? 'bold' : 'regular';
  const laid = cells.map((c, i) => f.wrap(c, face, SIZES.table, widths[i]! - 2 * SIZES.tablePad));
  const lines = Math.max(1, ...laid.map((l) => l.length));
  return { cells: laid, height: lines * SIZES.tableLine + 2 * SIZES.tablePad, strong };
}

/** Draws lines [from, to) of a row's cells at the flow's y, with borders. */
function drawRow(f: Flow, t: Table, row: LaidRow, widths: number[], from: number, to: number): void {
  const h = (to - from) * SIZES.tableLine + 2 * SIZES.tablePad;
  let x = PAGE.left;
  const face: FaceName = row.strong ? 'bold' : 'regular';
  row.cells.forEach((lines, i) => {
    const w = widths[i]!;
    const align = t.columns[i]?.align ?? 'left';
    const part = lines.slice(from, to);
    // short cells are centred in the row's height, like a table in Word
    const top =
      f.y +
      SIZES.tablePad +
      (from === 0 && to - from > part.length ? ((to - from - part.length) * SIZES.tableLine) / 2 : 0);
    part.forEach((l, k) => {
      const lw = f.measure(l, face, SIZES.table);
      const inner = w - 2 * SIZES.tablePad;
      const dx = align === 'right' ? inner - lw : align === 'center' ? (inner - lw) / 2 : 0;
      f.line(
        l,
        x + SIZES.tablePad + Math.max(0, dx),
        top + k * SIZES.tableLine,
        face,
        SIZES.table,
        SIZES.tableLine,
      );
    });
    f.doc.rect(x, f.y, w, h);
    x += w;
  });
  f.doc.lineWidth(RULE).strokeColor('#000000').stroke();
  f.y += h;
}

function table(f: Flow, t: Table): void {
  const widths = columnWidths(t);
  const header = layRow(
    f,
    t.columns.map((c) => c.title),
    widths,
    true,
  );
  const strong = new Set(t.strong ?? []);
  const drawHeader = () =>
    drawRow(
      f,
      t,
      header,
      widths,
      0,
      header.cells.reduce((m, c) => Math.max(m, c.length), 1),
    );
  f.ensure(header.height + SIZES.tableLine * 2 + 2 * SIZES.tablePad);
  drawHeader();
  for (const [i, cells] of t.rows.entries()) {
    const row = layRow(f, cells, widths, strong.has(i));
    const lines = (row.height - 2 * SIZES.tablePad) / SIZES.tableLine;
    let from = 0;
    while (from < lines) {
      const room = Math.floor((BOTTOM - f.y - 2 * SIZES.tablePad) / SIZES.tableLine);
      const rest = lines - from;
      // a short row that does not fit is moved to the next page whole; a tall one is cut where the
      // page ends (moving it would leave most of a page blank)
      if (room < rest && (room < 1 || (from === 0 && rest * SIZES.tableLine <= (BOTTOM - PAGE.top) / 4))) {
        f.newPage();
        drawHeader();
        continue;
      }
      const to = from + Math.min(room, rest);
      drawRow(f, t, row, widths, from, to);
      from = to;
    }
  }
  if (t.note) {
    f.y += 4;
    f.lines(f.wrap(t.note, 'regular', SIZES.note, TEXT_WIDTH), {
      face: 'regular',
      size: SIZES.note,
      lineHeight: SIZES.noteLine,
    });
  }
  f.y += SIZES.bodyLine / 2;
}

function chart(f: Flow, block: Extract<ReportBlock, { type: 'chart' }>): void {
  const width = Math.min(TEXT_WIDTH, block.width);
  const height = (block.height * width) / block.width;
  f.ensure(SIZES.noteLine + height + 8);
  f.lines(f.wrap(block.title, 'bold', SIZES.chartTitle, TEXT_WIDTH), {
    face: 'bold',
    size: SIZES.chartTitle,
    lineHeight: SIZES.noteLine,
    align: 'center',
  });
  const svg = chartSvg(block.option, block.width, block.height);
  drawSvg(f.doc, svg, { x: PAGE.left + (TEXT_WIDTH - width) / 2, y: f.y, width }, f.measure, 'sans');
  f.y += height + 8;
}

function footers(f: Flow): void {
  const range = f.doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    f.doc.switchToPage(range.start + i);
    const text = `— ${i + 1} —`;
    const w = f.measure(text, 'regular', SIZES.footer);
    f.line(text, (PAGE.width - w) / 2, BOTTOM + 7 * (72 / 25.4), 'regular', SIZES.footer, SIZES.footer * 1.4);
  }
}

/** The report as PDF bytes (A4 portrait, fonts embedded). */
export async function renderReportPdf(report: ReportDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: report.title, Subject: report.subject, Creator: 'jixiao', Producer: 'jixiao (pdfkit)' },
  });
  const done = collect(doc);
  const faces = {
    regular: registerFace(doc, 'regular'),
    bold: registerFace(doc, 'bold'),
    sans: registerFace(doc, 'sans'),
  };
  const f = new Flow(doc, measurer(doc, faces));
  f.newPage();
  const fits = (l: string) => f.measure(l, 'bold', SIZES.title) <= TEXT_WIDTH;
  const title = titleLines(report.title, report.titleBreak, fits).flatMap((l) =>
    f.wrap(l, 'bold', SIZES.title, TEXT_WIDTH),
  );
  f.lines(title, {
    face: 'bold',
    size: SIZES.title,
    lineHeight: SIZES.titleLine,
    align: 'center',
  });
  if (report.subtitle)
    f.lines(f.wrap(report.subtitle, 'regular', SIZES.subtitle, TEXT_WIDTH), { ...BODY, align: 'center' });
  f.y += SIZES.bodyLine / 2;
  for (const b of report.blocks) {
    if (b.type === 'heading') heading(f, b.text, b.level);
    else if (b.type === 'paragraph') paragraph(f, b.text, b.align);
    else if (b.type === 'table') table(f, b);
    else chart(f, b);
  }
  if (report.signature?.length) {
    f.y += SIZES.bodyLine;
    f.ensure(SIZES.bodyLine * report.signature.length);
    for (const s of report.signature) f.lines([`${s}${INDENT}`], { ...BODY, align: 'right' });
  }
  footers(f);
  doc.end();
  return done;
}
