import type { Indicator } from '../../../../src/core/form/schema.ts';

// The official table merges runs of equal 一级 and, inside them, of equal 二级 cells. A span of 0
// means the row's cell is covered by the run above.

export type RowSpans = { level1: number; level2: number; level1Run: number[]; level2Run: number[] };

export function rowSpans(rows: readonly Indicator[]): RowSpans[] {
  const out: RowSpans[] = rows.map(() => ({ level1: 0, level2: 0, level1Run: [], level2Run: [] }));
  let i = 0;
  while (i < rows.length) {
    let j = i + 1;
    while (j < rows.length && same(rows[j]!.level1, rows[i]!.level1)) j++;
    const run1 = range(i, j);
    out[i]!.level1 = j - i;
    for (const k of run1) out[k]!.level1Run = run1;
    let a = i;
    while (a < j) {
      let b = a + 1;
      while (b < j && same(rows[b]!.level2, rows[a]!.level2)) b++;
      const run2 = range(a, b);
      out[a]!.level2 = b - a;
      for (const k of run2) out[k]!.level2Run = run2;
      a = b;
    }
    i = j;
  }
  return out;
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

/** The standard indicator vocabulary (glossary.md): level-1 → its usual level-2 names. */
export const LEVEL_VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const LEVEL1_OPTIONS = Object.keys(LEVEL_VOCABULARY);

export function level2Options(level1: string): readonly string[] {
  const key = level1.replace(/\s+/g, '');
  return LEVEL_VOCABULARY[key] ?? Object.values(LEVEL_VOCABULARY).flat();
}
