import {
  type DashboardFilter,
  dashboard,
  EXECUTION_RATE_BOUNDS,
  FINDING_FAMILIES,
  type OrgRecord,
  orgs,
  SELF_MINUS_RULE_BOUNDS,
} from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';
import { orgInScope } from './org-admin.ts';

// Aggregates for the dashboards, over the forms in the actor's scope (optionally one year and one
// org subtree). Each aggregate is one query; orgs are rolled up here, in code.

type Bucket = { label: string; min: number | null; max: number | null; count: number };

function buckets(
  bounds: readonly number[],
  rows: Array<{ bucket: number; count: number }>,
  label: (min: number | null, max: number | null) => string,
  nullLabel?: string,
): Bucket[] {
  const counts = new Map(rows.map((r) => [r.bucket, r.count]));
  const out: Bucket[] = [];
  for (let i = 0; i <= bounds.length; i++) {
    const min = i === 0 ? null : bounds[i - 1]!;
    const max = i === bounds.length ? null : bounds[i]!;
    out.push({ label: label(min, max), min, max, count: counts.get(i) ?? 0 });
  }
  if (nullLabel && (counts.get(-1) ?? 0) > 0)
    out.push({ label: nullLabel, min: null, max: null, count: counts.get(-1)! });
  return out;
}

const rateLabel = (min: number | null, max: number | null): string =>
  min === null ? `低于 ${max}%` : max === null ? `${min}% 及以上` : `${min}%–${max}%`;

const DIFF_LABELS = [
  '低 5 分以上',
  '低 0–5 分',
  '相同',
  '高 0–1 分',
  '高 1–3 分',
  '高 3–5 分',
  '高 5–10 分',
  '高 10 分以上',
];

const avg = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** The orgs shown as rows: the children of the chosen node (or the node itself when it has none). */
function rollUp(all: OrgRecord[], root: OrgRecord): Map<string, OrgRecord> {
  const children = all.filter((o) => o.parentId === root.id);
  const shown = children.length ? children : [root];
  const map = new Map<string, OrgRecord>();
  for (const o of all) {
    const target = shown.find((s) => o.path.startsWith(s.path));
    if (target) map.set(o.id, target);
  }
  return map;
}

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
  const [byStatus, grades, rates, diffs, missed, families, byOrg, tree] = await Promise.all([
    dashboard.byStatus(db, f),
    dashboard.gradeCounts(db, f),
    dashboard.executionRateBuckets(db, f),
    dashboard.selfMinusRuleBuckets(db, f),
    dashboard.mostMissed(db, f, 10),
    dashboard.findingsByFamily(db, f),
    dashboard.byOrgYear(db, f),
    orgs.listSubtree(db, root.path),
  ]);
  const sum = (k: 'forms' | 'evaluated' | 'withFindings' | 'selfSum' | 'selfN' | 'ruleSum' | 'ruleN') =>
    byStatus.reduce((n, r) => n + r[k], 0);
  const STATUS_ORDER = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
  const GRADE_ORDER = ['优', '良', '中', '差'];
  const rollup = rollUp(tree, root);
  const rows = new Map<
    string,
    {
      orgId: string;
      orgName: string;
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
    const target = rollup.get(r.orgId);
    if (!target) continue;
    const key = `${target.id}|${r.year}`;
    const row = rows.get(key) ?? {
      orgId: target.id,
      orgName: target.name,
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
  return {
    totals: {
      forms: sum('forms'),
      evaluated: sum('evaluated'),
      withFindings: sum('withFindings'),
      byStatus: STATUS_ORDER.map((status) => ({
        status,
        count: byStatus.find((r) => r.status === status)?.forms ?? 0,
      })),
      avgSelfTotal: avg(sum('selfSum'), sum('selfN')),
      avgRuleTotal: avg(sum('ruleSum'), sum('ruleN')),
    },
    gradeCounts: [...grades].sort((a, b) => rank(GRADE_ORDER, a.grade) - rank(GRADE_ORDER, b.grade)),
    executionRate: buckets(EXECUTION_RATE_BOUNDS, rates, rateLabel, '无法计算'),
    selfMinusRule: buckets(SELF_MINUS_RULE_BOUNDS, diffs, (_min, _max) => '').map((b, i) => ({
      ...b,
      label: DIFF_LABELS[i] ?? '',
    })),
    mostMissed: missed,
    findingsByFamily: FINDING_FAMILIES.map((family) => ({ family, count: families[family] })),
    byOrgYear: [...rows.values()]
      .sort((a, b) => b.year - a.year || a.orgName.localeCompare(b.orgName, 'zh'))
      .map((r) => ({
        orgId: r.orgId,
        orgName: r.orgName,
        year: r.year,
        forms: r.forms,
        avgSelfTotal: avg(r.selfSum, r.selfN),
        avgRuleTotal: avg(r.ruleSum, r.ruleN),
        withFindings: r.withFindings,
      })),
  };
}

const rank = (order: string[], g: string): number => {
  const i = order.indexOf(g);
  return i < 0 ? order.length : i;
};
