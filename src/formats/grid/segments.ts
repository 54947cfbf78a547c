// Where each form sits in a grid (a sheet may stack several forms, each from its title row) and
// where its parts begin — found by content, never by fixed coordinates.

import { CORE_COLUMNS, indicatorColumn, isTotalLabel } from './indicator-labels.ts';
import { type FundsCol, fundsColumn, headerLabel, isGoalsLabel, isTitle, yearIn } from './labels.ts';
import type { GridView } from './view.ts';

export type Segment = { start: number; end: number };

export type Sections = {
  title: number | null;
  fundsHeader: number | null;
  goals: number | null;
  indicatorHeader: number | null;
  total: number | null;
};

export function isTitleRow(view: GridView, r: number): boolean {
  const keys = view.distinctKeys(r);
  return keys.length === 1 && isTitle(keys[0]!);
}

/** The 项目名称 label opens its row (user text that mentions it further right is not an anchor). */
function isProjectNameRow(view: GridView, r: number): boolean {
  const first = view.filled(r)[0];
  return first !== undefined && headerLabel(view.key(r, first), view.text(r, first))?.key === 'projectName';
}

/** A row that may sit between forms and above a title-less header: blank, a year line, a unit or 附件 mark. */
function isPreamble(view: GridView, r: number): boolean {
  const keys = view.distinctKeys(r);
  if (keys.length === 0) return true;
  return keys.length === 1 && (yearIn(keys[0]!) !== null || /^附件|单位[:：]/.test(keys[0]!));
}

/** Each form is anchored by its 项目名称 row; it begins at the title above it, if there is one. */
export function findSegments(view: GridView): Segment[] {
  const anchors: number[] = [];
  const titles: number[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    if (isTitleRow(view, r)) titles.push(r);
    else if (isProjectNameRow(view, r)) anchors.push(r);
  }
  let starts: number[];
  if (anchors.length === 0) {
    starts = titles.length > 0 ? titles : [0];
  } else {
    starts = anchors.map((a, i) => {
      const floor = i === 0 ? -1 : anchors[i - 1]!;
      const title = titles.filter((t) => t > floor && t < a).pop();
      if (title !== undefined) return title;
      if (i === 0) return 0;
      let s = a;
      while (s - 1 > floor && isPreamble(view, s - 1)) s--;
      return s;
    });
    // A title with no 项目名称 under it (a form whose header rows are missing) is still a form.
    for (const t of titles) {
      if (starts.includes(t)) continue;
      const next = starts.find((x) => x > t) ?? view.rowCount;
      if (!anchors.some((a) => a > t && a < next)) starts.push(t);
    }
    starts.sort((a, b) => a - b);
  }
  return starts.map((s, i) => ({ start: s, end: i + 1 < starts.length ? starts[i + 1]! : view.rowCount }));
}

export function fundsHeaderColumns(view: GridView, r: number): Map<number, FundsCol> | null {
  const cols = new Map<number, FundsCol>();
  const taken = new Set<string>();
  for (const c of view.filled(r)) {
    const col = fundsColumn(view.key(r, c));
    if (col && !taken.has(col)) {
      taken.add(col);
      cols.set(c, col);
    }
  }
  // Budget columns are what tell this header from the indicator table's (which also has 分值/得分).
  const budget = [...cols.values()].filter(
    (v) => v === 'initialBudget' || v === 'annualBudget' || v === 'executed',
  );
  return cols.size >= 3 && budget.length >= 1 ? cols : null;
}

export function indicatorHitCount(view: GridView, r: number): number {
  const hits = new Set<string>();
  for (const c of view.filled(r)) {
    const col = indicatorColumn(view.key(r, c));
    if (col && CORE_COLUMNS.has(col)) hits.add(col);
  }
  return hits.size;
}

export function isIndicatorHeader(view: GridView, r: number): boolean {
  return indicatorHitCount(view, r) >= 4;
}

/** The column of 二级指标 (or the header's leftmost term): labels that end the table stand left of it. */
export function levelColumn(view: GridView, header: number): number {
  let first = Number.POSITIVE_INFINITY;
  for (const c of view.filled(header)) {
    const col = indicatorColumn(view.key(header, c));
    if (col === 'level2') return c;
    if (col) first = Math.min(first, c);
  }
  return Number.isFinite(first) ? first : 0;
}

export function locateSections(view: GridView, seg: Segment): Sections {
  const s: Sections = { title: null, fundsHeader: null, goals: null, indicatorHeader: null, total: null };
  let levelCol = 0;
  for (let r = seg.start; r < seg.end; r++) {
    if (s.title === null && s.fundsHeader === null && isTitleRow(view, r)) s.title = r;
    if (s.indicatorHeader === null) {
      if (isIndicatorHeader(view, r)) {
        s.indicatorHeader = r;
        levelCol = levelColumn(view, r);
        continue;
      }
      if (s.fundsHeader === null && fundsHeaderColumns(view, r)) s.fundsHeader = r;
      if (s.goals === null && view.filled(r).some((c) => isGoalsLabel(view.key(r, c)))) s.goals = r;
    } else if (s.total === null) {
      // 总分 opens its row at the level columns; a name like `总分提升率` further right is an indicator.
      const first = view.filled(r)[0];
      if (first !== undefined && first <= levelCol && isTotalLabel(view.key(r, first))) s.total = r;
    }
  }
  return s;
}
