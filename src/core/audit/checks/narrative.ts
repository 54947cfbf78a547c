import { extractQuantities } from '../../grammar/extract.ts';
import { isSpaceCode } from '../../grammar/text.ts';
import type { QuotedNumber } from '../../grammar/value.ts';
import {
  collectFacts,
  type Fact,
  fieldOf,
  overlap,
  quotedEnd,
  rowNameGrams,
  saidOf,
  sameCell,
  subjectGrams,
  unitKey,
  wideGrams,
  writtenOf,
} from '../facts.ts';
import { GramIndex } from '../gram-index.ts';
import { type Check, type Finding, rowField } from '../types.ts';

/**
 * Shared words (bigrams) that make two numbers "the same fact". A quoted number against an
 * indicator name needs 3 in its near context (±6 characters); two quoted numbers need 5 in their
 * wide contexts (±10 characters) — a shared noun alone (国际组织, 海外项目) is not enough, the
 * surrounding event words must agree too.
 */
const SAME_SUBJECT = 3;
const SAME_QUOTED_FACT = 5;

const describePlace = (f: Fact, names: readonly string[]): string => {
  if (f.row === null)
    return f.side === 'target' ? '年度总体目标（预期目标）' : '年度总体目标（实际完成情况）';
  return `指标“${names[f.row]}”的${f.side === 'target' ? '年度指标值' : '实际完成值'}`;
};

/** An indicator value and a quoted number state the same thing when their subjects match. */
function sameSubject(s: Fact, q: Fact): boolean {
  // A part of a breakdown (其中…) is not the indicator's figure itself.
  if (q.part) return false;
  const shared = overlap(subjectGrams(q), subjectGrams(s));
  if (shared >= SAME_SUBJECT) return true;
  // A number alone in a cell of a row about the same indicator, sharing at least one word.
  return shared >= 1 && q.lonely && overlap(rowNameGrams(q), subjectGrams(s)) >= SAME_SUBJECT;
}

/** Scratch memory for sharedPairs, reused from form to form (cleared after each use). */
const gramIndex = new GramIndex();
/** per earlier fact: bigrams shared with the current one; all zero between uses. */
let sharedCounts = new Int32Array(64);
/** the earlier facts met by the current one, in the order they were met. */
let touched = new Int32Array(64);

/**
 * Pairs of quoted numbers whose wide contexts share at least `min` bigrams, found through an
 * inverted index so that only pairs with words in common are ever counted. Pairs come in the
 * order the later fact meets the earlier one (that order decides the order of the findings).
 */
function sharedPairs(facts: readonly Fact[], min: number): Array<[Fact, Fact]> {
  const pairs: Array<[Fact, Fact]> = [];
  if (facts.length < 2) return pairs;
  const index = gramIndex;
  index.reset();
  if (sharedCounts.length < facts.length) {
    sharedCounts = new Int32Array(facts.length * 2);
    touched = new Int32Array(facts.length * 2);
  }
  const counts = sharedCounts;
  for (let i = 0; i < facts.length; i++) {
    // One lookup per bigram: count the earlier facts listed under it, then list this one (a
    // fact's bigrams are distinct, so it never meets itself).
    let met = 0;
    for (const g of wideGrams(facts[i]!)) {
      const slot = index.slot(g);
      for (let e = index.first(slot); e !== -1; e = index.next(e)) {
        const j = index.item(e);
        if (counts[j]!++ === 0) touched[met++] = j;
      }
      index.append(slot, i);
    }
    for (let t = 0; t < met; t++) {
      const j = touched[t]!;
      if (counts[j]! >= min) pairs.push([facts[j]!, facts[i]!]);
      counts[j] = 0;
    }
  }
  return pairs;
}

/** What one run of the check has reported so far. */
type Reports = { names: readonly string[]; reported: Set<string>; out: Finding[] };

/**
 * Reports two facts that state different numbers, once per pair of cells and amounts. A module
 * function, not a closure over the run: a named closure is made anew (and named) for every form.
 */
function report(r: Reports, a: Fact, b: Fact): void {
  if (sameCell(a, b) || Math.abs(a.amount - b.amount) < 1e-9) return;
  // Same string as joining the four with '|', without the array.
  const key = `${fieldOf(a)}|${fieldOf(b)}|${a.amount}|${b.amount}`;
  if (r.reported.has(key)) return;
  r.reported.add(key);
  r.out.push(conflict(a, b, r.names));
}

