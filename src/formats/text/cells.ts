// Cells of one line and the numbers in them.

export type Cells = {
  cells: string[];
  /** true when the separators were unambiguous (`|` or tab): empty cells are real blank cells. */
  explicit: boolean;
};

const PIPE_RULE = /^\|?[\s:|-]+\|?$/;
const TABS = /\t/;

/** Exactly the characters of the regex class `\s` (and of String.prototype.trim). */
export function isRegexSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `t.split(/\s+/)` for a trimmed, non-empty `t`, without the regex machinery (every table line). */
function splitSpaces(t: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    if (!isRegexSpace(t.charCodeAt(i))) continue;
    if (i > start) out.push(t.slice(start, i));
    start = i + 1;
  }
  out.push(t.slice(start));
  return out;
}

/** `| a | b |` (markdown-like), `a<TAB>b`, or `a b` (pdftotext flattens table rows to spaces). */
export function splitCells(line: string): Cells {
  // One scan decides the separator (this runs on every table line).
  let pipe = false;
  let tab = false;
  let space = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x7c) pipe = true;
    else if (c === 0x09) tab = true;
    else if (c === 0x20 || c === 0x3000 || c === 0xa0) space = true;
  }
  if (!pipe && !tab && !space) return { cells: line ? [line] : [], explicit: false };
  if (pipe) {
    const parts = line.split('|');
    if (parts.length > 0 && parts[0]!.trim() === '') parts.shift();
    if (parts.length > 0 && parts[parts.length - 1]!.trim() === '') parts.pop();
    return { cells: parts.map((p) => p.trim()), explicit: true };
  }
  if (tab) return { cells: line.split(TABS).map((p) => p.trim()), explicit: true };
  const t = line.trim();
  return { cells: t ? splitSpaces(t) : [], explicit: false };
}

/** A `|---|---|` separator row of a markdown table. */
export function isRuleRow(line: string): boolean {
  return line.includes('-') && line.includes('|') && PIPE_RULE.test(line);
}

const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/** Whether NUMBER can match: it must start with a sign or a digit (skips the regex for words). */
function mayBeNumber(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b;
}
const THOUSANDS = /,/g;
const DASHES = new Set(['-', '—', '－', '–', '/', '／', '——', '--', '―']);

/** A blank-in-print mark: `-` in a weight or score cell means the cell is absent. */
export function isDash(s: string): boolean {
  return DASHES.has(s);
}

/** `2,926.000000` → 2926, `2926万元` → 2926; null when the cell is not a plain number. */
export function parseAmount(s: string): number | null {
  let t = s.includes(',') ? s.replace(THOUSANDS, '') : s;
  t = t.replace('，', '');
  // Unit suffixes checked by the last character: most cells end in a digit.
  const last = t.charCodeAt(t.length - 1);
  if (last === 0x5143)
    t = t.slice(0, t.endsWith('万元') ? -2 : -1); // 元
  else if (last === 0x5206) t = t.slice(0, -1); // 分
  if (!isNumberToken(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** `93.51%` → 93.51 (percent as a number). */
export function parsePercent(s: string): number | null {
  if (!s.endsWith('%') && !s.endsWith('％')) return null;
  return parseAmount(s.slice(0, -1));
}

/** A weight/score cell: a plain number or a dash. */
export function isScoreToken(s: string): boolean {
  return isDash(s) || isNumberToken(s);
}

export function isNumberToken(s: string): boolean {
  return mayBeNumber(s) && NUMBER.test(s);
}

export function scoreValue(s: string): number | null {
  if (!isNumberToken(s)) return null; // also a dash
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

const COMPARATOR_ONLY = /^(?:[≥≤><=＞＜＝]|>=|<=|不少于|不低于|不高于|不超过|大于|小于|大于等于|小于等于)$/;

/** `≥ 90%` flattened to two tokens is one value: glue a lone comparator to what follows it. */
export function glueComparators(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Every comparator is at most 4 characters: longer tokens skip the regex.
    if (t.length <= 4 && COMPARATOR_ONLY.test(t) && i + 1 < tokens.length) {
      out.push(t + tokens[i + 1]!);
      i++;
    } else {
      out.push(t);
    }
  }
  return out;
}
