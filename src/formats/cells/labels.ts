import type { Vocabulary } from '../../core/template/schema.ts';
import { keyText } from './normalize.ts';
import { LINE, SPACE, type Stream } from './stream.ts';

// Where the vocabulary's labels are in a stream. A label is found in the key (whitespace gone, so
// `绩 效 指 标` and a label wrapped over two lines match), longest term first. Text that came
// through OCR (`项Fl资金（万兀）`, `年初预匏数`) matches a term with one character wrong, at lower
// confidence, only where no exact label was found.

export type Role =
  | 'title'
  | `header.${string}`
  | 'fundsBlock'
  | `fundsCol.${string}`
  | `fundsRow.${string}`
  | 'goals'
  | 'goalsExpected'
  | 'goalsActual'
  | 'indicatorSection'
  | `indCol.${string}`
  | 'level1'
  | 'level2'
  | 'totals'
  | 'tail';

export type LabelHit = {
  role: Role;
  /** the vocabulary term (its key) */
  term: string;
  /** key range */
  from: number;
  to: number;
  /** starts and ends at a separator (or a colon / bracket after it) */
  aligned: boolean;
  /** 1 exact; lower for an OCR-tolerant match */
  confidence: number;
};

type Node = { next: Map<string, Node>; roles: Role[]; term?: string };

export class LabelIndex {
  private readonly root: Node = { next: new Map(), roles: [] };
  /** terms of at least 4 characters, for the OCR-tolerant pass, by length */
  private readonly long = new Map<number, Array<{ term: string; roles: Role[] }>>();
  /** the same, by length and first character (a tolerant match keeps the first character) */
  private readonly longByFirst = new Map<number, Map<string, Array<{ term: string; roles: Role[] }>>>();
  readonly level2Parent = new Map<string, string>();
  /** level-1 key → the keys of its level-2 terms */
  readonly children = new Map<string, Set<string>>();

  constructor(v: Vocabulary) {
    const add = (terms: readonly string[] | undefined, role: Role) => {
      for (const t of terms ?? []) this.add(keyText(t), role);
    };
    add(v.titles, 'title');
    for (const [k, terms] of Object.entries(v.header)) add(terms, `header.${k}`);
    add(v.fundsBlock, 'fundsBlock');
    for (const [k, terms] of Object.entries(v.fundsColumns)) add(terms, `fundsCol.${k}`);
    for (const [k, terms] of Object.entries(v.fundsRows)) add(terms, `fundsRow.${k}`);
    add(v.goals, 'goals');
    add(v.goalsExpected, 'goalsExpected');
    add(v.goalsActual, 'goalsActual');
    add(v.indicatorSection, 'indicatorSection');
    for (const [k, terms] of Object.entries(v.indicatorColumns)) add(terms, `indCol.${k}`);
    add(v.level1, 'level1');
    for (const [parent, terms] of Object.entries(v.level2)) {
      add(terms, 'level2');
      for (const t of terms)
        if (!this.level2Parent.has(keyText(t))) this.level2Parent.set(keyText(t), keyText(parent));
      const set = this.children.get(keyText(parent)) ?? new Set<string>();
      for (const t of terms) set.add(keyText(t));
      this.children.set(keyText(parent), set);
    }
    add(v.totals, 'totals');
    add(v.tail, 'tail');
    for (const [len, terms] of this.long) {
      const byFirst = new Map<string, Array<{ term: string; roles: Role[] }>>();
      for (const t of terms) {
        const l = byFirst.get(t.term[0]!) ?? [];
        l.push(t);
        byFirst.set(t.term[0]!, l);
      }
      this.longByFirst.set(len, byFirst);
    }
  }

  private add(term: string, role: Role): void {
    if (!term) return;
    let n = this.root;
    for (const c of term) {
      let m = n.next.get(c);
      if (!m) {
        m = { next: new Map(), roles: [] };
        n.next.set(c, m);
      }
      n = m;
    }
    if (!n.roles.includes(role)) n.roles.push(role);
    n.term = term;
    if (term.length >= 4) {
      const list = this.long.get(term.length) ?? [];
      const e = list.find((x) => x.term === term);
      if (e) {
        if (!e.roles.includes(role)) e.roles.push(role);
      } else list.push({ term, roles: [role] });
      this.long.set(term.length, list);
    }
  }