function conflict(a: Fact, b: Fact, names: readonly string[]): Finding {
  const rows = [a.row, b.row].filter((r): r is number => r !== null);
  const [first, second] = a.structured ? [a, b] : [b, a];
  const written = [writtenOf(first), writtenOf(second)];
  return {
    code: 'narrative.number-conflict',
    family: 'narrative',
    severity: 'warning',
    ...(rows.length > 0 ? { row: rows[0]!, rows } : {}),
    field: fieldOf(second),
    message: `同一事项数字不一致：${describePlace(first, names)}为“${saidOf(first)}”，${describePlace(second, names)}却写“${saidOf(second)}”（${written[0]} 与 ${written[1]}）。`,
    evidence: {
      first: { field: fieldOf(first), written: written[0], amount: first.amount },
      second: { field: fieldOf(second), written: written[1], amount: second.amount },
    },
  };
}

/**
 * rules.md §5 narrative, issue 2 §6(d): numbers quoted in narrative cells vs the indicator values
 * with the same unit and subject, and the same fact quoted with different numbers in two places.
 * Targets are compared with targets and actuals with actuals: a target and an actual differing is
 * what the form is for.
 */
export const quotedNumbers: Check = {
  id: 'narrative.quoted-numbers',
  family: 'narrative',
  source: 'rules.md §5 (narrative)',
  run({ form, analysed }) {
    const facts = collectFacts(analysed);
    // Only facts on the same side with the same unit can conflict: compare within those groups.
    // Groups in order of first appearance (that order decides the order of the findings).
    const groups: Fact[][] = [];
    const bySide = { target: new Map<string, Fact[]>(), actual: new Map<string, Fact[]>() };
    for (const f of facts) {
      const units = bySide[f.side];
      let g = units.get(f.unitKey);
      if (!g) {
        g = [];
        units.set(f.unitKey, g);
        groups.push(g);
      }
      g.push(f);
    }
    const r: Reports = { names: form.indicators.map((i) => i.name), reported: new Set(), out: [] };
    for (const group of groups) {
      if (group.length < 2) continue;
      const quoted = group.filter((f) => !f.structured);
      // A unit has few indicator rows: compare each with every quoted number directly.
      for (const s of group) {
        if (!s.structured) continue;
        for (const q of quoted)
          if (!sameCell(s, q) && s.amount !== q.amount && sameSubject(s, q)) report(r, s, q);
      }
      // Two quoted numbers are the same fact when their wide contexts share enough words.
      for (const [a, b] of sharedPairs(quoted, SAME_QUOTED_FACT)) report(r, a, b);
    }
    return r.out;
  },
};

/** rules.md §5 cross-field: a breakdown (`共185篇，其中…24篇、…15篇`) vs its stated total. */
export const breakdowns: Check = {
  id: 'cross-field.breakdown',
  family: 'cross-field',
  source: 'rules.md §5 (cross-field)',
  run({ form, analysed }) {
    const out: Finding[] = [];
    const cells: Array<[string, string, readonly QuotedNumber[] | null, number | undefined]> = [
      ['goals.expected', form.goals.expected, analysed.goals.expected, undefined],
      ['goals.actual', form.goals.actual, analysed.goals.actual, undefined],
    ];
    for (const r of analysed.rows) {
      for (const side of ['target', 'actual'] as const) {
        const v = r[side];
        // Only a cell that lists a breakdown has anything to check.
        if ((v.kind !== 'narrative' && v.kind !== 'unparsed') || !v.text.includes('其中')) continue;
        cells.push([rowField(r.index, side), v.text, v.kind === 'narrative' ? v.numbers : null, r.index]);
      }
    }
    for (const [field, text, numbers, row] of cells) {
      let at = text.indexOf('其中');
      if (at < 0) continue;
      const quantities = numbers ?? extractQuantities(text);
      while (at >= 0) {
        const sentenceStart =
          Math.max(text.lastIndexOf('。', at), text.lastIndexOf('；', at), text.lastIndexOf('\n', at)) + 1;
        const tail = text.slice(at).search(/[。；;\n]/);
        const sentenceEnd = tail < 0 ? text.length : at + tail;
        const before = quantities.filter((q) => q.offset >= sentenceStart && q.offset < at);
        const parts = quantities.filter((q) => q.offset > at && q.offset < sentenceEnd);
        const total = before[before.length - 1];
        at = text.indexOf('其中', sentenceEnd);
        if (!total || parts.length < 2 || total.quantity.comparator !== null) continue;
        const totalKey = unitKey(total.quantity);
        const mixed = parts.some((p) => unitKey(p.quantity) !== totalKey);
        const sum = parts.reduce((a, p) => a + p.quantity.amount, 0);
        if (!mixed && Math.abs(sum - total.quantity.amount) < 1e-6) continue;
        const totalWritten = writtenIn(text, total);
        const partsWritten = parts.map((p) => writtenIn(text, p));
        out.push({
          code: mixed ? 'cross-field.breakdown-mixed-units' : 'cross-field.breakdown-sum',
          family: 'cross-field',
          severity: 'warning',
          ...(row === undefined ? {} : { row }),
          field,
          message: mixed
            ? `合计“${totalWritten}”的分项单位不一（${partsWritten.join('、')}），不能直接相加。`
            : `合计“${totalWritten}”与其中各分项之和 ${Math.round(sum * 100) / 100}${total.quantity.unitText} 不符（${partsWritten.join(' + ')}）。`,
          evidence: { total: totalWritten, parts: partsWritten, sum },
        });
      }
    }
    return out;
  },
};

