import { toNotation } from '../../grammar/format.ts';
import type { Deadline, Milestone, Quantity, Schedule, Value } from '../../grammar/value.ts';
import { clampToBand, describeBand, describeClamp, lateBand } from './bands.ts';
import { daysBetween } from './dates.ts';
import type { MilestoneStatus, RowRule } from './types.ts';

/** The milestones an actual reports: a deadline is one milestone with no amount. */
function reportedMilestones(actual: Value): Milestone[] | null {
  if (actual.kind === 'schedule') return actual.milestones;
  if (actual.kind === 'deadline') return [{ date: actual.date, action: actual.action, quantity: null }];
  return null;
}

/** rules.md §1.5: on or before the deadline → full marks; late → judgement capped below 80%. */
export const deadline: RowRule = {
  id: 'deadline',
  name: '时效·截止日期',
  source: 'rules.md §1.5',
  apply({ row, profile, weight, selfScore }) {
    if (row.target.kind !== 'deadline') return null;
    const reported = reportedMilestones(row.actual);
    if (reported === null || reported.length === 0) return null;
    const target: Deadline = row.target;
    // The actual's last date is when the work was finished.
    let done = reported[0]!.date;
    for (const m of reported) if (m.date > done) done = m.date;
    const head = `时效·截止日期（rules.md §1.5）：目标 ${toNotation(target)}，实际 ${toNotation(row.actual)}`;
    const days = daysBetween(target.date, done);
    if (days <= 0) {
      return {
        rule: this.id,
        kind: 'deadline',
        score: weight,
        band: { min: weight, max: weight },
        met: true,
        trail: `${head}；按期完成，得满分 ${weight}。`,
        facts: { daysLate: 0 },
      };
    }
    const band = lateBand(weight, profile);
    const score = clampToBand(selfScore, band);
    const rule =
      profile.timeliness.late === 'zero'
        ? '逾期按 0 分计'
        : `逾期转为判断行，上限为部分达成档上限（${describeBand(band)}）`;
    return {
      rule: 'late-deadline',
      kind: 'deadline',
      score,
      band,
      met: false,
      trail: `${head}；晚于截止日期 ${days} 天，${rule}；${describeClamp(selfScore, score)}。`,
      facts: { daysLate: days },
    };
  },
};

function meets(target: Quantity | null, reported: Quantity | null): boolean {
  if (target === null) return true;
  if (reported === null) return false;
  return reported.amount >= target.amount;
}

/**
 * Matches each target milestone against what the actual reports (rules.md §1.5). A milestone is
 * met by a report on or before its date that reaches its amount; a report after the date counts
 * as late only for milestones with no amount (a plain deadline) — for an amount milestone, a later
 * figure says nothing about where spending stood on the date, so the milestone is unreported.
 */
export function checkMilestones(target: Schedule, reported: Milestone[]): MilestoneStatus[] {
  return target.milestones.map((milestone): MilestoneStatus => {
    const onTime = reported.filter((r) => r.date <= milestone.date);
    const metOnTime = onTime.find((r) => meets(milestone.quantity, r.quantity));
    if (metOnTime) return { milestone, status: 'met', reported: metOnTime };
    if (onTime.length > 0) return { milestone, status: 'short', reported: onTime[onTime.length - 1]! };
    const later = reported.find((r) => r.date > milestone.date);
    if (later && milestone.quantity === null) return { milestone, status: 'late', reported: later };
    return { milestone, status: 'unreported' };
  });
}

const STATUS_TEXT: Record<MilestoneStatus['status'], string> = {
  met: '已按期达到',
  late: '逾期达到',
  short: '按期但未达到',
  unreported: '实际完成值未报告',
};

/** rules.md §1.5: a schedule is a list of milestones; each one not met makes the row a judgement. */
export const schedule: RowRule = {
  id: 'schedule',
  name: '时效·进度节点',
  source: 'rules.md §1.5',
  apply({ row, profile, weight, selfScore }) {
    if (row.target.kind !== 'schedule') return null;
    const reported = reportedMilestones(row.actual);
    if (reported === null) return null;
    const statuses = checkMilestones(row.target, reported);
    const lines = statuses.map(
      (s) => `${toNotation({ kind: 'schedule', milestones: [s.milestone] })}：${STATUS_TEXT[s.status]}`,
    );
    const head = `时效·进度节点（rules.md §1.5）：目标共 ${statuses.length} 个节点，${lines.join('；')}`;
    if (statuses.every((s) => s.status === 'met')) {
      return {
        rule: this.id,
        kind: 'schedule',
        score: weight,
        band: { min: weight, max: weight },
        met: true,
        trail: `${head}；全部按期达到，得满分 ${weight}。`,
        facts: { milestones: statuses },
      };
    }
    const band = lateBand(weight, profile);
    const score = clampToBand(selfScore, band);
    const missed = statuses.filter((s) => s.status !== 'met').length;
    return {
      rule: 'missed-milestone',
      kind: 'schedule',
      score,
      band,
      met: false,
      trail: `${head}；${missed} 个节点未按期达到或未报告，转为判断行，上限为部分达成档上限（${describeBand(band)}）；${describeClamp(selfScore, score)}。`,
      facts: { milestones: statuses },
    };
  },
};
