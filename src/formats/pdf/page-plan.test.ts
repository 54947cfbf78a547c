import { describe, expect, it } from 'vitest';
import { form, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { formGrid } from '../layout/form-grid.ts';
import { type Measure, PAGE, planPages } from './page-plan.ts';

// Ideographs one em wide, other characters half: close enough to Noto CJK for page breaking.
const measure: Measure = (s, _face, size) =>
  [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55), 0) * size;

function manyRows(n: number, long = -1) {
  const inds = Array.from({ length: n }, (_, i) =>
    row({
      level2: i < n / 2 ? '数量指标' : '质量指标',
      name: `指标${i}`,
      target: `≥${i}个`,
      actual: `${i}个`,
      deviation: i === long ? '很长的偏差说明。'.repeat(200) : '',
    }),
  );
  return form(inds);
}

describe('planPages', () => {
  it('puts every row on a page, in order, inside the margins', () => {
    const grid = formGrid(manyRows(80), null);
    const plan = planPages(grid, measure);
    expect(plan.pages.length).toBeGreaterThanOrEqual(3);
    const order = plan.pages.flatMap((p) => p.pieces.filter((x) => !x.repeated).map((x) => x.row));
    expect(order).toEqual(Array.from({ length: grid.rowCount }, (_, r) => r));
    for (const page of plan.pages) {
      const height = page.pieces.reduce((h, p) => h + p.height, 0);
      expect(PAGE.top + height).toBeLessThanOrEqual(PAGE.height - PAGE.bottom + 0.01);
    }
  });

  it('repeats the indicator header at the top of every continuation page', () => {
    const grid = formGrid(manyRows(80), null);
    const header = grid.repeatRows!.from;
    const plan = planPages(grid, measure);
    for (const page of plan.pages.slice(1)) {
      expect(page.pieces[0]).toMatchObject({ row: header, repeated: true });
    }
    // …and never leaves it alone at the foot of a page.
    for (const page of plan.pages) expect(page.pieces.at(-1)?.row).not.toBe(header);
  });

  it('splits a row taller than a page into parts that are open at the bottom', () => {
    const grid = formGrid(manyRows(10, 4), null);
    const plan = planPages(grid, measure);
    const longRow = grid.indicatorStart + 1 + 4;
    const parts = plan.pages.flatMap((p) => p.pieces.filter((x) => x.row === longRow && !x.repeated));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.open)).toEqual([...parts.slice(1).map(() => true), false]);
    expect(parts[0]!.lines!.from).toBe(0);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.lines!.from).toBe(parts[i - 1]!.lines!.to);
  });

  it('wraps the seed narrative into many lines and keeps the title on page 1 only', () => {
    const grid = formGrid(seedForm(), null);
    const plan = planPages(grid, measure);
    const goals = plan.cells.find((c) => c.cell.text.startsWith('年度目标'))!;
    expect(goals.lines.length).toBeGreaterThan(10);
    expect(goals.lines.every((l) => measure(l, 'regular', 9) <= goals.width - 6 + 0.01)).toBe(true);
    expect(plan.pages[0]!.pieces[0]!.row).toBe(0);
    expect(plan.pages.slice(1).some((p) => p.pieces.some((x) => x.row === 0))).toBe(false);
  });
});
