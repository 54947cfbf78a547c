// Character-level helpers shared by the grammar modules. Every helper is a single linear pass:
// the whole form is parsed thousands of times per second (bench/), and a pasted 1 MB cell must not
// stall the UI (rules.md §3: parsing never throws, so it must not hang either).

// Full-width ASCII (U+FF01–FF5E) maps 1:1 onto U+0021–007E, so folding keeps every offset, and
// narrative offsets can point into the original text. `，` is kept: it separates milestones and
// clauses, and reading it as a thousands separator would glue `支出50，2021年…` into one number.
const FOLD_TEST_RE = /[\uFF01-\uFF0B\uFF0D-\uFF5E\u3000\u2212]/;
const CHUNK = 8192;

/** Folds full-width digits, letters and signs to ASCII (`１８０％` → `180%`); same length. */
export function fold(s: string): string {
  if (!FOLD_TEST_RE.test(s)) return s;
  // One pass over char codes: a regex replace with a callback costs a call per full-width char.
  const n = s.length;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    codes[i] =
      c >= 0xff01 && c <= 0xff5e && c !== 0xff0c ? c - 0xfee0 : c === 0x3000 ? 32 : c === 0x2212 ? 45 : c;
  }
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
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

const TRAILING_PUNCT = new Set(['。', '.', '，', ',', '；', ';', '！', '!', '？', '?', '、', ' ']);

/** Drops sentence punctuation a cell ends with (`185篇。`): it never changes a value's meaning. */
export function stripTrailingPunct(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCT.has(s[end - 1]!)) end--;
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
