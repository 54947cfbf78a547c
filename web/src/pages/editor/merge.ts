import { compareForms } from '../../../../src/core/form/compare.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { getAt, setAt } from './paths.ts';

// Save conflicts (409 stale-revision): the version I started from (base), mine and the one now
// stored (theirs). Each differing field shows both values and who changed it; the default keeps
// the side that changed it since base, preferring mine when both did.

export type FieldConflict = {
  path: string;
  mine: unknown;
  theirs: unknown;
  mineChanged: boolean;
  theirsChanged: boolean;
};

export type Choice = 'mine' | 'theirs';

export type Conflict = {
  /** rows were added or removed on one side: only whole versions can be chosen. */
  structural: boolean;
  fields: FieldConflict[];
};

const squash = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, '') : JSON.stringify(v ?? null));

export function diffVersions(base: Form, mine: Form, theirs: Form): Conflict {
  const structural = mine.indicators.length !== theirs.indicators.length;
  const fields = compareForms(mine, theirs)
    .filter((c) => !c.equal)
    .map((c) => {
      const b = getAt(base, c.path);
      return {
        path: c.path,
        mine: c.expected,
        theirs: c.actual,
        mineChanged: squash(b) !== squash(c.expected),
        theirsChanged: squash(b) !== squash(c.actual),
      };
    });
  return { structural, fields };
}

export function defaultChoices(conflict: Conflict): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  for (const f of conflict.fields) out[f.path] = f.mineChanged || !f.theirsChanged ? 'mine' : 'theirs';
  return out;
}

/** Theirs, with the fields chosen as mine taken from mine. */
export function mergeVersions(
  mine: Form,
  theirs: Form,
  conflict: Conflict,
  choices: Record<string, Choice>,
): Form {
  if (conflict.structural) return Object.values(choices).every((c) => c === 'theirs') ? theirs : mine;
  let out = theirs;
  for (const f of conflict.fields) if (choices[f.path] === 'mine') out = setAt(out, f.path, f.mine);
  return out;
}

/** Fields that differ between two versions, for the revision history. */
export function changedFields(
  before: Form,
  after: Form,
): Array<{ path: string; before: unknown; after: unknown }> {
  return compareForms(before, after)
    .filter((c) => !c.equal)
    .map((c) => ({ path: c.path, before: c.expected, after: c.actual }));
}

export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
