import { describe, expect, it } from 'vitest';
import { sampleForm } from '../../test-support/sample-form.ts';
import { applyEdit } from './form-edits.ts';
import { getAt, parsePath, setAt } from './paths.ts';
import { rowSpans } from './row-groups.ts';

describe('form edits', () => {
  it('sets a cell without copying the untouched rows', () => {
    const form = sampleForm();
    const next = applyEdit(form, { type: 'set', path: 'indicators[2].actual', value: '2800万元' });
    expect(next.indicators[2]?.actual).toBe('2800万元');
    expect(next.indicators[0]).toBe(form.indicators[0]);
    expect(form.indicators[2]?.actual).toBe('2736万元');
  });

  it('fills a blank funds row and computes its printed rate', () => {
    const next = applyEdit(sampleForm(), { type: 'set', path: 'funds.other.annualBudget', value: 100 });
    const after = applyEdit(next, { type: 'set', path: 'funds.other.executed', value: 45.5 });
    expect(after.funds.other).toEqual({ annualBudget: 100, executed: 45.5, executionRate: 45.5 });
    const cleared = applyEdit(
      applyEdit(after, { type: 'set', path: 'funds.other.annualBudget', value: null }),
      {
        type: 'set',
        path: 'funds.other.executed',
        value: null,
      },
    );
    expect(cleared.funds.other).toBeNull();
  });

  it('keeps the 总分 row in step with scores and weights', () => {
    const form = sampleForm();
    const next = applyEdit(form, { type: 'set', path: 'indicators[0].weight', value: 20 });
    expect(next.totalWeight).toBe(90);
    const removed = applyEdit(next, { type: 'remove-row', index: 4 });
    expect(removed.totalWeight).toBe(80);
    expect(removed.totalScore).toBe(89.35);
  });

  it('moves rows and renames merged groups', () => {
    const form = sampleForm();
    const moved = applyEdit(form, { type: 'move-row', from: 0, to: 2 });
    expect(moved.indicators.map((r) => r.name).slice(0, 3)).toEqual([
      '定额工作经费',
      '项目总成本',
      '动态信息',
    ]);
    const renamed = applyEdit(form, { type: 'set-levels', indices: [0, 1, 2], level1: '产出' });
    expect(renamed.indicators.slice(0, 3).every((r) => r.level1 === '产出')).toBe(true);
    expect(renamed.indicators[3]?.level1).toBe('效益指标');
  });

  it('merges runs of equal 一级 and 二级 cells', () => {
    const spans = rowSpans(sampleForm().indicators);
    expect(spans.map((s) => s.level1)).toEqual([3, 0, 0, 1, 1]);
    expect(spans.map((s) => s.level2)).toEqual([1, 1, 1, 1, 1]);
    expect(spans[2]?.level1Run).toEqual([0, 1, 2]);
  });
});

describe('paths', () => {
  it('reads and writes Form JSON paths', () => {
    expect(parsePath('indicators[12].actual')).toEqual(['indicators', 12, 'actual']);
    const form = sampleForm();
    expect(getAt(form, 'funds.total.executed')).toBe(2736);
    const next = setAt(form, 'funds.carryover.executed', 3);
    expect(next.funds.carryover).toEqual({ executed: 3 });
    expect(setAt(next, 'projectLead', undefined)).not.toHaveProperty('projectLead');
  });
});
