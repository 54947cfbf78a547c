// A report as plain data: what the self-evaluation report and the spot-check report say, in
// order, with no layout. formats/report renders it to Word and PDF; the web editor shows the same
// blocks. Pure, so the browser drafts the report with the code the server prints.

/** A chart as an ECharts option (plain data) to be drawn server-side (formats/report/charts.ts). */
export type ChartOption = Record<string, unknown>;

export type TableColumn = {
  title: string;
  /** relative width (character units); the renderer scales columns to the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
};

export type ReportBlock =
  /** 一、 (level 1) or （一） (level 2); the numbering is part of the text. */
  | { type: 'heading'; level: 1 | 2; text: string }
  /**
   * Body text; each line is a paragraph (first line indented two characters, the official
   * layout). `section` names the editable narrative it shows (Form JSON `report`).
   */
  | { type: 'paragraph'; text: string; section?: string; align?: 'left' | 'right' }
  | {
      type: 'table';
      columns: TableColumn[];
      rows: string[][];
      /** rows printed in bold (a total). */
      strong?: number[];
      /** a line under the table (e.g. where the rest is). */
      note?: string;
    }
  | { type: 'chart'; title: string; option: ChartOption; width: number; height: number };

export type ReportDocument = {
  /** document title (bold serif, centred). */
  title: string;
  /**
   * Where a title too long for one line is best broken (a character index): before 支出绩效自评报告,
   * not wherever the line happens to end.
   */
  titleBreak?: number;
  /** the line under the title, e.g. （2021年度）. */
  subtitle?: string;
  /** PDF/Word metadata subject. */
  subject: string;
  blocks: ReportBlock[];
  /** printed at the end, right-aligned (填报单位, 日期). */
  signature?: string[];
  orientation?: 'portrait' | 'landscape';
};

/** Every text a document prints, in reading order (tests, search). */
export function documentText(doc: ReportDocument): string {
  const out: string[] = [doc.title, doc.subtitle ?? ''];
  for (const b of doc.blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') out.push(b.text);
    else if (b.type === 'table') {
      out.push(b.columns.map((c) => c.title).join(' '));
      for (const r of b.rows) out.push(r.join(' '));
      if (b.note) out.push(b.note);
    } else out.push(b.title);
  }
  out.push(...(doc.signature ?? []));
  return out.join('\n');
}