/** A quoted number as written in its cell, up to the end of its unit. */
function writtenIn(text: string, q: QuotedNumber): string {
  return text.slice(q.offset, quotedEnd(text, q.offset, q.quantity));
}

const SHORTFALL = /滞后|延迟|推迟|延期|未按期|未能|未完成|未达到|未达成|尚未|没有完成|不足|偏低|差距/;

/** rules.md §5 narrative: the text names a shortfall while the row is self-scored as fully met. */
export const shortfallAtFullMarks: Check = {
  id: 'narrative.shortfall-at-full-marks',
  family: 'narrative',
  source: 'rules.md §5 (narrative)',
  run({ form }) {
    const out: Finding[] = [];
    for (const [i, ind] of form.indicators.entries()) {
      if (ind.score === null || ind.weight === null || ind.score < ind.weight) continue;
      for (const field of ['deviation', 'actual'] as const) {
        const m = SHORTFALL.exec(ind[field]);
        if (!m) continue;
        out.push({
          code: 'narrative.shortfall-at-full-marks',
          family: 'narrative',
          severity: 'warning',
          row: i,
          field: rowField(i, field),
          message: `指标“${ind.name}”的${field === 'deviation' ? '偏差说明' : '实际完成值'}写有“${m[0]}”，却自评满分 ${ind.score} 分。`,
          evidence: { word: m[0], score: ind.score, weight: ind.weight },
        });
        break;
      }
    }
    return out;
  },
};

/** rules.md §5 narrative: expected and actual goals identical, or goal cells holding only numbers. */
export const goalCells: Check = {
  id: 'narrative.goals',
  family: 'narrative',
  source: 'rules.md §5 (narrative)',
  run({ form }) {
    const out: Finding[] = [];
    const { expected, actual } = form.goals;
    if (hasText(expected) && sameIgnoringSpace(expected, actual)) {
      out.push({
        code: 'narrative.goals-identical',
        family: 'narrative',
        severity: 'warning',
        field: 'goals.actual',
        message: '年度总体目标的“预期目标”与“实际完成情况”内容完全相同，未反映实际完成情况。',
        evidence: {},
      });
    }
    for (const [field, raw] of [
      ['goals.expected', expected],
      ['goals.actual', actual],
    ] as const) {
      const blank = !hasText(raw);
      if (!blank && !hasIdeographRun(raw, MIN_GOAL_WORDS)) {
        const compacted = raw.replace(/\s/g, '');
        out.push({
          code: 'narrative.goals-only-numbers',
          family: 'narrative',
          severity: 'warning',
          field,
          message: `年度总体目标的“${field === 'goals.expected' ? '预期目标' : '实际完成情况'}”只有数字“${compacted.slice(0, 30)}”，没有文字说明。`,
          evidence: { text: compacted },
        });
      }
      if (blank) {
        out.push({
          code: 'narrative.goals-blank',
          family: 'narrative',
          severity: 'warning',
          field,
          message: `年度总体目标的“${field === 'goals.expected' ? '预期目标' : '实际完成情况'}”为空。`,
          evidence: {},
        });
      }
    }
    return out;
  },
};

// The goal cells are compared and read with whitespace removed (PDF extraction breaks their lines
// anywhere). They are the longest cells of a form, so whitespace is skipped in place rather than
// removed from a copy of each.

/** A goal cell states something only with a run of this many ideographs. */
const MIN_GOAL_WORDS = 4;

/** Anything but whitespace in `s`. */
function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** `a` and `b` equal once whitespace is removed from both. */
function sameIgnoringSpace(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpaceCode(a.charCodeAt(i))) i++;
    while (j < b.length && isSpaceCode(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/** `min` ideographs (U+4E00–9FFF) in a row once whitespace is removed. */
function hasIdeographRun(s: string, min: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (++run >= min) return true;
    } else if (!isSpaceCode(c)) run = 0;
  }
  return false;
}

export const NARRATIVE_CHECKS: readonly Check[] = [
  quotedNumbers,
  breakdowns,
  shortfallAtFullMarks,
  goalCells,
];
