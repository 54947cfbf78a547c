import { FORM_KINDS } from '../core/form/schema.ts';
import { executionHistogram, leniencyHistogram } from '../core/report/buckets.ts';
import {
  type DashboardFilter,
  dashboard,
  FINDING_FAMILIES,
  type OrgRecord,
  orgs,
  STATUSES,
} from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';
import { orgInScope } from './org-admin.ts';

// Aggregates for the dashboards, over the forms in the actor's scope (optionally one year and one
// org subtree). Four queries (dashboard repository); totals, histograms and the org roll-up are
// summed here.

const GRADE_ORDER = ['优', '良', '中', '差'];

const avg = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** Each org of the subtree → the row it is shown under: a child of the chosen node (or the node itself). */
function rollUpTargets(all: OrgRecord[], root: OrgRecord): Map<string, OrgRecord> {
  const children = all.filter((o) => o.parentId === root.id);
  const shown = children.length ? children : [root];
  const map = new Map<string, OrgRecord>();
  for (const o of all) {
    const target = shown.find((s) => o.path.startsWith(s.path));
    if (target) map.set(o.id, target);
  }
  return map;
}

const rank = (g: string): number => {
  const i = GRADE_ORDER.indexOf(g);
  return i < 0 ? GRADE_ORDER.length : i;
};

export async function getDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { year?: number | undefined; orgId?: string | undefined },
) {
  const { db } = ctx.store;
  const root = await orgInScope(db, actor, q.orgId ?? actor.orgId);
  const f: DashboardFilter = {
    scopePath: actor.orgPath,
    orgPath: root.path === actor.orgPath ? undefined : root.path,
    year: q.year,
  };
  const [summary, distributions, byOrg, missed, tree, byOrgKind] = await Promise.all([
    dashboard.summary(db, f),
    dashboard.distributions(db, f),
    dashboard.byOrgYear(db, f),
    dashboard.mostMissed(db, f, 10),
    orgs.listSubtree(db, root.path),
    dashboard.byOrgKind(db, f),
  ]);

  const t = { forms: 0, evaluated: 0, withFindings: 0, selfSum: 0, selfN: 0, ruleSum: 0, ruleN: 0 };
  const byStatus = new Map<string, number>();
  const byGrade = new Map<string, number>();
  const families = new Map<string, number>();
  for (const r of summary) {
    for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += r[k];
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.forms);
    if (r.grade !== null) byGrade.set(r.grade, (byGrade.get(r.grade) ?? 0) + r.forms);
    for (const fam of FINDING_FAMILIES) families.set(fam, (families.get(fam) ?? 0) + r.families[fam]);
  }
  const rates = new Map<number, number>();
  const diffs = new Map<number, number>();
  for (const d of distributions) {
    rates.set(d.rate, (rates.get(d.rate) ?? 0) + d.count);
    diffs.set(d.diff, (diffs.get(d.diff) ?? 0) + d.count);
  }

  const targets = rollUpTargets(tree, root);
  const rows = new Map<
    string,
    {
      target: OrgRecord;
      year: number;
      forms: number;
      selfSum: number;
      selfN: number;
      ruleSum: number;
      ruleN: number;
      withFindings: number;
    }
  >();
  for (const r of byOrg) {
    const target = targets.get(r.orgId);
    if (!target) continue;
    const key = `${target.id}|${r.year}`;
    const row = rows.get(key) ?? {
      target,
      year: r.year,
      forms: 0,
      selfSum: 0,
      selfN: 0,
      ruleSum: 0,
      ruleN: 0,
      withFindings: 0,
    };
    row.forms += r.forms;
    row.selfSum += r.selfSum;
    row.selfN += r.selfN;
    row.ruleSum += r.ruleSum;
    row.ruleN += r.ruleN;
    row.withFindings += r.withFindings;
    rows.set(key, row);
  }

  const kinds = new Map<string, number>();
  const crossStage = new Map<string, { target: OrgRecord; forms: number; count: number }>();
  for (const r of byOrgKind) {
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + r.forms);
    const target = targets.get(r.orgId);
    if (!target || r.crossStage === 0) continue;
    const row = crossStage.get(target.id) ?? { target, forms: 0, count: 0 };
    row.forms += r.withCrossStage;
    row.count += r.crossStage;
    crossStage.set(target.id, row);
  }

  return {
    totals: {
      forms: t.forms,
      evaluated: t.evaluated,
      withFindings: t.withFindings,
      byStatus: STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      avgSelfTotal: avg(t.selfSum, t.selfN),
      avgRuleTotal: avg(t.ruleSum, t.ruleN),
    },
    gradeCounts: [...byGrade]
      .map(([grade, count]) => ({ grade, count }))
      .sort((a, b) => rank(a.grade) - rank(b.grade)),
    executionRate: executionHistogram(rates),
    // forms without both totals (not yet evaluated) are left out of this one
    selfMinusRule: leniencyHistogram(diffs),
    mostMissed: missed,
    findingsByFamily: FINDING_FAMILIES.map((family) => ({ family, count: families.get(family) ?? 0 })),
    byKind: FORM_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    crossStageByOrg: [...crossStage.values()]
      .sort((a, b) => b.count - a.count || a.target.name.localeCompare(b.target.name, 'zh'))
      .map((r) => ({ orgId: r.target.id, orgName: r.target.name, forms: r.forms, count: r.count })),
    byOrgYear: [...rows.values()]
      .sort((a, b) => b.year - a.year || a.target.name.localeCompare(b.target.name, 'zh'))
      .map((r) => ({
        orgId: r.target.id,
        orgName: r.target.name,
        year: r.year,
        forms: r.forms,
        avgSelfTotal: avg(r.selfSum, r.selfN),
        avgRuleTotal: avg(r.ruleSum, r.ruleN),
        withFindings: r.withFindings,
      })),
  };
}
