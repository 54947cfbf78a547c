import { keyOf } from './normalize.ts';

// Text of any layout as one stream of characters without whitespace (the "key", folded for
// matching) and, before each character, how strongly the original separated it from the one
// before: the reader finds labels in the key and cuts cells where the separators are — or, in
// text whose cells run together, where the value grammar says one cell ends and the next begins.

/** No separator (`303010100%`): cells may still end here, the grammar decides. */
export const NONE = 0;
/** One space: a cell boundary in flattened text, or a line wrapped inside a cell. */
export const SPACE = 1;
/** A line break (one cell per line, or a wrapped cell in a PDF's reading order). */
export const LINE = 2;
/** `|`, a tab, a run of spaces, a blank line: a cell boundary. */
export const CELL = 3;

export type Stream = {
  /** the text after page-marker and annotation clean-up; offsets below point into it */
  readonly text: string;
  readonly key: string;
  /** key index → offset in `text` */
  readonly at: Int32Array;
  /** key index → separator strength before it */
  readonly bound: Uint8Array;
  /** key index → blank cells the separator before it holds (`|  |`, a blank line between cells) */
  readonly empties: Uint8Array;
  /** key indices read through an OCR confusion (`Fl` as 目) */
  readonly ocr: ReadonlySet<number>;
};

export function buildStream(source: string): Stream {
  const text = cleanSource(source);
  const at = new Int32Array(text.length + 1);
  const bound = new Uint8Array(text.length + 1);
  const seps: string[] = [];
  const ocr: number[] = [];
  let key = '';
  let sep = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (
      c === '\n' ||
      c === ' ' ||
      c === '\u3000' ||
      c === '\u00a0' ||
      c === '\r' ||
      c === '|' ||
      c === '\t'
    ) {
      sep += c;
      continue;
    }
    at[key.length] = i;
    bound[key.length] = key.length === 0 ? CELL : strength(sep);
    seps.push(sep);
    const fix = ocrFix(text, i, key);
    if (fix) {
      ocr.push(key.length);
      key += fix.key;
      i += fix.skip;
    } else key += keyOf(c);
    sep = '';
  }
  at[key.length] = text.length;
  bound[key.length] = CELL;
  seps.push(sep);
  const empties = blankCells(seps);
  return {
    text,
    key,
    at: at.subarray(0, key.length + 1),
    bound: bound.subarray(0, key.length + 1),
    empties,
    ocr: new Set(ocr),
  };
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * OCR confusions in the labels of scanned forms (`项Fl资金（万兀）`, `顼目`): read as the
 * character they stand for, in the key only, and remembered so the reader can say so.
 */
function ocrFix(text: string, i: number, key: string): { key: string; skip: number } | null {
  const c = text[i]!;
  if (
    c === 'F' &&
    /[l1I]/.test(text[i + 1] ?? '') &&
    CJK.test(key[key.length - 1] ?? '') &&
    CJK.test(text[i + 2] ?? '')
  )
    return { key: '目', skip: 1 };
  if (c === '兀' && key[key.length - 1] === '万') return { key: '元', skip: 0 };
  if (c === '顼' && text[i + 1] === '目') return { key: '项', skip: 0 };
  return null;
}

function strength(sep: string): number {
  if (sep === '') return NONE;
  if (sep.includes('|') || sep.includes('\t')) return CELL;
  const lines = sep.split('\n').length - 1;
  if (lines >= 2) return CELL;
  if (lines === 1) return LINE;
  return sep.length >= 2 ? CELL : SPACE;
}

/**
 * Blank cells leave no characters, only separators: `|` between `|`, or a line with nothing on
 * it. Text that separates its cells by one line break marks a blank cell with an empty line;
 * text that separates them by blank lines (one paragraph per cell) marks it with a paragraph of
 * spaces. Which one is decided by what most separators look like.
 */
