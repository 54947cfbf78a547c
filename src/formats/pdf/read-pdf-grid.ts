import type { ReadGrid } from '../layout/grid.ts';
import type { PageContent, TextRun } from './geometry.ts';
import { joinPages } from './join-pages.ts';
import { type LooseLine, looseLines, type PageLayout, type PageTable } from './page-table.ts';
import { type PdfReadOptions, readPdfPages } from './pdf-document.ts';
import { columnBoundaries, type Frame, families, findFrames, ruledTable } from './ruled-table.ts';
import { textColumns, textTable } from './text-table.ts';

// PDF → ReadGrid: the tables of every page found by geometry, then joined into one grid for the
// shared grid parser (src/formats/grid).

export type PdfGrid = {
  grid: ReadGrid;
  /** pages whose table was inferred from text positions alone (no ruling lines). */
  unruledPages: number[];
  /** characters of text on all pages; 0 with images means a scan. */
  textChars: number;
  images: number;
  pages: number;
};

/** Lays out pages: tables from ruling lines where there are any, from text positions otherwise. */
export function layoutPages(contents: readonly PageContent[]): { layouts: PageLayout[]; unruled: number[] } {
  const frames = contents.map(findFrames);
  // One set of column boundaries per family of same-width tables, from all pages together, so a
  // page holding only the last rows still has every column of the form.
  const familyOf = families(frames.flat());
  const byFamily = new Map<string, Frame[]>();
  for (const [f, name] of familyOf) byFamily.set(name, [...(byFamily.get(name) ?? []), f]);
  const columns = new Map([...byFamily].map(([k, fs]) => [k, columnBoundaries(fs)]));

  const textXs = textColumns(contents.filter((_, i) => frames[i]!.length === 0).map((c) => c.texts));
  const layouts: PageLayout[] = [];
  const unruled: number[] = [];
  contents.forEach((content, i) => {
    const pageFrames = frames[i]!;
    const tables: PageTable[] = [];
    let lines: LooseLine[];
    if (pageFrames.length === 0) {
      const found = textTable(content.texts, textXs);
      if (found.table) {
        tables.push(found.table);
        unruled.push(content.page);
      }
      lines = found.lines;
    } else {
      let rest: TextRun[] = content.texts;
      for (const frame of pageFrames) {
        const family = familyOf.get(frame)!;
        const built = ruledTable(frame, family, columns.get(family)!, rest);
        tables.push(built.table);
        rest = built.rest;
      }
      lines = looseLines(rest);
    }
    layouts.push({ page: content.page, tables, lines });
  });
  return { layouts, unruled };
}

/** Reads a PDF into one ReadGrid. Throws FormatError only (see readPdfPages). */
export async function readPdfGrid(
  bytes: Uint8Array,
  file: string,
  options: PdfReadOptions = {},
): Promise<PdfGrid> {
  const contents = await readPdfPages(bytes, file, options);
  const { layouts, unruled } = layoutPages(contents);
  return {
    grid: joinPages(layouts),
    unruledPages: unruled,
    textChars: contents.reduce((n, c) => n + c.texts.reduce((m, t) => m + t.str.trim().length, 0), 0),
    images: contents.reduce((n, c) => n + c.images, 0),
    pages: contents.length,
  };
}