  /** Every exact label in the stream: at each position the longest term; overlaps go to the longer. */
  find(s: Stream): LabelHit[] {
    const key = s.key;
    const found: LabelHit[] = [];
    for (let i = 0; i < key.length; i++) {
      let n: Node | undefined = this.root;
      let best: { to: number; node: Node } | null = null;
      for (let j = i; j < key.length && n; j++) {
        n = n.next.get(key[j]!);
        if (n?.term) best = { to: j + 1, node: n };
      }
      if (best) {
        for (const role of best.node.roles)
          found.push({
            role,
            term: best.node.term!,
            from: i,
            to: best.to,
            aligned: aligned(s, i, best.to),
            confidence: 1,
          });
      }
    }
    return keepLongest(found);
  }

  /**
   * Terms of ≥ 4 characters written with one character wrong, in the gaps between `hits`
   * (OCR: `年初预匏数`, `实施第位`). Only in gaps: an exact label always wins.
   */
  findTolerant(s: Stream, hits: readonly LabelHit[]): LabelHit[] {
    const taken = new Uint8Array(s.key.length + 1);
    for (const h of hits) taken.fill(1, h.from, h.to);
    const out: LabelHit[] = [];
    for (const [len, byFirst] of this.longByFirst) {
      for (let i = 0; i + len <= s.key.length; i++) {
        if (taken[i] || taken[i + len - 1]) continue;
        const terms = byFirst.get(s.key[i]!);
        if (!terms) continue;
        for (const t of terms) {
          if (oneOff(s.key, i, t.term)) {
            for (const role of t.roles)
              out.push({
                role,
                term: t.term,
                from: i,
                to: i + len,
                aligned: aligned(s, i, i + len),
                confidence: 0.5,
              });
          }
        }
      }
    }
    return keepLongest(out);
  }
}

/** Exactly one character differs, and it is not the first (OCR rarely mangles a label's head and tail both). */
function oneOff(key: string, i: number, term: string): boolean {
  let diff = 0;
  for (let k = 0; k < term.length; k++) {
    if (key[i + k] !== term[k]) {
      if (++diff > 1) return false;
      // OCR confuses one ideograph for another (`预匏`, `实施第位`); a digit or a sign there is
      // another word (`完成4指标` is not 成本指标).
      if (!/[\u4e00-\u9fff]/.test(key[i + k]!)) return false;
    }
  }
  return diff === 1 && key[i] === term[0];
}

const OPENERS = new Set([':', '(', '（', '[', '【']);

function aligned(s: Stream, from: number, to: number): boolean {
  const before = from === 0 || s.bound[from]! >= SPACE || /[:)）\]】]/.test(s.key[from - 1]!);
  const after = to >= s.key.length || s.bound[to]! >= SPACE || OPENERS.has(s.key[to]!);
  return before && after;
}

/**
 * Leftmost-longest, as a reader reads: `预期目标实际完成情况` is 预期目标 + 实际完成情况, not 预期 +
 * 目标实际完成情况. Hits of one span with several roles are all kept (the zones choose).
 */
function keepLongest(hits: LabelHit[]): LabelHit[] {
  const sorted = [...hits].sort((a, b) => a.from - b.from || b.to - a.to);
  const taken: LabelHit[] = [];
  let end = -1;
  let last: LabelHit | null = null;
  for (const h of sorted) {
    if (last && h.from === last.from && h.to === last.to) {
      taken.push(h);
      continue;
    }
    if (h.from < end) continue;
    taken.push(h);
    last = h;
    end = h.to;
  }
  return taken;
}

/** A label broken across a line (`LINE`) in text laid out one cell per line is still one label. */
export const MAX_INNER_BOUND = LINE;
