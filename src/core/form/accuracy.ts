import type { Form } from './schema.ts';

// Field accuracy of an import against hand-checked truth (../shared/corpus/README.md, "Truth
// conventions"): header fields, each funds cell, and per indicator — matched by name —
// level1, level2, name, target, actual, weight, score (and deviation where the truth has it).
// The truth holds only what is visible, so a key it lacks is not asked for; but a value the
// reader produced where the truth has none was invented (or read from the wrong cell), and
// counts as a wrong field. Text comparisons ignore all whitespace.

export type FieldKind =
  | 'header'
  | 'goals'
  | 'funds'
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation'
  /** a row the reader produced that the truth does not have */
  | 'extra-row';

export type FieldCheck = {
  /** path in the truth (or, for an extra, in the read form) */
  path: string;
  kind: FieldKind;
  expected: unknown;
  actual: unknown;
  equal: boolean;
  /** path of the read value, for its confidence; null when nothing was read */
  readPath: string | null;
};

type Loose = Record<string, unknown>;

export const HEADER_FIELDS = [
  'kind',
  'year',
  'title',
  'projectName',
  'competentDepartment',
  'implementingUnit',
  'projectLead',
  'phone',
  'fundsUnit',
  'totalWeight',
  'totalScore',
] as const;

const FUNDS_ROWS = ['total', 'fiscal', 'carryover', 'other'] as const;
const FUNDS_COLS = ['initialBudget', 'annualBudget', 'executed', 'weight', 'executionRate', 'score'] as const;
const ROW_FIELDS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const;

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A value that says something: not absent, null or blank text. */
export function present(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return squash(v) !== '';
  return true;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return squash(a) === squash(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

function check(
  out: FieldCheck[],
  kind: FieldKind,
  path: string,
  truth: Loose | null | undefined,
  read: Loose | null | undefined,
  key: string,
  readPath: string,
): void {
  const expected = truth?.[key];
  const actual = read?.[key];
  if (truth && key in truth) {
    out.push({
      path,
      kind,
      expected,
      actual,
      equal: same(expected, actual),
      readPath: present(actual) ? readPath : null,
    });
  } else if (present(actual)) {
    out.push({ path, kind, expected: undefined, actual, equal: false, readPath });
  }
}

export function fieldAccuracy(truth: Loose, read: Form): FieldCheck[] {
  const out: FieldCheck[] = [];
  const r = read as unknown as Loose;
  for (const k of HEADER_FIELDS) check(out, 'header', k, truth, r, k, k);
  const tg = truth.goals as Loose | undefined;
  for (const k of ['expected', 'actual'])
    check(out, 'goals', `goals.${k}`, tg ?? {}, read.goals as Loose, k, `goals.${k}`);
  const tf = (truth.funds ?? {}) as Loose;
  for (const row of FUNDS_ROWS) {
    const t = tf[row] as Loose | null | undefined;
    const a = read.funds[row] as Loose | null;
    if (row in tf && t === null) {
      const filled = a !== null && FUNDS_COLS.some((c) => present(a[c]));
      out.push({
        path: `funds.${row}`,
        kind: 'funds',
        expected: null,
        actual: filled ? a : null,
        equal: !filled,
        readPath: filled ? `funds.${row}` : null,
      });
      continue;
    }
    for (const c of FUNDS_COLS) check(out, 'funds', `funds.${row}.${c}`, t ?? {}, a, c, `funds.${row}.${c}`);
  }
  const truthRows = (Array.isArray(truth.indicators) ? truth.indicators : []) as Loose[];
  const pairs = matchRows(truthRows, read.indicators as unknown as Loose[]);
  const used = new Set<number>();
  truthRows.forEach((t, i) => {
    const j = pairs.get(i);
    if (j !== undefined) used.add(j);
    const a = j === undefined ? null : (read.indicators[j] as unknown as Loose);
    for (const f of ROW_FIELDS) {
      if (a === null) {
        if (f in t)
          out.push({
            path: `indicators[${i}].${f}`,
            kind: f,
            expected: t[f],
            actual: undefined,
            equal: false,
            readPath: null,
          });
      } else check(out, f, `indicators[${i}].${f}`, t, a, f, `indicators[${j}].${f}`);
    }
  });
  read.indicators.forEach((row, j) => {
    if (!used.has(j))
      out.push({
        path: `indicators[${j}]`,
        kind: 'extra-row',
        expected: undefined,
        actual: row.name,
        equal: false,
        readPath: `indicators[${j}].name`,
      });
  });
  return out;
}

/** Truth row → read row: equal names first (in order), then the most similar remaining names. */
function matchRows(truth: readonly Loose[], read: readonly Loose[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const name = (row: Loose): string => squash(String(row.name ?? ''));
  truth.forEach((t, i) => {
    const j = read.findIndex((a, k) => !taken.has(k) && name(a) === name(t));
    if (j >= 0) {
      pairs.set(i, j);
      taken.add(j);
    }
  });
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  truth.forEach((t, i) => {
    if (pairs.has(i)) return;
    read.forEach((a, j) => {
      if (taken.has(j)) return;
      const s = similarity(name(t), name(a));
      if (s >= 0.5) candidates.push({ i, j, s });
    });
  });
  candidates.sort((x, y) => y.s - x.s);
  for (const c of candidates) {
    if (pairs.has(c.i) || taken.has(c.j)) continue;
    pairs.set(c.i, c.j);
    taken.add(c.j);
  }
  return pairs;
}

/** Dice coefficient of character bigrams (single characters for one-character names). */
export function similarity(a: string, b: string): number {
  const grams = (s: string): string[] =>
    s.length < 2 ? [s] : Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const ga = grams(a);
  const gb = grams(b);
  const pool = new Map<string, number>();
  for (const g of gb) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return ga.length + gb.length === 0 ? 1 : (2 * common) / (ga.length + gb.length);
}
