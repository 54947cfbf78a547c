import type { Form, FundsKey } from '../core/form/schema.ts';
import { aggregateProjects, warningList } from '../core/lifecycle/index.ts';
import { round2 } from '../core/scoring/round.ts';
import { currentDataOf, formsOfKindUnder } from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';
import { summaryView } from './form-read.ts';
import { profileOf } from './lifecycle.ts';
import { orgInScope } from './org-admin.ts';
import { ServiceError } from './service-error.ts';

// The department's views of the lifecycle (lifecycle.md §3): the warning list of its units'
// monitoring reports, and its own self-evaluation beside an aggregate of its project forms.

const FUNDS_LABELS: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

const GRADE_ORDER = ['优', '良', '中', '差'];

/**
 * GET /api/monitoring/warnings: the red and yellow lights (lifecycle.md §4.2) of each project's
 * latest monitoring report (the latest 1–N月) under the org, each with its reason.
 */
export async function monitoringWarnings(
  ctx: AppContext,
  actor: Actor,
  q: { year?: number | undefined; orgId?: string | undefined },
) {
  const { db } = ctx.store;
  const root = await orgInScope(db, actor, q.orgId ?? actor.orgId);
  const rows = await formsOfKindUnder(db, {
    scopePath: actor.orgPath,
    orgPath: root.path,
    kind: 'project-monitoring',
    year: q.year,
  });
  const data = await currentDataOf(
    db,
    rows.map((r) => r.id),
  );
  const latest = new Map<string, { row: (typeof rows)[number]; form: Form }>();
  for (const row of rows) {
    const form = JSON.parse(data.get(row.id) ?? 'null') as Form | null;
    if (!form) continue;
    const key = `${row.projectId}|${row.year}`;
    const seen = latest.get(key);
    if (!seen || (form.asOfMonth ?? 0) > (seen.form.asOfMonth ?? 0)) latest.set(key, { row, form });
  }
  const items = [];
  for (const { row, form } of latest.values()) {
    // the lights and their reasons are the core's (lifecycle.md §4.2); blue is a note, not a warning
    for (const w of warningList([form], profileOf(row.profileId))) {
      if (w.light !== 'red' && w.light !== 'yellow') continue;
      const fundsKey = w.row === null ? (w.field.replace(/^funds\./, '') as FundsKey) : null;
      items.push({
        formId: row.id,
        projectId: row.projectId,
        projectName: row.projectName,
        orgId: row.orgId,
        orgName: row.orgName,
        year: row.year,
        asOfMonth: form.asOfMonth ?? null,
        target: w.row === null ? ('funds' as const) : ('row' as const),
        fundsKey,
        row: w.row,
        label: fundsKey ? FUNDS_LABELS[fundsKey] : w.name,
        light: w.light,
        reason: w.reason,
      });
    }
  }
  // red first, then by unit and project as listed
  items.sort((a, b) => (a.light === b.light ? 0 : a.light === 'red' ? -1 : 1));
  return items;
}

/**
 * GET /api/departments/:id/aggregate?year=: the department's own 部门整体支出绩效自评表 beside its
 * units' project self-evaluations of that year (lifecycle.md §2.3; issue 11 "department level").
 */
export async function departmentAggregate(ctx: AppContext, actor: Actor, orgId: string, year: number) {
  const { db } = ctx.store;
  const org = await orgInScope(db, actor, orgId);
  if (org.kind !== 'department') throw new ServiceError('bad-request', `“${org.name}”不是主管部门`);
  const [projects, own] = await Promise.all([
    formsOfKindUnder(db, {
      scopePath: actor.orgPath,
      orgPath: org.path,
      kind: 'project-self-evaluation',
      year,
    }),
    formsOfKindUnder(db, {
      scopePath: actor.orgPath,
      orgPath: org.path,
      kind: 'department-self-evaluation',
      year,
    }),
  ]);
  const data = await currentDataOf(
    db,
    projects.map((r) => r.id),
  );
  const sums = aggregateProjects(
    projects
      .map((r) => JSON.parse(data.get(r.id) ?? 'null') as Form | null)
      .filter((f): f is Form => f !== null),
  );
  const avg = (xs: Array<number | null>): number | null => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? round2(v.reduce((s, x) => s + x, 0) / v.length) : null;
  };
  const grades = new Map<string, number>();
  for (const r of projects) if (r.grade) grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
  const departmentForm = own.find((r) => r.orgId === org.id) ?? null;
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    departmentForm: departmentForm ? summaryView(stripCount(departmentForm)) : null,
    projects: {
      count: projects.length,
      annualBudget: projects.length ? sums.annualBudget : null,
      executed: projects.length ? sums.executed : null,
      executionRate: sums.executionRate,
      avgSelfTotal: avg(projects.map((r) => r.selfTotal)),
      avgRuleTotal: avg(projects.map((r) => r.ruleTotal)),
      gradeCounts: [...grades]
        .map(([grade, count]) => ({ grade, count }))
        .sort((a, b) => GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade)),
      findingCount: projects.reduce((s, r) => s + (r.findingCount ?? 0), 0),
      crossStageCount: projects.reduce((s, r) => s + r.crossStage, 0),
    },
    items: projects.map((r) => summaryView(stripCount(r))),
  };
}

const stripCount = <T extends { crossStage: number }>({ crossStage: _c, ...rest }: T) => rest;