function blankCells(seps: readonly string[]): Uint8Array {
  const out = new Uint8Array(seps.length);
  let pipes = 0;
  let single = 0;
  let double = 0;
  for (const s of seps) {
    if (s.includes('|')) pipes++;
    else if (/\n[ \t\u3000\u00a0\r]*\n/.test(s)) double++;
    else if (s.includes('\n')) single++;
  }
  // One cell per paragraph separates (nearly) every cell by a blank line; one cell per line uses
  // blank lines only for blank cells, which are fewer than the filled ones.
  const mode = pipes > (single + double) / 2 ? 'pipe' : double >= 4 * single ? 'paragraph' : 'line';
  seps.forEach((s, i) => {
    let n = 0;
    if (mode === 'pipe') n = Math.max(0, (s.match(/\|/g)?.length ?? 0) - 1);
    else if (mode === 'paragraph') {
      const paras = s.split(/\n/);
      // inner lines holding only spaces between two line breaks, where a blank line is also around them
      for (let k = 1; k < paras.length - 1; k++) if (/^[ \t\u3000\u00a0\r]+$/.test(paras[k]!)) n++;
    } else n = Math.max(0, (s.match(/\n/g)?.length ?? 0) - 1);
    out[i] = Math.min(n, 255);
  });
  return out;
}

/**
 * The printed text of key range [from, to): wrapped lines joined (form-json.md: nothing between
 * ideographs, one space between two Latin letters or digits), spaces kept as one, separators gone.
 */
export function textOf(s: Stream, from: number, to: number): string {
  if (to <= from) return '';
  const raw = s.text.slice(s.at[from]!, s.at[to - 1]! + 1);
  return raw
    .replace(/[ \t\u3000\u00a0\r]*\|[ \t\u3000\u00a0\r|]*/g, ' ')
    .replace(/[ \t\u3000\u00a0\r]*\n[\s]*/g, (m, off: number, all: string) =>
      /[A-Za-z0-9]/.test(all[off - 1] ?? '') && /[A-Za-z0-9]/.test(all[off + m.length] ?? '') ? ' ' : '',
    )
    .replace(/[ \t\u3000\u00a0\r]+/g, ' ')
    .trim();
}

/**
 * Cuts a key range at separators of at least `min` strength: the cells it holds, blank cells
 * (from === to) included where the separators mark them.
 */
export function cellsOf(s: Stream, from: number, to: number, min: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from + 1; i < to; i++) {
    if (s.bound[i]! >= min) {
      out.push([start, i]);
      for (let k = 0; k < s.empties[i]!; k++) out.push([i, i]);
      start = i;
    }
  }
  if (to > start) out.push([start, to]);
  return out;
}

// ── clean-up before the stream is built ─────────────────────────────────────────────

/**
 * Document-sharing sites split a document's text into numbered preview chunks, `1、…\n2、…`,
 * cutting through rows (`库存数量真实率100%\n2、100%`): the numbers are the site's, not the
 * form's. They are recognised only as a run 1、2、3… at line starts where the first chunk starts
 * a form (a title or 项目名称 near its start), and removed with their line break.
 */
function removeChunkMarkers(text: string): string {
  const re = /(^|\n)[ \t]*(\d{1,2})、/g;
  const hits: Array<{ index: number; length: number; n: number; head: string }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[2]);
    hits.push({
      index: m.index + m[1]!.length,
      length: m[0].length - m[1]!.length,
      n,
      head: text.slice(re.lastIndex, re.lastIndex + 60),
    });
  }
  const first = hits.findIndex((h) => h.n === 1 && /绩效|项目名称|自评表/.test(h.head));
  if (first < 0) return text;
  const run = [hits[first]!];
  for (let k = first + 1; k < hits.length && hits[k]!.n === run.length + 1; k++) run.push(hits[k]!);
  if (run.length < 2) return text;
  let out = '';
  let from = 0;
  for (const [i, h] of run.entries()) {
    // The first marker keeps its line break (it starts the form); the others are cuts inside it.
    const cut = i === 0 ? h.index : text.lastIndexOf('\n', h.index);
    out += text.slice(from, Math.max(cut, from));
    from = h.index + h.length;
  }
  return out + text.slice(from);
}

/** `項(xiàng)目`: pinyin annotations between ideographs are not part of the label. */
const PINYIN = /(?<=[\u4e00-\u9fff])\s*[(（]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\s*[)）]/gi;

/** A Markdown table's rule line (`| --- | :---: |`) separates nothing a form prints. */
const TABLE_RULE = /^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm;

export function cleanSource(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').replace(TABLE_RULE, '');
  return removeChunkMarkers(PINYIN.test(t) ? t.replace(PINYIN, '') : t);
}
