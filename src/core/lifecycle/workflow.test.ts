import { describe, expect, it } from 'vitest';
import {
  applyReview,
  approveVersion,
  diffDeclarations,
  latestApproved,
  REVIEW_OUTCOMES,
  startAdjustment,
} from './index.ts';
import { declaration } from './test-forms.ts';

const approval = { approvedBy: '某区财政局', documentNo: '某财预〔2024〕45号', date: '2024-08-20' };
const adjustment = { trigger: '年中追加', reason: '追加助餐点两处' };

describe('declaration workflow (lifecycle.md §3)', () => {
  it('review grades: 优/良 proceed, 中 returned, 差 rejected; opinions accumulate', () => {
    const draft = declaration({ status: 'submitted', approval: undefined });
    expect(applyReview(draft, '优', { by: '财政局', text: '目标明确', date: '2024-02-01' }).status).toBe(
      'submitted',
    );
    const returned = applyReview(draft, '中', { by: '财政局', text: '指标未细化', date: '2024-02-01' });
    expect(returned.status).toBe('returned');
    expect(returned.review).toEqual({
      grade: '中',
      opinions: [{ by: '财政局', text: '指标未细化', date: '2024-02-01' }],
    });
    expect(
      applyReview(returned, '差', { by: '财政局', text: '无依据', date: '2024-02-05' }).review?.opinions,
    ).toHaveLength(2);
    expect(REVIEW_OUTCOMES['差'].status).toBe('rejected');
    expect(REVIEW_OUTCOMES['良'].meaning).toBe('与单位协商修改后进入预算安排流程');
  });

  it('an adjustment is a new draft version carrying the year-start values', () => {
    const v1 = declaration();
    const r = startAdjustment([v1], adjustment);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({ version: 2, supersedes: 1, status: 'draft', adjustment });
    expect(r.value.approval).toBeUndefined();
    expect(r.value.indicators[0]!.initialTarget).toBe('≥12000人次');
    // the approved version is untouched
    expect(v1.status).toBe('approved');
    expect(v1.indicators[0]!.initialTarget).toBeUndefined();
  });

  it('one adjustment in flight; none without an approved version; a reason is required', () => {
    const v1 = declaration();
    const r = startAdjustment([v1], adjustment);
    if (!r.ok) throw new Error(r.reason);
    expect(startAdjustment([v1, r.value], adjustment)).toEqual({
      ok: false,
      reason: '第2版调整尚在办理中，每个项目同时只能有一个调整',
    });
    expect(startAdjustment([declaration({ status: 'draft', approval: undefined })], adjustment).ok).toBe(
      false,
    );
    expect(startAdjustment([v1], { trigger: '政策变化', reason: ' ' })).toEqual({
      ok: false,
      reason: '请填写调整原因',
    });
  });

  it('approving version 2 supersedes version 1; the diff shows the changed target', () => {
    const v1 = declaration();
    const r = startAdjustment([v1], adjustment);
    if (!r.ok) throw new Error(r.reason);
    const v2 = {
      ...r.value,
      indicators: r.value.indicators.map((x, i) => (i === 0 ? { ...x, target: '≥15000人次' } : x)),
    };
    const approved = approveVersion([v1, v2], 2, approval);
    if (!approved.ok) throw new Error(approved.reason);
    expect(approved.value.map((f) => f.status)).toEqual(['superseded', 'approved']);
    expect(latestApproved(approved.value)?.version).toBe(2);
    const d = diffDeclarations(approved.value[0]!, approved.value[1]!);
    expect(d.modified.map((m) => m.changes)).toEqual([
      [{ field: 'target', before: '≥12000人次', after: '≥15000人次' }],
    ]);
    expect(approveVersion(approved.value, 2, approval).ok).toBe(false);
    expect(approveVersion([v1], 3, approval)).toEqual({ ok: false, reason: '没有第3版绩效目标' });
  });
});
