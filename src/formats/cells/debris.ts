import { keyText } from './normalize.ts';
import { type Stream, textOf } from './stream.ts';

// Template debris in the indicator table's text: rows the template printed and nobody filled
// (`指标1:指标2:`, `……`), pieces of headings a layout tore apart (`实际` of 实际完成值, `意度指标`
// of 服务对象满意度指标), and a level label wrapped short right before a row's `指标1:`.

/** The level context a row reads: the level-1 and level-2 labels printed before it. */
export type Ctx = { l1: string; l2: string; l1Key: string; l2Key: string; l1Printed: boolean };

// `指标1:` (or, OCR'd, `指标L` right before the next one): the template's numbering of an empty row.
export const PLACEHOLDER = /指标[\dLlI一二三四五六七八九十]{1,2}(?:[:：]|(?=指标))/y;
const ELLIPSIS = /(?:…{1,}|\.{3,}|。{3,})/y;
export const ROW_MARK = /指标[\d一二三四五六七八九十]{1,2}[:：]/g;

/** Ranges of [from, to) without empty template rows and ellipses; turns `社会效益 指标1:` into a level label. */
export function splitJunk(
  s: Stream,
  from: number,
  to: number,
  levelTerms: ReadonlySet<string>,
  fragments: Fragments,
  ctxs: Ctx[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const key = s.key;
  let start = from;
  let p = from;
  while (p < to) {
    PLACEHOLDER.lastIndex = p;
    ELLIPSIS.lastIndex = p;
    const m = PLACEHOLDER.exec(key);
    let junkEnd = -1;
    if (m && m.index === p) {
      const after = p + m[0].length;
      PLACEHOLDER.lastIndex = after;
      ELLIPSIS.lastIndex = after;
      const next = PLACEHOLDER.exec(key);
      const ell = ELLIPSIS.exec(key);
      // An empty template row: nothing but the next placeholder, an ellipsis or the end follows.
      if (after >= to || (next && next.index === after) || (ell && ell.index === after)) junkEnd = after;
    } else {
      const e = ELLIPSIS.exec(key);
      if (e && e.index === p) junkEnd = p + e[0].length;
    }
    if (junkEnd > p) {
      if (p > start) out.push([start, p]);
      start = Math.min(junkEnd, to);
      p = start;
      continue;
    }
    p++;
  }
  if (to > start) out.push([start, to]);
  // `社会效益 指标1:…`: a level label the layout wrapped short, right before a row's 指标N: prefix.
  const fixed: Array<[number, number]> = [];
  for (let [a, b] of out) {
    a = trimLeading(key, a, b, fragments);
    ROW_MARK.lastIndex = 0;
    const text = key.slice(a, b);
    const m = ROW_MARK.exec(text);
    if (m && m.index >= 2 && m.index <= 10) {
      const head = text.slice(0, m.index);
      const term = [...levelTerms].find((t) => t.startsWith(head) && t !== head);
      if (term) {
        const prev = ctxs[ctxs.length - 1]!;
        // The rest of the label may follow later in the same text (`服务对象满 … 意度指标`).
        const rest = term.slice(head.length);
        const printed =
          rest.length >= 3 && text.includes(rest, m.index + m[0].length)
            ? term
            : textOf(s, a, a + m.index).replace(/\s+/g, '');
        ctxs.push({ ...prev, l2: printed, l2Key: term });
        a += m.index;
      }
    }
    [a, b] = trimFragments(s, a, b, fragments);
    if (b > a) fixed.push([a, b]);
  }
  return fixed;
}

/** Pieces of headings a layout tore apart (`实际` of 实际完成值, `意度指标` of 服务对象满意度指标). */
export type Fragments = { prefixes: Set<string>; suffixes: Set<string> };

export function fragmentsOf(terms: Iterable<string>): Fragments {
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  for (const t of terms) {
    for (let k = 2; k < t.length; k++) {
      prefixes.add(t.slice(0, k));
      suffixes.add(t.slice(t.length - k));
    }
  }
  return { prefixes, suffixes };
}

/**
 * A heading's tail before a word the reader knows (`年度` of 年度指标值 before `社会效益`). Not
 * before `指标1:`: a label cut short there is the row's level label (`服务对象满 指标1:`).
 */
function trimLeading(key: string, a: number, b: number, f: Fragments): number {
  for (let k = Math.min(6, b - a - 1); k >= 2; k--) {
    if (f.prefixes.has(key.slice(a, a + k)) && !f.prefixes.has(key.slice(a, a + k + 1))) {
      const next = key.slice(a + k, a + k + 8);
      if (!/^指标\d/.test(next) && [...f.prefixes].some((p) => p.length >= 3 && next.startsWith(p)))
        return a + k;
    }
  }
  return a;
}

/** [a, b) without heading fragments at its ends: a whole fragment, or a leading / trailing one. */
function trimFragments(s: Stream, a: number, b: number, f: Fragments): [number, number] {
  const key = s.key;
  const whole = key.slice(a, b).replace(/^[(（]\d+分?[)）]?$|^[(（]?\d+分[)）]?$/, '');
  if (whole === '' || f.prefixes.has(whole) || f.suffixes.has(whole)) return [a, a];
  a = trimLeading(key, a, b, f);
  const tail = /[(（]\d+分?$|[(（]\d+分?([\u4e00-\u9fff]{2,8})[)）]?$|[)）]$/.exec(key.slice(a, b));
  if (tail && (tail[1] === undefined || f.suffixes.has(tail[1]))) b = a + tail.index;
  // A heading's first words after the last cell, set apart by a space (a label cut by the end of the text).
  for (let k = Math.min(8, b - a - 1); k >= 3; k--) {
    if (s.bound[b - k]! >= 1 && f.prefixes.has(key.slice(b - k, b))) {
      b -= k;
      break;
    }
  }
  return [a, b];
}

export function levelTermSet(level1: readonly string[], level2: Record<string, string[]>): Set<string> {
  return new Set([...level1, ...Object.values(level2).flat()].map(keyText));
}
