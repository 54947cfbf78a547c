import fc from 'fast-check';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { pageGrid } from './html-grid.ts';

// Random tables, built from a random tiling of an R×C grid into rectangles (each one cell with its
// rowspan/colspan), so the expected grid is known without a second implementation of the table
// model: R rows of C cells, each rectangle's text at its top-left corner and '' under the rest.

/** A piece of cell text: its HTML and the text it shows. */
const PIECES: ReadonlyArray<[string, string]> = [
  ['项目', '项目'],
  ['名称', '名称'],
  ['产出指标', '产出指标'],
  ['≥', '≥'],
  ['100', '100'],
  ['%', '%'],
  ['abc', 'abc'],
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#x4E2D;', '中'],
  ['&#20013;', '中'],
  ['&copy;', '©'],
  ['&nbsp;', ' '],
  [' ', ' '],
  ['<b>粗</b>', '粗'],
  ['<span>（</span>', '（'],
  ['<br>', '\n'],
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => ({
  html: parts.map((p) => p[0]).join(''),
  shown: parts.map((p) => p[1]).join(''),
}));

type Rect = { y: number; x: number; rows: number; cols: number; html: string; shown: string };

const tilingArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 8 }),
    cols: fc.integer({ min: 1, max: 8 }),
    seeds: fc.array(fc.tuple(fc.nat(), fc.nat(), textArb), { minLength: 64, maxLength: 64 }),
  })
  .map(({ rows, cols, seeds }) => {
    const taken = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
    const rects: Rect[] = [];
    let k = 0;
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        if (taken[y]![x]) continue;
        const [a, b, text] = seeds[k++ % seeds.length]!;
        // Free columns to the right in this row: a rectangle from an earlier row that covered one
        // of them would cover this row too, so nothing below them is taken either.
        let free = 1;
        while (x + free < cols && !taken[y]![x + free]) free++;
        const w = 1 + (a % free);
        const h = 1 + (b % (rows - y));
        for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) taken[y + dy]![x + dx] = true;
        rects.push({ y, x, rows: h, cols: w, ...text });
      }
    }
    return { rows, cols, rects };
  });

function tableHtml(t: { rows: number; rects: Rect[] }): string {
  const trs = Array.from({ length: t.rows }, (_, y) =>
    t.rects
      .filter((r) => r.y === y)
      .map((r) => `<td rowspan="${r.rows}" colspan="${r.cols}">${r.html}</td>`)
      .join(''),
  );
  return `<table>${trs.map((tds) => `<tr>${tds}</tr>`).join('\n')}</table>`;
}

/** Whitespace aside (the reader tidies it), the text a cell shows. */
const squash = (s: string) => s.replace(/\s+/g, '');

describe('pageGrid on random tables', () => {
  it('never throws and yields the expanded R×C grid with each text at its top-left cell', () => {
    fc.assert(
      fc.property(tilingArb, fc.constantFrom('', '<div class="nav">首页</div>'), (t, junk) => {
        const { grid } = pageGrid(parse(`<!DOCTYPE html><body>${tableHtml(t)}${junk}</body>`));
        expect(grid.cells).toHaveLength(t.rows);
        // A table whose last columns hold no cell's corner still covers them: width is C.
        for (const row of grid.cells) expect(row).toHaveLength(t.cols);
        const anchors = new Map(t.rects.map((r) => [`${r.y},${r.x}`, r.shown]));
        grid.cells.forEach((row, y) => {
          row.forEach((cell, x) => {
            expect(squash(cell)).toBe(squash(anchors.get(`${y},${x}`) ?? ''));
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary span attributes and markup, and keeps every row the same width', () => {
    const spanArb = fc.oneof(
      fc.constant(''),
      fc.integer({ min: -3, max: 12 }).map(String),
      fc.constantFrom('0', '1000', '65535', '2.5', ' 3', 'x', '99999999999'),
    );
    const cellArb = fc.record({ tag: fc.constantFrom('td', 'th'), rs: spanArb, cs: spanArb, text: textArb });
    const rowArb = fc.array(cellArb, { maxLength: 6 });
    const groupArb = fc.record({
      tag: fc.constantFrom('', 'thead', 'tbody', 'tfoot'),
      rows: fc.array(rowArb),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 4 }), (groups) => {
        const html = groups
          .map((g) => {
            const rows = g.rows
              .map(
                (r) =>
                  `<tr>${r.map((c) => `<${c.tag} rowspan="${c.rs}" colspan="${c.cs}">${c.text.html}</${c.tag}>`).join('')}</tr>`,
              )
              .join('');
            return g.tag ? `<${g.tag}>${rows}</${g.tag}>` : rows;
          })
          .join('');
        const { grid } = pageGrid(parse(`<table>${html}</table>`));
        const trs = groups.reduce((n, g) => n + g.rows.length, 0);
        expect(grid.cells).toHaveLength(trs);
        const widths = new Set(grid.cells.map((r) => r.length));
        expect(widths.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
