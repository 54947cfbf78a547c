import type { Seg } from './rows.ts';
import { LINE, NONE, SPACE, type Stream } from './stream.ts';
import { VALUE_WORDS } from './values.ts';

// Where a cell of the indicator table may end. Every separator is a candidate; where cells run
// together (`更新剧团老化、损坏的音50件50件2020`), so is every place the value grammar changes
// character class (a figure after words, words after a unit, a `%`, a comparator), both ends of a
// text written twice in a row (target and actual alike: `合格合格`), the ends of a qualitative
// word (`无`, `高`) and every place inside a run of digits (`2020` is weight 20, score 20). Each
// carries a cost: the weaker the evidence for a cut, the more it costs.

export type Cut = {
  pos: number;
  seg: number;
  /** the end of a piece of text (a label or the zone's end follows) */
  segEnd: boolean;
  cost: number;
  bound: number;
  ctx: number;
  /** the piece starts right after a level-1/level-2 label */
  afterLevel: boolean;
  process: boolean;
};

const DIGIT = /[0-9]/;
const COMPARATOR = /[≥≤=<>]/;
const MARK = /[-—–/一]/;
const MAX_REPEAT = 40;

export function candidateCuts(s: Stream, segs: readonly Seg[], cellBound: number): Cut[] {
  const out: Cut[] = [];
  segs.forEach((seg, si) => {
    const costs = new Map<number, number>();
    // Where the text separates its cells, a cut with no separator is three times less likely.
    const scale = cellBound >= SPACE ? 3 : 1;
    const add = (p: number, cost: number) => {
      if (p <= seg.from || p >= seg.to) return;
      if (s.bound[p]! === NONE) cost *= scale;
      const prev = costs.get(p);
      if (prev === undefined || cost > prev) costs.set(p, cost);
    };
    const key = s.key;
    for (let p = seg.from + 1; p < seg.to; p++) {
      const b = s.bound[p]!;
      if (b >= SPACE) {
        // Where cells run together, a space or a line break is a wrapped line, not a cell's end.
        if (cellBound === NONE) add(p, b >= LINE ? -0.5 : -0.8);
        else add(p, b >= cellBound ? 0 : b >= LINE ? -0.2 : -0.3);
        continue;
      }
      const a = key[p - 1]!;
      const c = key[p]!;
      const da = DIGIT.test(a);
      const dc = DIGIT.test(c);
      // Inside a run of digits: figures run together only where the text separates nothing.
      if (da && dc) add(p, -2);
      else if (da !== dc) {
        const other = da ? c : a;
        if (other !== '.' && other !== ',') add(p, -0.6);
      }
      if (a === '%') add(p, -0.3);
      if (COMPARATOR.test(c) && !COMPARATOR.test(a)) add(p, -0.4);
      if (MARK.test(c) && !MARK.test(a)) add(p, -0.6);
      if (MARK.test(a) && !MARK.test(c)) add(p, -0.6);
    }
    for (const w of VALUE_WORDS) {
      for (let p = key.indexOf(w, seg.from); p >= 0 && p + w.length <= seg.to; p = key.indexOf(w, p + 1)) {
        add(p, -1);
        add(p + w.length, -1);
      }
    }
    // `建立已建立`, `完成已完成`: an actual that restates its target as done.
    for (let i = seg.from; i < seg.to; i++) {
      if (key[i] !== '已') continue;
      for (let L = 1; L <= 8 && i - L >= seg.from && i + 1 + L <= seg.to; L++) {
        if (key.slice(i - L, i) === key.slice(i + 1, i + 1 + L)) {
          add(i - L, -0.6);
          add(i, -0.6);
          add(i + 1 + L, -0.6);
        }
      }
    }
    // Text written twice in a row: target and actual alike (the first may carry a comparator).
    for (let i = seg.from; i < seg.to; i++) {
      for (let L = 1; L <= MAX_REPEAT && i + 2 * L <= seg.to; L++) {
        if (key.charCodeAt(i) !== key.charCodeAt(i + L)) continue;
        if (key.slice(i, i + L) !== key.slice(i + L, i + 2 * L)) continue;
        // A single repeated ideograph inside a word (`看看`) is rare in a form; a value is short.
        if (L === 1 && DIGIT.test(key[i]!)) continue;
        add(i, -0.6);
        add(i + L, -0.6);
        add(i + 2 * L, -0.6);
      }
    }
    // `指标1:` is the template's numbering of a row: a row starts before it, never inside it.
    for (const m of key.slice(seg.from, seg.to).matchAll(/指标[\d一二三四五六七八九十]{1,2}[:：]/g)) {
      const at = seg.from + m.index!;
      for (let p = at + 1; p < at + m[0].length; p++) costs.delete(p);
      add(at, 0);
    }
    const process = seg.process ?? false;
    const base = { seg: si, ctx: seg.ctx, process };
    out.push({ ...base, pos: seg.from, segEnd: false, cost: 0, bound: 3, afterLevel: seg.afterLevel });
    for (const p of [...costs.keys()].sort((x, y) => x - y))
      out.push({
        ...base,
        pos: p,
        segEnd: false,
        cost: costs.get(p)!,
        bound: s.bound[p]! || NONE,
        afterLevel: false,
      });
    out.push({ ...base, pos: seg.to, segEnd: true, cost: 0, bound: 3, afterLevel: false });
  });
  return out;
}
