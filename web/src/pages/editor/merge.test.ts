import { describe, expect, it } from 'vitest';
import { sampleForm } from '../../test-support/sample-form.ts';
import { applyEdit } from './form-edits.ts';
import { changedFields, defaultChoices, diffVersions, mergeVersions } from './merge.ts';

describe('save conflicts', () => {
  const base = sampleForm();
  const mine = applyEdit(base, { type: 'set', path: 'indicators[0].actual', value: '190篇' });
  const theirs = applyEdit(base, { type: 'set', path: 'indicators[3].deviation', value: '已说明' });

  it('lists the fields that differ and who changed each', () => {
    const c = diffVersions(base, mine, theirs);
    expect(c.structural).toBe(false);
    expect(c.fields.map((f) => [f.path, f.mineChanged, f.theirsChanged])).toEqual([
      ['indicators[0].actual', true, false],
      ['indicators[3].deviation', false, true],
    ]);
  });

  it('keeps each side’s own change by default', () => {
    const c = diffVersions(base, mine, theirs);
    const merged = mergeVersions(mine, theirs, c, defaultChoices(c));
    expect(merged.indicators[0]?.actual).toBe('190篇');
    expect(merged.indicators[3]?.deviation).toBe('已说明');
  });

  it('offers only whole versions when rows were added on one side', () => {
    const more = applyEdit(mine, { type: 'remove-row', index: 4 });
    const c = diffVersions(base, more, theirs);
    expect(c.structural).toBe(true);
    expect(mergeVersions(more, theirs, c, { x: 'theirs' })).toBe(theirs);
    expect(mergeVersions(more, theirs, c, { x: 'mine' })).toBe(more);
  });

  it('diffs two revisions for the history', () => {
    expect(changedFields(base, mine)).toEqual([
      { path: 'indicators[0].actual', before: '185篇', after: '190篇' },
    ]);
  });
});
