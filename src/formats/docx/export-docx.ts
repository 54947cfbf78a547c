import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Form } from '../../core/form/schema.ts';
import type { Profile } from '../../core/rules/profile.ts';
import { type PartCell, type PrintTable, printParts, rowSlots } from '../html/print-parts.ts';
import { formGrid } from '../layout/form-grid.ts';
import type { GridCell } from '../layout/grid.ts';
import {
  BODY_SIZE,
  BORDER,
  CELL_MARGIN,
  CJK_FONT,
  CONTENT_HEIGHT,
  CONTENT_WIDTH,
  columnTwips,
  FOOTER_SIZE,
  LATIN_FONT,
  LINE_HEIGHT,
  lineCount,
  MARGIN,
  NO_BORDER,
  PAGE,
  SUBTITLE_SIZE,
  TITLE_SIZE,
} from './docx-style.ts';
import { FONT_TABLE_XML } from './font-table.ts';

// The form as a Word document: formGrid() rendered as tables (printParts() says why two), A4
// landscape, the indicator header row repeated on every page, 第 X 页 共 Y 页 in the footer.

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const FONT = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: CJK_FONT, cs: LATIN_FONT };

/** Form → .docx bytes. */
export async function exportDocx(form: Form, profile: Profile | null): Promise<Uint8Array> {
  const grid = formGrid(form, profile);
  const parts = printParts(grid);
  const widths = columnTwips(parts.columnWidths);
  const children: Array<Paragraph | Table> = parts.headings.map(heading);
  parts.tables.forEach((t, i) => {
    // Word joins two tables that touch into one (and its header would then no longer be at the
    // top), so a 1 pt empty paragraph keeps them apart.
    if (i > 0) children.push(spacer());
    children.push(renderTable(t, widths));
  });
  const doc = new Document({
    title: `${grid.title}：${form.projectName}`,
    creator: 'jixiao',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function heading(cell: GridCell): Paragraph {
  const title = cell.role === 'title';
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { after: title ? 120 : 160 },
    children: [new TextRun({ text: cell.text, bold: title, size: title ? TITLE_SIZE : SUBTITLE_SIZE })],
  });
}

function spacer(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 2 })],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: FOOTER_SIZE,
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
          }),
        ],
      }),
    ],
  });
}

function renderTable(t: PrintTable, widths: number[]): Table {
  const rows = rowSlots(t).map((slots, r) => {
    const header = r < t.headerRows;
    const height = Math.max(
      1,
      ...slots.map((s) =>
        s.continued ? 1 : lineCount(s.cell.text, spanTwips(s.cell, widths)) / s.cell.rowSpan,
      ),
    );
    // Rows up to a third of a page stay whole; taller ones may break, or a page would be left
    // mostly blank before them (and one taller than a page would be cut).
    const whole = header || height * LINE_HEIGHT < CONTENT_HEIGHT / 3;
    return new TableRow({
      ...(header ? { tableHeader: true, keepNext: true } : {}),
      ...(whole ? { cantSplit: true } : {}),
      height: { value: 400, rule: HeightRule.ATLEAST },
      children: slots.map((s) => renderCell(s.cell, s.continued, widths)),
    });
  });
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

function spanTwips(cell: PartCell, widths: number[]): number {
  return widths.slice(cell.col, cell.col + cell.colSpan).reduce((s, w) => s + w, 0);
}

function renderCell(cell: PartCell, continued: boolean, widths: number[]): TableCell {
  const merged = cell.rowSpan > 1;
  return new TableCell({
    width: { size: spanTwips(cell, widths), type: WidthType.DXA },
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(merged ? { verticalMerge: continued ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: CELL_MARGIN,
    borders: {
      top: cell.openTop ? NO_BORDER : BORDER,
      bottom: cell.openBottom ? NO_BORDER : BORDER,
      left: BORDER,
      right: BORDER,
    },
    children: continued ? [new Paragraph({})] : [cellParagraph(cell)],
  });
}

/** User text keeps its line breaks as w:br, so the reader gets them back exactly. */
function cellParagraph(cell: PartCell): Paragraph {
  const bold = cell.role === 'header';
  const runs = cell.text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, bold, ...(i > 0 ? { break: 1 } : {}) }));
  return new Paragraph({ alignment: ALIGN[cell.align], children: runs });
}
