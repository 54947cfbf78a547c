import { DOMParser, type Element } from '@xmldom/xmldom';
import type { FaceName } from './fonts.ts';
import { type Doc, type FaceMeasure, TEXT_OPTIONS } from './pdf-kit.ts';

// Draws an SVG — the subset ECharts' server-side renderer writes — into a pdfkit page as native
// vector drawing: paths (pdfkit reads SVG path data, arcs included), polylines, rects, circles,
// lines and text. No SVG library is installed and nothing may be downloaded, and a raster would
// lose the text: drawn this way every label stays real text that pdftotext (and a reader's search)
// finds. Clip paths, gradients, filters and CSS are ignored (ECharts' bar, pie and scatter charts
// use none of them for what they draw).

type Matrix = [number, number, number, number, number, number];

type Paint = {
  fill: string | null;
  fillOpacity: number;
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  opacity: number;
  dash: number[] | null;
  fontSize: number;
  anchor: 'start' | 'middle' | 'end';
  baseline: string;
};

const INITIAL: Paint = {
  fill: '#000000',
  fillOpacity: 1,
  stroke: null,
  strokeOpacity: 1,
  strokeWidth: 1,
  opacity: 1,
  dash: null,
  fontSize: 12,
  anchor: 'start',
  baseline: 'alphabetic',
};

const num = (v: string | null | undefined, fallback = 0): number => {
  const n = Number.parseFloat(v ?? '');
  return Number.isFinite(n) ? n : fallback;
};

