import { type DateMatch, readDate, resolveDate } from './date.ts';
import { mayStartQuantity, readQuantity } from './quantity.ts';
import { CharSet, firstChars, isDigitCode } from './text.ts';
import type { Deadline, Milestone, Quantity, Schedule } from './value.ts';

// Deadlines and schedules, rules.md §1.5: `2021年6月30日前拨付` is a deadline (date + action);
// `2021年6月30日前支出94.87%，2021年12月31日前支出100%` is a schedule of (date, action, quantity)
// milestones. One dated clause with a quantity is already a schedule: the quantity is what must be
// reached by the date, and the scorer checks it milestone by milestone.

export type DatedRead = { ok: true; value: Deadline | Schedule } | { ok: false; reason: string };

// Words before a date that keep its meaning ("by"): `于2021年…`, `截至2021年…`.
const DATE_PREFIXES = [
  '截止到',
  '截止至',
  '截至到',
  '计划于',
  '最迟于',
  '不晚于',
  '截止',
  '截至',
  '已于',
  '均于',
  '已在',
  '最迟',
  '最晚',
  '力争',
  '已',
  '于',
  '在',
  '到',
  '至',
];
// Words after a date that make it a deadline ("on or before").
const DATE_SUFFIXES = ['之前', '以前', '为止', '以内', '之内', '截止', '前', '止', '内'];

/** The amount a milestone reaches (`…前支出94.87%`); Chinese numerals are off: `一期工程` is a name. */
const MILESTONE_QUANTITY = { prefixes: true, hedges: false, nouns: true, chinese: false } as const;

/** An action is a short verb phrase (`拨付`, `完成验收`); longer text is prose, not a milestone. */
const MAX_ACTION = 24;
const HAS_DIGIT_RE = /\d/;

// By char code: `s[i]` would allocate a one-character string for every ideograph of the cell.
const CLAUSE_BREAKS = new CharSet('，；;。\n');
const COMMA = 0x2c;

/**
 * Splits at clause punctuation, leaving out empty clauses; an ASCII `,` inside `1,000` is a
 * thousands separator, not a break.
 */
function splitClauses(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const comma =
      c === COMMA &&
      !(
        isDigitCode(s.charCodeAt(i - 1)) &&
        isDigitCode(s.charCodeAt(i + 1)) &&
        isDigitCode(s.charCodeAt(i + 3))
      );
    if (comma || CLAUSE_BREAKS.has(c)) {
      if (i > start) out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

// First characters of the words: most positions start none, and one set lookup is cheaper than a
// startsWith call per word.
const PREFIX_FIRST = firstChars(DATE_PREFIXES);
const SUFFIX_FIRST = firstChars(DATE_SUFFIXES);

function skipWord(s: string, i: number, words: readonly string[], first: CharSet): number {
  if (!first.has(s.charCodeAt(i))) return i;
  for (const w of words) if (s.startsWith(w, i)) return i + w.length;
  return i;
}

/** A date that can open a milestone: with a year, a day, or an end word (`6月` alone is 6 months). */
function readMilestoneDate(s: string, i: number): DateMatch | null {
  const start = skipWord(s, i, DATE_PREFIXES, PREFIX_FIRST);
  const m = readDate(s, start);
  if (!m) return null;
  const after = skipWord(s, m.end, DATE_SUFFIXES, SUFFIX_FIRST);
  if (m.year === null && m.precision === 'month' && !m.endWord && after === m.end) return null;
  // readDate made `m` for this call alone: widen it to the prefix and suffix words in place.
  m.start = i;
  m.end = after;
  return m;
}

type Clause = { match: DateMatch; written: string; action: string; quantity: Quantity | null };

/**
 * Reads clauses of dated milestones; null when the text is not made only of them (then it is a
 * quantity, a tier or prose). Several milestones may share a clause when no punctuation separates them.
 * `first`, when not null, is the date already read at the start of the clause.
 */
function readClauses(clause: string, into: Clause[], first: DateMatch | null): boolean {
  let pos = 0;
  while (pos < clause.length) {
    const m = pos === 0 && first !== null ? first : readMilestoneDate(clause, pos);
    if (!m) return false;
    const actionStart = m.end;
    let j = actionStart;
    let quantity: Quantity | null = null;
    let end = clause.length;
    for (; j < clause.length; j++) {
      if (j - actionStart > MAX_ACTION) return false;
      if (j > actionStart && isDigitCode(clause.charCodeAt(j)) && readMilestoneDate(clause, j)) {
        end = j;
        break;
      }
      // Most action characters start no quantity: the character test skips the full read.
      const q = mayStartQuantity(clause.charCodeAt(j), MILESTONE_QUANTITY)
        ? readQuantity(clause, j, MILESTONE_QUANTITY)
        : null;
      if (q) {
        // A placeholder or an unreadable number in a milestone: not a schedule this grammar can score.
        if (q.kind !== 'quantity') return false;
        quantity = q.quantity;
        end = q.end;
        break;
      }
    }
    const action = clause.slice(actionStart, quantity ? j : end).trim();
    if (HAS_DIGIT_RE.test(action)) return false;
    into.push({ match: m, written: clause.slice(m.start, m.end), action, quantity });
    pos = end;
  }
  return true;
}

/** Reads a whole cell as a deadline or schedule; null if it is neither. */
export function readDated(s: string, year: number | undefined): DatedRead | null {
  const opening = readMilestoneDate(s, 0);
  if (!opening) return null;
  // The first clause starts where the cell does, and no date spans clause punctuation: its date is
  // the one just read, not read again.
  const parts = splitClauses(s);
  const clauses: Clause[] = [];
  for (let k = 0; k < parts.length; k++) {
    if (!readClauses(parts[k]!, clauses, k === 0 ? opening : null)) return null;
  }
  if (clauses.length === 0) return null;
  const milestones: Milestone[] = [];
  let lastYear = year;
  let firstInferred = false;
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!;
    // A later clause without a year (`…，12月底前…`) continues the year written before it.
    const r = resolveDate(c.match, c.written, lastYear);
    if (!r.ok) return r;
    if (c.match.year !== null) lastYear = c.match.year;
    if (k === 0) firstInferred = r.yearInferred;
    milestones.push({ date: r.iso, action: c.action, quantity: c.quantity });
  }
  const first = milestones[0]!;
  if (milestones.length === 1 && first.quantity === null) {
    return {
      ok: true,
      value: { kind: 'deadline', date: first.date, action: first.action, yearInferred: firstInferred },
    };
  }
  return { ok: true, value: { kind: 'schedule', milestones } };
}
