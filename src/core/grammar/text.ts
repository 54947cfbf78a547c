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
    const d = foldCode(c);
    if (d !== c) {
      out += s.slice(from, i) + String.fromCharCode(d);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c === 0xff0c ? c : c - 0xfee0;
  if (c === 0x3000) return 32;
  if (c === 0x2212) return 45;
  return c;
}

/** A cell folded by `fold`, with what classifying it asks about its characters. */
export type FoldedCell = {
  text: string;
  /** CJK ideographs and ASCII digits (after folding). */
  cjk: number;
  digits: number;
  /** any whitespace (`/\s/`): only then does `compact` have work to do. */
  hasSpace: boolean;
};

/**
 * `fold`, counting ideographs and digits and noting whitespace in the same pass: a cell would
 * otherwise be scanned once per question, and prose cells hold most of a form's characters.
 */
export function foldCell(s: string): FoldedCell {
  let out = '';
  let from = 0;
  let cjk = 0;
  let digits = 0;
  let hasSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // One table load answers every question about most characters (ideographs, plain ASCII).
    const k = CELL_CLASS[c]!;
    if (k === CJK) cjk++;
    else if (k !== 0) {
      if ((k & FOLDS) !== 0) {
        out += s.slice(from, i) + String.fromCharCode(foldCode(c));
        from = i + 1;
      }
      if ((k & DIGIT) !== 0) digits++;
      else if ((k & WHITE) !== 0) hasSpace = true;
    }
  }
  return { text: from === 0 ? s : out + s.slice(from), cjk, digits, hasSpace };
}

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A set of UTF-16 codes as a bitmap (8 KB): the grammar asks "is this character one of …" at
 * nearly every position it scans, and a bit test costs a fraction of a hash lookup.
 */
export class CharSet {
  private readonly bits = new Uint8Array(0x2000);

  constructor(chars: Iterable<string>) {
    for (const ch of chars) {
      const c = ch.charCodeAt(0);
      // NUL is left out so that NaN (charCodeAt past the end), which reads as bit 0, is in no set.
      if (c !== 0) this.bits[c >>> 3]! |= 1 << (c & 7);
    }
  }

  /** `c` from charCodeAt (NaN past the end: not in the set). */
  has(c: number): boolean {
    return (this.bits[c >>> 3]! & (1 << (c & 7))) !== 0;
  }
}

/** The first characters of `words`, for ruling most positions out before any startsWith. */
export const firstChars = (words: readonly string[]): CharSet => new CharSet(words.map((w) => w[0]!));

export const isLatinCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** CJK unified ideographs (basic block and extension A). */
export const isCjkCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

const HAS_SPACE_RE = /\s/;

/** Whitespace as `/\s/` and `String.prototype.trim` see it. */
export const isSpaceCode = (c: number): boolean => SPACE.has(c);
/** The characters `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
const SPACE_CHARS =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a' +
  '\u2028\u2029\u202f\u205f\u3000\ufeff';
const SPACE = new CharSet(SPACE_CHARS);

// What `foldCell` asks about a UTF-16 code, as bits of one byte: whether it folds, and whether
// its folded form is an ideograph, a digit or whitespace. 64 KB, built once.
const FOLDS = 1;
const CJK = 2;
const DIGIT = 4;
const WHITE = 8;
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
const CELL_CLASS = cellClasses();

function cellClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  t.fill(CJK, 0x3400, 0x4dc0);
  t.fill(CJK, 0x4e00, 0xa000);
  t.fill(DIGIT, 0x30, 0x3a);
  for (const ch of SPACE_CHARS) t[ch.charCodeAt(0)] = WHITE;
  // The codes `foldCode` changes (full-width forms, U+3000, U+2212), classed by what they become.
  for (const c of [...range(0xff01, 0xff5f), 0x3000, 0x2212]) {
    const d = foldCode(c);
    if (d !== c) t[c] = FOLDS | t[d]!;
  }
  return t;
}

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
const TRAILING_PUNCT = new CharSet('。.，,；;！!？?、 ');

/** Drops sentence punctuation a cell ends with (`185篇。`): it never changes a value's meaning. */
export function stripTrailingPunct(s: string): string {
  let end = s.length;
  while (end > 0 && TRAILING_PUNCT.has(s.charCodeAt(end - 1))) end--;
  // `5.` keeps its digit; a lone run of dots is a placeholder, left to the caller.
  return end === 0 ? s : s.slice(0, end);
}

/** Shortens text quoted in a reason so messages stay one line. */
export function clip(s: string, max = 30): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
