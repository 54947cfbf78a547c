import { CharSet } from './text.ts';
import type { Comparator } from './value.ts';

// Comparator words and signs, rules.md §3 table. Prefixes stand before the number (`不少于180篇`),
// suffixes after the unit (`20家以上`, `5%以下`); `控制在150万元以内` uses both. Input is folded
// first (text.ts), so `＞＝` arrives as `>=`.

const PREFIX: Array<[string, Comparator]> = [
  ...words(
    '>=',
    '≥ >= ≧ ⩾ => 不少于 不低于 不小于 不得少于 不得低于 至少 最少 最低 达到 达 大于等于 大于或等于 高于等于',
  ),
  ...words('>', '> 超过 高于 大于 多于 超出 超 逾'),
  ...words(
    '<=',
    '≤ <= ≦ ⩽ =< 不超过 不高于 不大于 不多于 不得超过 不得高于 小于等于 小于或等于 低于等于 至多 最多 最高 控制在',
  ),
  ...words('<', '< 低于 小于 少于 不足'),
  ...words('=', '= 等于'),
];

const SUFFIX: Array<[string, Comparator]> = [
  ...words('>=', '以上 及以上 或以上 以上（含） 以上(含)'),
  ...words('<=', '以下 及以下 或以下 以内 之内 内 以下（含） 以下(含)'),
];

function words(c: Comparator, list: string): Array<[string, Comparator]> {
  return list.split(' ').map((w) => [w, c]);
}

type Match = { comparator: Comparator; word: string; start: number; end: number };

// Keyed by char code: looking up `s[i]` would allocate a one-character string per call.
function index(list: Array<[string, Comparator]>, key: (w: string) => number) {
  const m = new Map<number, Array<[string, Comparator]>>();
  for (const e of list) {
    const k = key(e[0]);
    const l = m.get(k) ?? [];
    l.push(e);
    m.set(k, l);
  }
  for (const l of m.values()) l.sort((a, b) => b[0].length - a[0].length);
  return m;
}

const prefixByFirst = index(PREFIX, (w) => w.charCodeAt(0));
const prefixByLast = index(PREFIX, (w) => w.charCodeAt(w.length - 1));
const suffixByFirst = index(SUFFIX, (w) => w.charCodeAt(0));
// Most positions start or end no comparator word: a bit test rules them out before a map lookup.
const PREFIX_FIRST = new CharSet(PREFIX.map(([w]) => w[0]!));
const PREFIX_LAST = new CharSet(PREFIX.map(([w]) => w[w.length - 1]!));
const SUFFIX_FIRST = new CharSet(SUFFIX.map(([w]) => w[0]!));

/** Can a comparator prefix start with this code? */
export const startsPrefixCode = (c: number): boolean => PREFIX_FIRST.has(c);

// `达` and `超` are also the second half of ordinary verbs: `下达100%` is "issued 100%", not "≥ 100%".
const NOT_BEFORE_DA = new Set(['下', '到', '送', '抵', '传', '表', '发', '转', '通', '直']);

function guarded(word: string, s: string, start: number): boolean {
  if (word === '达' && start > 0 && NOT_BEFORE_DA.has(s[start - 1]!)) return false;
  if (word === '超' && s[start + 1] === '额') return false;
  return true;
}

/** The longest comparator prefix written at `i`, or null. */
export function matchPrefix(s: string, i: number): Match | null {
  const c = s.charCodeAt(i);
  if (!PREFIX_FIRST.has(c)) return null;
  const list = prefixByFirst.get(c);
  if (!list) return null;
  for (const [w, c] of list) {
    if (s.startsWith(w, i) && guarded(w, s, i))
      return { comparator: c, word: w, start: i, end: i + w.length };
  }
  return null;
}

/** The longest comparator prefix that ends just before `i` (used when scanning prose backwards). */
export function matchPrefixBefore(s: string, i: number): Match | null {
  if (i === 0) return null;
  const c = s.charCodeAt(i - 1);
  if (!PREFIX_LAST.has(c)) return null;
  const list = prefixByLast.get(c);
  if (!list) return null;
  for (const [w, c] of list) {
    const start = i - w.length;
    if (start >= 0 && s.startsWith(w, start) && guarded(w, s, start)) {
      return { comparator: c, word: w, start, end: i };
    }
  }
  return null;
}

/** The longest comparator suffix written at `i` (`以上`, `以内`), or null. */
export function matchSuffix(s: string, i: number): Match | null {
  const c = s.charCodeAt(i);
  if (!SUFFIX_FIRST.has(c)) return null;
  const list = suffixByFirst.get(c);
  if (!list) return null;
  for (const [w, c] of list) {
    if (s.startsWith(w, i)) return { comparator: c, word: w, start: i, end: i + w.length };
  }
  return null;
}

/** Reads a whole string as one comparator word or sign (`不少于` → '>='); null if it is not one. */
export function parseComparator(text: string): Comparator | null {
  const t = text.trim();
  const p = matchPrefix(t, 0);
  if (p && p.end === t.length) return p.comparator;
  const q = matchSuffix(t, 0);
  return q && q.end === t.length ? q.comparator : null;
}

const DIRECTION: Record<Comparator, number> = { '>=': 1, '>': 1, '<=': -1, '<': -1, '=': 0 };

/**
 * Combines a prefix and a suffix comparator. Same direction: the prefix wins (`不少于20家以上`).
 * Opposite directions (`超过5%以下`) are contradictory and the caller reports them.
 */
export function combine(a: Comparator | null, b: Comparator | null): Comparator | null | 'conflict' {
  if (a === null) return b;
  if (b === null) return a;
  return DIRECTION[a] === DIRECTION[b] ? a : 'conflict';
}

/** The sign used in notation and display: `≥`, `>`, `≤`, `<`, `=`. */
export const COMPARATOR_SIGN: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
};
