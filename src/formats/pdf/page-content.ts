import type { OPS as OpsTable, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageContent, Rule, TextRun } from './geometry.ts';

// One page's text runs and ruling lines, both from one getTextContent: read with `textOnly`, our
// patched pdfjs adds each painted path to the text items, with the transformation (cm, save/restore,
// form XObjects) current when it was painted, so that lines and text land in the same space.

type Matrix = [number, number, number, number, number, number];

/** `m` applied first, then `ctm` (the PDF `cm` operator). */
function concat(ctm: Matrix, m: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = ctm;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = m;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

// pdfjs 5 DrawOPS inside a constructPath buffer.
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

type Ops = typeof OpsTable;

/** The operator codes this reader acts on (pdfjs is loaded lazily, so its OPS table arrives late). */
function opSets(OPS: Ops) {
  return {
    strokes: new Set<number>([
      OPS.stroke,
      OPS.closeStroke,
      OPS.fillStroke,
      OPS.eoFillStroke,
      OPS.closeFillStroke,
      OPS.closeEOFillStroke,
    ]),
    fills: new Set<number>([OPS.fill, OPS.eoFill]),
  };
}

/** Thinner than this, a filled rectangle is a drawn line (Excel and WPS draw borders this way). */
const THIN = 2.5;

class RuleSink {
  horizontal: Rule[] = [];
  vertical: Rule[] = [];

  segment(x1: number, y1: number, x2: number, y2: number): void {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 1) {
      const y = (y1 + y2) / 2;
      this.horizontal.push({ x1: Math.min(x1, x2), x2: Math.max(x1, x2), y1: y, y2: y });
    } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 1) {
      const x = (x1 + x2) / 2;
      this.vertical.push({ x1: x, x2: x, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
    }
  }

  /** A filled box: a line if it is thin, else nothing (cell shading is not a border). */
  box(xs: number[], ys: number[]): void {
    if (xs.length === 0) return;
    const x1 = Math.min(...xs);
    const x2 = Math.max(...xs);
    const y1 = Math.min(...ys);
    const y2 = Math.max(...ys);
    if (y2 - y1 <= THIN && x2 - x1 > THIN) this.segment(x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
    else if (x2 - x1 <= THIN && y2 - y1 > THIN) this.segment((x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
  }

  path(buf: ArrayLike<number>, ctm: Matrix, stroke: boolean): void {
    let sx = 0;
    let sy = 0;
    let cx = 0;
    let cy = 0;
    let xs: number[] = [];
    let ys: number[] = [];
    const point = (x: number, y: number): [number, number] => {
      const p = apply(ctm, x, y);
      xs.push(p[0]);
      ys.push(p[1]);
      return p;
    };
    const endSubpath = () => {
      if (!stroke) this.box(xs, ys);
      xs = [];
      ys = [];
    };
    for (let i = 0; i < buf.length; ) {
      const op = buf[i++];
      if (op === MOVE) {
        endSubpath();
        [cx, cy] = point(buf[i]!, buf[i + 1]!);
        [sx, sy] = [cx, cy];
        i += 2;
      } else if (op === LINE) {
        const [x, y] = point(buf[i]!, buf[i + 1]!);
        if (stroke) this.segment(cx, cy, x, y);
        [cx, cy] = [x, y];
        i += 2;
      } else if (op === CURVE) {
        [cx, cy] = point(buf[i + 4]!, buf[i + 5]!);
        i += 6;
      } else if (op === QUAD) {
        [cx, cy] = point(buf[i + 2]!, buf[i + 3]!);
        i += 4;
      } else if (op === CLOSE) {
        if (stroke) this.segment(cx, cy, sx, sy);
        [cx, cy] = [sx, sy];
      } else {
        break; // an op this reader does not know: stop rather than misread the buffer
      }
    }
    endSubpath();
  }
}

type PathItem = { type: 'path'; paint: number; path: ArrayLike<number>; ctm: number[] };

/**
 * Ruling lines and images, from the items our pdfjs patch adds to the text content when reading
 * with `textOnly` (pdf-document.ts): each painted path, in pdfjs's constructPath encoding with the
 * transformation current when it was painted, and each image painted. One pass over the page's
 * content instead of a second one for the operator list.
 */
function rulesAndImages(
  OPS: Ops,
  page: Matrix,
  items: readonly unknown[],
): { sink: RuleSink; images: number } {
  const { strokes, fills } = opSets(OPS);
  const sink = new RuleSink();
  let images = 0;
  for (const item of items as Array<{ type?: unknown }>) {
    if (item.type === 'path') {
      const { paint, path, ctm } = item as PathItem;
      if (strokes.has(paint)) sink.path(path, concat(page, ctm), true);
      else if (fills.has(paint)) sink.path(path, concat(page, ctm), false);
    } else if (item.type === 'image') images++;
  }
  return { sink, images };
}

type RawTextItem = { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };

/** √(x² + y²), for every text item (plain arithmetic rather than Math.hypot's general case). */
const length = (x: number, y: number): number => Math.sqrt(x * x + y * y);

function textRuns(items: readonly unknown[], page: Matrix): TextRun[] {
  const out: TextRun[] = [];
  for (const raw of items as RawTextItem[]) {
    if (typeof raw.str !== 'string' || raw.str.trim() === '' || !Array.isArray(raw.transform)) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = raw.transform as number[];
    const size = length(c, d) || length(a, b) || Number(raw.height) || 10;
    const width = typeof raw.width === 'number' ? raw.width : raw.str.length * size;
    const [x, y] = apply(page, e, f);
    // A glyph the font cannot map back to a character comes out as U+0000: show that something is there.
    const str = raw.str.includes('\u0000') ? raw.str.replace(/\u0000/g, '\ufffd') : raw.str;
    out.push({ str, x, y, width, size });
  }
  return out;
}

/** The page's space turned by 0°, 90°, 180°, 270° (positions only matter relative to each other). */
const TURNS: Matrix[] = [
  [1, 0, 0, 1, 0, 0],
  [0, 1, -1, 0, 0, 0],
  [-1, 0, 0, -1, 0, 0],
  [0, -1, 1, 0, 0, 0],
];

/** How many runs read left to right along the x axis once `m` is applied. */
function horizontalRuns(items: readonly unknown[], m: Matrix): number {
  let n = 0;
  for (const raw of items as RawTextItem[]) {
    if (!Array.isArray(raw.transform)) continue;
    const [a = 1, b = 0] = raw.transform as number[];
    const dx = m[0] * a + m[2] * b;
    const dy = m[1] * a + m[3] * b;
    if (dx > 0 && Math.abs(dy) < 0.1 * dx) n++;
  }
  return n;
}

/** Text runs, ruling lines and image count of one page. */
export async function readPageContent(page: PDFPageProxy, OPS: Ops): Promise<PageContent> {
  const text = await page.getTextContent({ includeMarkedContent: false });
  // Usually the page's own space. A form drawn sideways (a landscape table on a portrait page,
  // shown upright by /Rotate or printed turned) reads left to right only turned by a quarter:
  // take the turn under which most text runs along the x axis.
  let space = TURNS[0]!;
  let most = horizontalRuns(text.items, space);
  for (const turn of TURNS.slice(1)) {
    const n = horizontalRuns(text.items, turn);
    if (n > most) [space, most] = [turn, n];
  }
  const { sink, images } = rulesAndImages(OPS, space, text.items);
  return {
    page: page.pageNumber,
    texts: textRuns(text.items, space),
    horizontal: sink.horizontal,
    vertical: sink.vertical,
    images,
  };
}
