// Character-level helpers shared by the grammar modules. Every helper is a single linear pass:
// the whole form is parsed thousands of times per second (bench/), and a pasted 1 MB cell must not
// stall the UI (rules.md §3: parsing never throws, so it must not hang either).

// Full-width ASCII (U+FF01–FF5E) maps 1:1 onto U+0021–007E, so folding keeps every offset, and
// narrative offsets can point into the original text. `，` is kept: it separates milestones and
// clauses, and reading it as a thousands separator would glue `支出50，2021年…` into one number.
/** Folds full-width digits, letters and signs to ASCII (`１８０％` → `180%`); same length. */
export function fold(s: string): string {
  // Most cells have a few full-width marks (`（`, `：`) among ideographs: copy the unchanged runs
  // as slices and append only the changed characters, rather than rebuild the whole string.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d = c;
    if (c >= 0xff01 && c <= 0xff5e) {
      if (c !== 0xff0c) d = c - 0xfee0;
    } else if (c === 0x3000) d = 32;
    else if (c === 0x2212) d = 45;
    if (d !== c) {
      out += s.slice(from, i) + String.fromCharCode(d);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

export const isLatinCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** CJK unified ideographs (basic block and extension A). */
export const isCjkCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

const HAS_SPACE_RE = /\s/;

/**
 * Removes whitespace that PDF extraction scatters inside values (`2021 年 6 月`, `≥ 90 %`). A run
 * between two ASCII digits becomes one space, so `100 2021年` does not glue into `1002021年`.
 */
export function compact(s: string): string {
  if (!HAS_SPACE_RE.test(s)) return s;
  return s.replace(SPACE_RUN_RE, keepBetweenDigits);
}

const SPACE_RUN_RE = /\s+/g;

function keepBetweenDigits(run: string, offset: number, s: string): string {
  const between =
    offset > 0 && isDigitCode(s.charCodeAt(offset - 1)) && isDigitCode(s.charCodeAt(offset + run.length));
  return between ? ' ' : '';
}

// Char codes: testing `s[end - 1]` would allocate a one-character string per test.
const TRAILING_PUNCT = new Set(Array.from('。.，,；;！!？?、 ', (c) => c.charCodeAt(0)));

/** Drops sentence punctuation a cell ends with (`185篇。`): it never changes a value's meaning. */
export function stripTrailingPunct(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCT.has(s.charCodeAt(end - 1))) end--;
  // `5.` keeps its digit; a lone run of dots is a placeholder, left to the caller.
  return end === 0 ? s : s.slice(0, end);
}

/** Counts CJK ideographs and ASCII digits in one pass. */
export function charStats(s: string): { cjk: number; digits: number } {
  let cjk = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCjkCode(c)) cjk++;
    else if (isDigitCode(c)) digits++;
  }
  return { cjk, digits };
}

/** Shortens text quoted in a reason so messages stay one line. */
export function clip(s: string, max = 30): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
