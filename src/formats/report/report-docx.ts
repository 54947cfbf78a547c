import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportDocument } from '../../core/report/document.ts';
import {
  DOCX_FONTS,
  halfPoints,
  isSubheading,
  REPORT_PAGE as PAGE,
  SIZES,
  TEXT_WIDTH,
  titleLines,
  twips,
} from './layout.ts';

// A report document as a Word file, in the layout of layout.ts. Every kind of paragraph has its
// own named style (jixiao 标题, jixiao 一级标题, jixiao 二级标题, 正文 …), so a unit that has the
// official fonts (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312) swaps them in by editing four styles.

type Table_ = Extract<ReportBlock, { type: 'table' }>;

const serif = {
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  eastAsia: DOCX_FONTS.serif,
  cs: DOCX_FONTS.latin,
};
const sans = {
  ascii: DOCX_FONTS.sans,
  hAnsi: DOCX_FONTS.sans,
  eastAsia: DOCX_FONTS.sans,
  cs: DOCX_FONTS.sans,
};
const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });
const INDENT = { firstLine: twips(2 * SIZES.body) };
const BORDER = { style: 'single', size: 4, color: '000000' } as const;
const TABLE_WIDTH = twips(TEXT_WIDTH);

const STYLES = [
  {
    id: 'ReportTitle',
    name: 'jixiao 标题',
    basedOn: 'Normal',
    next: 'ReportSubtitle',
    quickFormat: true,
    run: { font: serif, size: halfPoints(SIZES.title), bold: true },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(SIZES.titleLine), before: 0, after: 0 },
    },
  },
  {
    id: 'ReportSubtitle',
    name: 'jixiao 副标题',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: serif, size: halfPoints(SIZES.subtitle) },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(SIZES.bodyLine), after: twips(SIZES.bodyLine / 2) },
    },
  },
  {
    id: 'ReportHeading1',
    name: 'jixiao 一级标题',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: sans, size: halfPoints(SIZES.body) },
    paragraph: { keepNext: true, indent: INDENT, spacing: exact(SIZES.bodyLine) },
  },
  {
    id: 'ReportHeading2',
    name: 'jixiao 二级标题',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: serif, size: halfPoints(SIZES.body), bold: true },
    paragraph: { keepNext: true, indent: INDENT, spacing: exact(SIZES.bodyLine) },
  },
  {
    id: 'ReportTableText',
    name: 'jixiao 表格',
    basedOn: 'Normal',
    run: { font: serif, size: halfPoints(SIZES.table) },
    paragraph: { indent: { firstLine: 0 }, spacing: exact(SIZES.tableLine) },
  },
  {
    id: 'ReportNote',
    name: 'jixiao 表注',
    basedOn: 'Normal',
    run: { font: serif, size: halfPoints(SIZES.note) },
    paragraph: {
      indent: { firstLine: 0 },
      spacing: { ...exact(SIZES.noteLine), after: twips(SIZES.bodyLine / 2) },
    },
  },
];

const para = (text: string, style?: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({
    ...(style ? { style } : {}),
    ...(alignment ? { alignment } : {}),
    children: [new TextRun(text)],
  });

function paragraphs(text: string, align?: 'left' | 'right'): Paragraph[] {
  const out: Paragraph[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (isSubheading(line)) out.push(para(line, 'ReportHeading2'));
    else if (align === 'right')
      out.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { firstLine: 0 },
          children: [new TextRun(line)],
        }),
      );
    else out.push(para(line));
  }
  return out;
}

const CELL_ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

function cell(text: string, width: number, align: 'left' | 'center' | 'right', bold: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: {
      top: twips(SIZES.tablePad / 2),
      bottom: twips(SIZES.tablePad / 2),
      left: twips(SIZES.tablePad),
      right: twips(SIZES.tablePad),
    },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          style: 'ReportTableText',
          alignment: CELL_ALIGN[align],
          children: [new TextRun({ text: line, bold })],
        }),
    ),
  });
}

function table(t: Table_): Array<Paragraph | Table> {
  const total = t.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = t.columns.map((c) => Math.floor((c.width / total) * TABLE_WIDTH));
  widths[widths.length - 1]! += TABLE_WIDTH - widths.reduce((s, w) => s + w, 0);
  const strong = new Set(t.strong ?? []);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell(c.title, widths[i]!, 'center', true)),
  });
  const rows = t.rows.map(
    (r, k) =>
      new TableRow({
        children: r.map((text, i) => cell(text, widths[i]!, t.columns[i]?.align ?? 'left', strong.has(k))),
      }),
  );
  const out: Array<Paragraph | Table> = [
    new Table({
      rows: [header, ...rows],
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
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
    }),
  ];
  out.push(para(t.note ?? '', 'ReportNote'));
  return out;
}

function blocks(report: ReportDocument): Array<Paragraph | Table> {
  // a CJK character is one em: the title fits when its characters times its size fit the line
  const fits = (l: string) => [...l].length * SIZES.title <= TEXT_WIDTH;
  const lines = titleLines(report.title, report.titleBreak, fits);
  const out: Array<Paragraph | Table> = [
    new Paragraph({
      style: 'ReportTitle',
      children: lines.map((l, i) => new TextRun({ text: l, ...(i > 0 ? { break: 1 } : {}) })),
    }),
  ];
  if (report.subtitle) out.push(para(report.subtitle, 'ReportSubtitle'));
  for (const b of report.blocks) {
    if (b.type === 'heading') out.push(para(b.text, b.level === 1 ? 'ReportHeading1' : 'ReportHeading2'));
    else if (b.type === 'paragraph') out.push(...paragraphs(b.text, b.align));
    else if (b.type === 'table') out.push(...table(b));
    // charts are drawn in the PDF (formats/report/report-pdf.ts); Word gets their title and a pointer
    else out.push(para(`${b.title}（图见 PDF 版）`, 'ReportNote', AlignmentType.CENTER));
  }
  if (report.signature?.length) {
    out.push(para(''));
    for (const s of report.signature)
      out.push(
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { firstLine: 0, right: twips(2 * SIZES.body) },
          children: [new TextRun(s)],
        }),
      );
  }
  return out;
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        children: [
          new TextRun({ size: halfPoints(SIZES.footer), children: ['— ', PageNumber.CURRENT, ' —'] }),
        ],
      }),
    ],
  });
}

/** The report as .docx bytes (A4 portrait, official-document layout). */
export async function renderReportDocx(report: ReportDocument): Promise<Uint8Array> {
  const doc = new Document({
    title: report.title,
    subject: report.subject,
    creator: 'jixiao',
    styles: {
      default: {
        document: {
          run: { font: serif, size: halfPoints(SIZES.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { ...exact(SIZES.bodyLine), before: 0, after: 0 }, indent: INDENT },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: {
              top: twips(PAGE.top),
              bottom: twips(PAGE.bottom),
              left: twips(PAGE.left),
              right: twips(PAGE.right),
              header: twips(15 * (72 / 25.4)),
              footer: twips(20 * (72 / 25.4)),
            },
          },
        },
        footers: { default: footer() },
        children: blocks(report),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
