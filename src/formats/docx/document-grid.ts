import type { Element } from '@xmldom/xmldom';
import type { ReadGrid } from '../layout/grid.ts';
import { elementChildren, isW, MC_NS, wChild, wInt, wVal } from './docx-xml.ts';

// word/document.xml → one ReadGrid, in document order: each paragraph outside a table becomes a
// one-cell row (the title 项目支出绩效自评表 and （2021年度） are often such paragraphs above the
// table), each table row a grid row with merges as the shared parser expects them (text in the
// top-left cell, '' elsewhere). Lines stay apart ('\n' between paragraphs and at w:br): joining
// wrapped lines is the grid parser's job, which keeps paragraph breaks only in narrative cells.

type Row = { cells: string[]; source: ReadGrid['rowSource'][number] };

/** Elements that only wrap content (content controls, custom XML, tracked insertions). */
const WRAPPERS = ['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple'];

export function documentGrid(documentElement: Element): ReadGrid {
  const body = wChild(documentElement, 'body');
  const rows: Row[] = [];
  const state = { tables: 0 };
  if (body) for (const block of blocks(body)) readBlock(block, rows, state);
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  return {
    cells: rows.map((r) => [...r.cells, ...Array<string>(width - r.cells.length).fill('')]),
    rowSource: rows.map((r) => r.source),
  };
}

function readBlock(block: Element, rows: Row[], state: { tables: number }): void {
  if (isW(block, 'p')) {
    const text = paragraphText(block).trim();
    if (text) rows.push({ cells: [text], source: {} });
  } else if (isW(block, 'tbl')) {
    readTable(block, rows, state);
  }
}

/** Paragraphs and tables of a container, looking through wrapper elements. */
function blocks(container: Element): Element[] {
  const out: Element[] = [];
  for (const el of elementChildren(container)) {
    if (isW(el, 'p', 'tbl')) out.push(el);
    else if (isW(el, ...WRAPPERS)) out.push(...blocks(el));
    else if (isAlternateContent(el)) out.push(...alternateChoice(el).flatMap(blocks));
  }
  return out;
}

function isAlternateContent(el: Element): boolean {
  return el.namespaceURI === MC_NS && el.localName === 'AlternateContent';
}

/** mc:AlternateContent holds the same content twice (Choice and Fallback): read the first choice only. */
function alternateChoice(el: Element): Element[] {
  const choice = elementChildren(el).find((c) => c.namespaceURI === MC_NS && c.localName === 'Choice');
  return choice ? [choice] : [];
}

/** Children of `el` named `name`, looking through wrappers (rows and cells may sit in content controls). */
function childrenNamed(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of elementChildren(el)) {
    if (isW(c, name)) out.push(c);
    else if (isW(c, ...WRAPPERS)) out.push(...childrenNamed(c, name));
  }
  return out;
}

function readTable(tbl: Element, rows: Row[], state: { tables: number }): void {
  const table = ++state.tables;
  childrenNamed(tbl, 'tr').forEach((tr, r) => {
    const cells = childrenNamed(tr, 'tc');
    // A row that is one cell holding a table is layout (a frame around the form, or the
    // indicator table nested in the last row): its contents become rows of their own.
    const only = cells.length === 1 ? cells[0]! : null;
    if (only && blocks(only).some((b) => isW(b, 'tbl'))) {
      for (const block of blocks(only)) readBlock(block, rows, state);
      return;
    }
    const trPr = wChild(tr, 'trPr');
    const out: string[] = Array<string>(trPr ? wInt(wChild(trPr, 'gridBefore'), 0) : 0).fill('');
    for (const tc of cells) {
      const tcPr = wChild(tc, 'tcPr');
      const span = tcPr ? wInt(wChild(tcPr, 'gridSpan'), 1) : 1;
      const vMerge = tcPr ? wChild(tcPr, 'vMerge') : undefined;
      const hMerge = tcPr ? wChild(tcPr, 'hMerge') : undefined;
      // A continued merge shows the anchor's text: the grid keeps it only in the anchor.
      const continued = (vMerge && wVal(vMerge) !== 'restart') || (hMerge && wVal(hMerge) !== 'restart');
      out.push(continued ? '' : cellText(tc), ...Array<string>(span - 1).fill(''));
    }
    if (trPr) out.push(...Array<string>(wInt(wChild(trPr, 'gridAfter'), 0)).fill(''));
    rows.push({ cells: out, source: { table, row: r + 1 } });
  });
}

/** A cell's paragraphs, one line each; a nested table's rows as lines, its cells apart by a space. */
function cellText(tc: Element): string {
  const lines: string[] = [];
  for (const block of blocks(tc)) {
    if (isW(block, 'p')) lines.push(paragraphText(block));
    else
      lines.push(...childrenNamed(block, 'tr').map((tr) => childrenNamed(tr, 'tc').map(cellText).join(' ')));
  }
  return lines.join('\n').trim();
}

/** The visible text of a paragraph: w:t, tabs as spaces, w:br as '\n'; deleted text and fallbacks skipped. */
export function paragraphText(p: Element): string {
  let out = '';
  const walk = (el: Element): void => {
    for (const c of elementChildren(el)) {
      if (isAlternateContent(c)) {
        for (const choice of alternateChoice(c)) walk(choice);
      } else if (isW(c, 't')) {
        out += c.textContent ?? '';
      } else if (isW(c, 'tab', 'ptab')) {
        out += ' ';
      } else if (isW(c, 'br', 'cr')) {
        out += '\n';
      } else if (isW(c, 'noBreakHyphen')) {
        out += '-';
      } else if (isW(c, 'txbxContent')) {
        out += `\n${blocks(c)
          .filter((b) => isW(b, 'p'))
          .map(paragraphText)
          .join('\n')}\n`;
      } else if (!isW(c, 'del', 'moveFrom', 'pPr', 'rPr', 'instrText', 'delText')) {
        walk(c);
      }
    }
  };
  walk(p);
  return out;
}