const hex2 = (n: number): string =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/** A CSS colour as `#rrggbb` and its alpha; `none` and unknown values are null. */
export function parseColor(value: string | null | undefined): { color: string; alpha: number } | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v || v === 'none' || v === 'transparent' || v.startsWith('url(')) return null;
  const rgb = /^rgba?\(([^)]+)\)$/.exec(v);
  if (rgb) {
    const parts = rgb[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    const [r = 0, g = 0, b = 0, a = 1] = parts;
    return { color: `#${hex2(r)}${hex2(g)}${hex2(b)}`, alpha: a };
  }
  if (/^#[0-9a-f]{3}$/.test(v)) return { color: `#${[...v.slice(1)].map((c) => c + c).join('')}`, alpha: 1 };
  if (/^#[0-9a-f]{6}$/.test(v)) return { color: v, alpha: 1 };
  if (/^[a-z]+$/.test(v)) return { color: v, alpha: 1 };
  return null;
}

/** `translate(…) scale(…) matrix(…) rotate(…)` as one matrix. */
export function parseTransform(value: string | null): Matrix | null {
  if (!value) return null;
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const mul = (a: Matrix, b: Matrix): Matrix => [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
  for (const t of value.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const args = t[2]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [a = 0, b, c, d, e, f] = args;
    let next: Matrix;
    switch (t[1]) {
      case 'translate':
        next = [1, 0, 0, 1, a, b ?? 0];
        break;
      case 'scale':
        next = [a, 0, 0, b ?? a, 0, 0];
        break;
      case 'matrix':
        next = [a, b ?? 0, c ?? 0, d ?? 1, e ?? 0, f ?? 0];
        break;
      case 'rotate': {
        const r = (a * Math.PI) / 180;
        const cos = Math.cos(r);
        const sin = Math.sin(r);
        next = [cos, sin, -sin, cos, 0, 0];
        if (b !== undefined && c !== undefined)
          next = mul(mul([1, 0, 0, 1, b, c], next), [1, 0, 0, 1, -b, -c]);
        break;
      }
      default:
        continue;
    }
    m = mul(m, next);
  }
  return m;
}

/** Attributes and `style="…"` declarations of an element (style wins, as in CSS). */
function props(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    out.set(a.name, a.value);
  }
  const style = out.get('style');
  if (style)
    for (const decl of style.split(';')) {
      const k = decl.indexOf(':');
      if (k > 0) out.set(decl.slice(0, k).trim(), decl.slice(k + 1).trim());
    }
  return out;
}

function inherit(parent: Paint, p: Map<string, string>): Paint {
  const next = { ...parent, opacity: parent.opacity };
  const fill = p.get('fill');
  if (fill !== undefined) {
    const c = parseColor(fill);
    next.fill = c ? c.color : null;
    if (c) next.fillOpacity = c.alpha;
  }
  const stroke = p.get('stroke');
  if (stroke !== undefined) {
    const c = parseColor(stroke);
    next.stroke = c ? c.color : null;
    if (c) next.strokeOpacity = c.alpha;
  }
  if (p.has('fill-opacity')) next.fillOpacity *= num(p.get('fill-opacity'), 1);
  if (p.has('stroke-opacity')) next.strokeOpacity *= num(p.get('stroke-opacity'), 1);
  if (p.has('opacity')) next.opacity = parent.opacity * num(p.get('opacity'), 1);
  if (p.has('stroke-width')) next.strokeWidth = num(p.get('stroke-width'), 1);
  const dash = p.get('stroke-dasharray');
  if (dash !== undefined) {
    const parts = dash
      .split(/[\s,]+/)
      .map(Number)
      .filter((n) => Number.isFinite(n) && n >= 0);
    next.dash = dash === 'none' || parts.every((n) => n === 0) ? null : parts;
  }
  if (p.has('font-size')) next.fontSize = num(p.get('font-size'), next.fontSize);
  const anchor = p.get('text-anchor');
  if (anchor === 'start' || anchor === 'middle' || anchor === 'end') next.anchor = anchor;
  const baseline = p.get('dominant-baseline') ?? p.get('alignment-baseline');
  if (baseline) next.baseline = baseline;
  return next;
}

function paintShape(doc: Doc, paint: Paint, closed: boolean): void {
  const fill = closed && paint.fill !== null && paint.fillOpacity * paint.opacity > 0;
  const stroke = paint.stroke !== null && paint.strokeWidth > 0 && paint.strokeOpacity * paint.opacity > 0;
  if (fill) doc.fillColor(paint.fill!).fillOpacity(paint.fillOpacity * paint.opacity);
  if (stroke) {
    doc
      .strokeColor(paint.stroke!)
      .strokeOpacity(paint.strokeOpacity * paint.opacity)
      .lineWidth(paint.strokeWidth);
    if (paint.dash?.length) doc.dash(paint.dash[0]!, { space: paint.dash[1] ?? paint.dash[0]! });
    else doc.undash();
  }
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
  // an unpainted shape (fill="none", no stroke) is ended with `n`, or the next paint would draw it
  else doc.addContent('n');
}

/** Baseline offset for `dominant-baseline`: ideographs span 0.12 em below to 0.88 em above the baseline. */
function baselineShift(baseline: string, size: number): number {
  if (baseline === 'central' || baseline === 'middle') return 0.38 * size;
  if (baseline === 'hanging' || baseline === 'text-before-edge' || baseline === 'text-top')
    return 0.88 * size;
  if (baseline === 'text-after-edge' || baseline === 'text-bottom' || baseline === 'ideographic')
    return -0.12 * size;
  return 0;
}

type Ctx = { doc: Doc; measure: FaceMeasure; face: FaceName };

function drawText(ctx: Ctx, el: Element, paint: Paint, p: Map<string, string>): void {
  const text = (el.textContent ?? '').replace(/\s+/g, p.get('xml:space') === 'preserve' ? ' ' : ' ').trim();
  if (!text || paint.fill === null) return;
  const size = paint.fontSize;
  const x = num(p.get('x')) + num(p.get('dx'));
  const y = num(p.get('y')) + num(p.get('dy'));
  const w = ctx.measure(text, ctx.face, size);
  const dx = paint.anchor === 'middle' ? -w / 2 : paint.anchor === 'end' ? -w : 0;
  ctx.doc
    .font(ctx.face)
    .fontSize(size)
    .fillColor(paint.fill)
    .fillOpacity(paint.fillOpacity * paint.opacity);
  ctx.doc.text(text, x + dx, y + baselineShift(paint.baseline, size), TEXT_OPTIONS);
}

function points(value: string | undefined): number[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

function drawElement(ctx: Ctx, el: Element, parent: Paint): void {
  const name = el.localName;
  if (name === 'style' || name === 'defs' || name === 'clipPath' || name === 'title' || name === 'desc')
    return;
  const p = props(el);
  if (p.get('display') === 'none' || p.get('visibility') === 'hidden') return;
  const paint = inherit(parent, p);
  const { doc } = ctx;
  const m = parseTransform(p.get('transform') ?? null);
  doc.save();
  if (m) doc.transform(...m);
  switch (name) {
    case 'svg':
    case 'g':
      for (let c = el.firstChild; c; c = c.nextSibling)
        if (c.nodeType === 1) drawElement(ctx, c as Element, paint);
      break;
    case 'path': {
      const d = p.get('d');
      if (d) {
        doc.path(d);
        paintShape(doc, paint, true);
      }
      break;
    }
    case 'rect': {
      const w = num(p.get('width'));
      const h = num(p.get('height'));
      if (w > 0 && h > 0) {
        const rx = num(p.get('rx'));
        if (rx > 0) doc.roundedRect(num(p.get('x')), num(p.get('y')), w, h, rx);
        else doc.rect(num(p.get('x')), num(p.get('y')), w, h);
        paintShape(doc, paint, true);
      }
      break;
    }
    case 'circle':
      doc.circle(num(p.get('cx')), num(p.get('cy')), num(p.get('r')));
      paintShape(doc, paint, true);
      break;
    case 'ellipse':
      doc.ellipse(num(p.get('cx')), num(p.get('cy')), num(p.get('rx')), num(p.get('ry')));
      paintShape(doc, paint, true);
      break;
    case 'line':
      doc.moveTo(num(p.get('x1')), num(p.get('y1'))).lineTo(num(p.get('x2')), num(p.get('y2')));
      paintShape(doc, paint, false);
      break;
    case 'polyline':
    case 'polygon': {
      const xy = points(p.get('points'));
      if (xy.length >= 4) {
        doc.moveTo(xy[0]!, xy[1]!);
        for (let i = 2; i + 1 < xy.length; i += 2) doc.lineTo(xy[i]!, xy[i + 1]!);
        if (name === 'polygon') doc.closePath();
        paintShape(doc, paint, name === 'polygon');
      }
      break;
    }
    case 'text':
      drawText(ctx, el, paint, p);
      break;
    default:
      break;
  }
  doc.restore();
}

/**
 * Draws `svg` with its top-left corner at (x, y), scaled to `width` points wide (height follows
 * the viewBox). Text is set in `face`. Returns the drawn height.
 */
export function drawSvg(
  doc: Doc,
  svg: string,
  box: { x: number; y: number; width: number },
  measure: FaceMeasure,
  face: FaceName = 'sans',
): number {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (!root) return 0;
  const [, , vbW = num(root.getAttribute('width'), box.width), vbH = num(root.getAttribute('height'), 0)] =
    points(root.getAttribute('viewBox') ?? undefined);
  const scale = vbW > 0 ? box.width / vbW : 1;
  doc.save();
  doc.translate(box.x, box.y).scale(scale);
  drawElement({ doc, measure, face }, root, INITIAL);
  doc.restore();
  // pdfkit keeps the last fill colour and opacity: leave the page as it was before.
  doc.fillColor('#000000').fillOpacity(1).strokeColor('#000000').strokeOpacity(1).undash();
  return vbH * scale;
}
