import type { Adjustment, Approval, Form, ReviewGrade } from '../form/schema.ts';
import { err, ok, type Result } from '../result.ts';
import { withIndicatorIds } from './ids.ts';
import { latestApproved, wasApproved } from './versions.ts';

// The declaration's workflow, lifecycle.md §3: review grades and what follows them, approval with
// the budget, and adjustment as a new version. Pure: each step returns the new forms, the caller
// stores them.

export type ReviewOutcome = {
  grade: ReviewGrade;
  /** the status the declaration moves to. */
  status: Form['status'] & string;
  /** Chinese, shown beside the grade. */
  meaning: string;
};

/** 88号 [S]: 优 proceeds to the budget; 良 is fixed by consultation, then proceeds; 中 is returned and re-reviewed; 差 stays out. */
export const REVIEW_OUTCOMES: Readonly<Record<ReviewGrade, ReviewOutcome>> = {
  优: { grade: '优', status: 'submitted', meaning: '审核通过，进入预算安排流程' },
  良: { grade: '良', status: 'submitted', meaning: '与单位协商修改后进入预算安排流程' },
  中: { grade: '中', status: 'returned', meaning: '退回单位修改后重新审核' },
  差: { grade: '差', status: 'rejected', meaning: '不予安排预算' },
};

/** The declaration after a review with `grade` and an opinion. */
export function applyReview(
  form: Form,
  grade: ReviewGrade,
  opinion: { by: string; text: string; date: string },
): Form {
  const opinions = [...(form.review?.opinions ?? []), opinion];
  return { ...form, review: { grade, opinions }, status: REVIEW_OUTCOMES[grade].status };
}

const versionOf = (f: Form): number => f.version ?? 1;
const isDeclaration = (f: Form): boolean => f.kind === 'project-target-declaration';
const IN_FLIGHT = new Set(['draft', 'submitted', 'returned']);

/**
 * Approval with the budget ("谁批复预算，谁批复目标"): version `version` becomes `approved` and the
 * version it replaces `superseded` (an approved version is never edited, §3 Adjustment).
 */
export function approveVersion(
  declarations: readonly Form[],
  version: number,
  approval: Approval,
): Result<Form[]> {
  const target = declarations.find((f) => isDeclaration(f) && versionOf(f) === version);
  if (!target) return err(`没有第${version}版绩效目标`);
  if (target.status === 'rejected') return err(`第${version}版绩效目标审核为“差”，不予批复`);
  if (wasApproved(target) && target.status !== undefined)
    return err(`第${version}版绩效目标已批复，不能重复批复`);
  return ok(
    declarations.map((f) => {
      if (f === target) return { ...f, status: 'approved' as const, approval };
      if (isDeclaration(f) && f.status === 'approved' && versionOf(f) < version)
        return { ...f, status: 'superseded' as const };
      return f;
    }),
  );
}

/**
 * A new version to adjust the targets: a draft copy of the latest approved version, with the
 * reason, `supersedes`, and each row's 年初指标值 kept (§2.1, §3). One adjustment in flight per
 * project [V].
 */
export function startAdjustment(declarations: readonly Form[], adjustment: Adjustment): Result<Form> {
  const latest = latestApproved(declarations);
  if (!latest) return err('尚无已批复的绩效目标，无需调整：请修改申报稿');
  const pending = declarations.find(
    (f) => isDeclaration(f) && versionOf(f) > versionOf(latest) && IN_FLIGHT.has(f.status ?? ''),
  );
  if (pending) return err(`第${versionOf(pending)}版调整尚在办理中，每个项目同时只能有一个调整`);
  if (!adjustment.reason.trim()) return err('请填写调整原因');
  const top = Math.max(...declarations.filter(isDeclaration).map(versionOf));
  const base = withIndicatorIds(latest);
  const { approval: _approval, review: _review, ...rest } = base;
  return ok({
    ...rest,
    version: top + 1,
    supersedes: versionOf(latest),
    status: 'draft',
    adjustment,
    indicators: base.indicators.map((r) => ({ ...r, initialTarget: r.initialTarget ?? r.target })),
  });
}
