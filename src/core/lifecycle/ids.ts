import type { Form, Indicator } from '../form/schema.ts';

// lifecycle.md §1: `indicatorId` is stable across versions and stages [V pmkpi]. Forms read from
// paper carry none, so one is derived from what the row prints (level 1, level 2, name). The
// levels are normalised because stages print them differently (`产出指标（50分）` on a
// declaration, `产出指标` on the self-evaluation, `产出` on a platform export).

const SPACE = /[\s\u3000]+/g;
/** `（50分）`, `(0-20分)`, `【30分】`: a weight printed in the label (奉节, 安徽). */
const WEIGHT_LABEL = /[（(【[][^）)】\]]*分[^）)】\]]*[）)】\]]/g;
const TRAILING_WORD = /(指标|类指标)$/;

/** A level label reduced to its words: `产出指标（50分）` → `产出`. */
export function normaliseLevel(label: string): string {
  return label.replace(SPACE, '').replace(WEIGHT_LABEL, '').replace(TRAILING_WORD, '');
}

/** A row name without spacing and wrapped-line breaks. */
export const normaliseName = (name: string): string => name.replace(SPACE, '');

/** The id a row would get from its printed labels (before de-duplication). */
export function derivedId(row: Pick<Indicator, 'level1' | 'level2' | 'name'>): string {
  return `${normaliseLevel(row.level1)}/${normaliseLevel(row.level2)}/${normaliseName(row.name)}`;
}

function fill(rows: readonly Indicator[]): Indicator[] {
  const taken = new Set<string>();
  for (const r of rows) if (r.indicatorId) taken.add(r.indicatorId);
  return rows.map((r) => {
    if (r.indicatorId) return r;
    // Two rows printing the same labels (a repeated 数量指标 name) keep their order: `#2`, `#3`.
    const base = derivedId(r);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
    taken.add(id);
    return { ...r, indicatorId: id };
  });
}

/** The form with every row (annual and mid-term) given an `indicatorId`; existing ids are kept. */
export function withIndicatorIds(form: Form): Form {
  const out: Form = { ...form, indicators: fill(form.indicators) };
  if (form.midTermIndicators) out.midTermIndicators = fill(form.midTermIndicators);
  return out;
}
