import type { Form, Indicator } from '../form/schema.ts';
import { withIndicatorIds } from './ids.ts';

// lifecycle.md §2.1: "Added/modified/deleted rows are derived by diffing versions" — nothing about a
// change is stored beside the versions themselves. Rows are matched by `indicatorId` (derived from
// the printed labels when the form has none, ids.ts).

export type FieldChange = { field: string; before: unknown; after: unknown };

export type DeclarationDiff = {
  from: { version: number | null };
  to: { version: number | null };
  added: Array<{ indicatorId: string; index: number; after: Indicator }>;
  removed: Array<{ indicatorId: string; index: number; before: Indicator }>;
  modified: Array<{
    indicatorId: string;
    beforeIndex: number;
    afterIndex: number;
    before: Indicator;
    after: Indicator;
    changes: FieldChange[];
  }>;
  /** header changes: goals, funds amounts, mid-term figures. */
  fields: FieldChange[];
};

/**
 * Row fields a new version may change; the order is the order changes are listed in. `initialTarget`
 * is not among them: a new version carries the year-start value along (workflow.ts), which is
 * bookkeeping, not a change.
 */
const ROW_FIELDS = [
  'level1',
  'level2',
  'name',
  'target',
  'comparator',
  'unit',
  'valueType',
  'weight',
  'explanation',
  'scoringStandard',
  'valueBasis',
  'dataSource',
  'evidenceRequired',
  'isCore',
  'goalRef',
  'remark',
] as const satisfies ReadonlyArray<keyof Indicator>;

const norm = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/[\s\u3000]+/g, '') : (v ?? null));
const same = (a: unknown, b: unknown): boolean => norm(a) === norm(b);

function headerChanges(a: Form, b: Form): FieldChange[] {
  const out: FieldChange[] = [];
  const pairs: Array<[string, unknown, unknown]> = [
    ['goals.expected', a.goals.expected, b.goals.expected],
    ['goals.midTerm', a.goals.midTerm, b.goals.midTerm],
    ['projectName', a.projectName, b.projectName],
    ['fundsUnit', a.fundsUnit, b.fundsUnit],
  ];
  for (const key of ['total', 'fiscal', 'carryover', 'other'] as const) {
    for (const f of ['initialBudget', 'annualBudget'] as const)
      pairs.push([`funds.${key}.${f}`, a.funds[key]?.[f], b.funds[key]?.[f]]);
  }
  for (const f of ['total', 'fiscal', 'other'] as const)
    pairs.push([`midTermFunds.${f}`, a.midTermFunds?.[f], b.midTermFunds?.[f]]);
  for (const [field, before, after] of pairs)
    if (!same(before, after)) out.push({ field, before: before ?? null, after: after ?? null });
  return out;
}

export function diffDeclarations(older: Form, newer: Form): DeclarationDiff {
  const a = withIndicatorIds(older).indicators;
  const b = withIndicatorIds(newer).indicators;
  const byId = new Map<string, number>();
  for (const [i, r] of b.entries()) byId.set(r.indicatorId!, i);
  const seen = new Set<string>();
  const diff: DeclarationDiff = {
    from: { version: older.version ?? null },
    to: { version: newer.version ?? null },
    added: [],
    removed: [],
    modified: [],
    fields: headerChanges(older, newer),
  };
  a.forEach((before, beforeIndex) => {
    const id = before.indicatorId!;
    const afterIndex = byId.get(id);
    if (afterIndex === undefined) {
      diff.removed.push({ indicatorId: id, index: beforeIndex, before });
      return;
    }
    seen.add(id);
    const after = b[afterIndex]!;
    const changes: FieldChange[] = [];
    for (const field of ROW_FIELDS)
      if (!same(before[field], after[field]))
        changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
    if (changes.length > 0)
      diff.modified.push({ indicatorId: id, beforeIndex, afterIndex, before, after, changes });
  });
  b.forEach((after, index) => {
    if (!seen.has(after.indicatorId!)) diff.added.push({ indicatorId: after.indicatorId!, index, after });
  });
  return diff;
}
