import { PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import { FORM_STATUSES } from '../../core/form/schema.ts';
import { EXECUTION_RATE_BOUNDS, SELF_MINUS_RULE_BOUNDS } from '../../core/report/buckets.ts';
import type { Db } from '../open-store.ts';
import type { FormStatusWord } from '../records.ts';
import { num, startsWith } from '../sql-util.ts';
import { type FamilyCounts, FINDING_FAMILIES } from './forms.ts';

// Aggregates for the dashboards: three scans of the forms in scope, each served by the covering
// index forms_dashboard and each with only a few cheap expressions per row (a single query with
// every counter as a CASE was slower on SQLite), and one scan of the missed indicator rows
// (partial index form_indicators_missed). The scope is an `org_id IN (subtree)` filter, so no
// per-row join is needed.

export type DashboardFilter = { scopePath: string; orgPath?: string | undefined; year?: number | undefined };

/** The bands are the core's (core/report/buckets.ts): the spot-check report counts alike. */
export { EXECUTION_RATE_BOUNDS, SELF_MINUS_RULE_BOUNDS } from '../../core/report/buckets.ts';
export const STATUSES: readonly FormStatusWord[] = FORM_STATUSES;

function orgIds(db: Db, f: DashboardFilter) {
  let sub = db.selectFrom('orgs').select('orgs.id').where(startsWith('orgs.path', f.scopePath));
  if (f.orgPath) sub = sub.where(startsWith('orgs.path', f.orgPath));
  return sub;
}

/**
 * Whether the filter's orgs are all the orgs (a finance department at the root, unfiltered): then
 * every form is in scope and the aggregates skip the per-row org test, about half their time at
 * 100k forms. One look-up in the small orgs table.
 */
async function coversEveryOrg(db: Db, f: DashboardFilter): Promise<boolean> {
  const path = f.orgPath ?? f.scopePath;
  const outside = await db
    .selectFrom('orgs')
    .select('id')
    .where(sql<SqlBool>`not (${startsWith('orgs.path', path)})`)
    .limit(1)
    .executeTakeFirst();
  return outside === undefined && (!f.orgPath || f.orgPath.startsWith(f.scopePath));
}

const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

const countIf = (condition: RawBuilder<unknown>) =>
  sql<number>`sum(case when ${condition} then 1 else 0 end)`;

async function scopedForms(db: Db, f: DashboardFilter) {
  let q = db.selectFrom('forms');
  if (!(await coversEveryOrg(db, f))) q = q.where('org_id', 'in', orgIds(db, f));
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  return q;
}

/** CASE mapping a value to its bucket index (−1 when null). Bounds are constants, not input. */
function bucketOf(value: RawBuilder<unknown>, bounds: readonly number[]): RawBuilder<number> {
  const whens = bounds.map((b, i) => sql`when ${value} < ${sql.lit(b)} then ${sql.lit(i)}`);
  return sql<number>`case when ${value} is null then -1 ${sql.join(whens, sql` `)} else ${sql.lit(bounds.length)} end`;
}

export type SummaryRow = {
  status: FormStatusWord;
  grade: string | null;
  forms: number;
  evaluated: number;
  withFindings: number;
  selfSum: number;
  selfN: number;
  ruleSum: number;
  ruleN: number;
  families: FamilyCounts;
};

export const dashboard = {
  /**
   * Counts, sums for averages and finding families per status and grade (one scan). Grouped by
   * year too, in the order of index forms_dashboard_year (no sort of every form), and the years
   * added up here.
   */
  async summary(db: Db, f: DashboardFilter): Promise<SummaryRow[]> {
    const rows = await (await scopedForms(db, f))
      .select((eb) => [
        'year',
        'status',
        'grade',
        eb.fn.countAll().as('forms'),
        countIf(sql`${sql.ref('eval_pending')} = 0`).as('evaluated'),
        countIf(sql`${sql.ref('finding_count')} > 0`).as('with_findings'),
        eb.fn.sum('self_total').as('self_sum'),
        eb.fn.count('self_total').as('self_n'),
        eb.fn.sum('rule_total').as('rule_sum'),
        eb.fn.count('rule_total').as('rule_n'),
        eb.fn.sum('f_arithmetic').as('f0'),
        eb.fn.sum('f_structure').as('f1'),
        eb.fn.sum('f_scoring').as('f2'),
        eb.fn.sum('f_cross_field').as('f3'),
        eb.fn.sum('f_narrative').as('f4'),
        eb.fn.sum('f_value').as('f5'),
        eb.fn.sum('f_target_quality').as('f6'),
        eb.fn.sum('f_monitoring').as('f7'),
        eb.fn.sum('f_cross_stage').as('f8'),
      ])
      .groupBy(['year', 'status', 'grade'])
      .execute();
    const byKey = new Map<string, SummaryRow>();
    for (const r of rows) {
      const key = JSON.stringify([r.status, r.grade]);
      let s = byKey.get(key);
      if (!s) {
        s = {
          status: r.status as FormStatusWord,
          grade: r.grade,
          forms: 0,
          evaluated: 0,
          withFindings: 0,
          selfSum: 0,
          selfN: 0,
          ruleSum: 0,
          ruleN: 0,
          families: Object.fromEntries(FINDING_FAMILIES.map((fam) => [fam, 0])) as FamilyCounts,
        };
        byKey.set(key, s);
      }
      s.forms += num(r.forms);
      s.evaluated += num(r.evaluated);
      s.withFindings += num(r.with_findings);
      s.selfSum += num(r.self_sum);
      s.selfN += num(r.self_n);
      s.ruleSum += num(r.rule_sum);
      s.ruleN += num(r.rule_n);
      FINDING_FAMILIES.forEach((fam, i) => {
        s.families[fam] += num((r as Record<string, unknown>)[`f${i}`]);
      });
    }
    return [...byKey.values()];
  },

  /**
   * Forms per execution-rate bucket and per self-minus-rule bucket (one scan). Bucket −1: no value;
   * i: below bound[i] (and not below bound[i−1]).
   */
  async distributions(db: Db, f: DashboardFilter) {
    const diff = sql`(${sql.ref('self_total')} - ${sql.ref('rule_total')})`;
    const rows = await (await scopedForms(db, f))
      .select((eb) => [
        bucketOf(sql.ref('execution_rate'), EXECUTION_RATE_BOUNDS).as('rate'),
        bucketOf(diff, SELF_MINUS_RULE_BOUNDS).as('diff'),
        eb.fn.countAll().as('n'),
      ])
      .groupBy(['rate', 'diff'])
      .execute();
    return rows.map((r) => ({ rate: num(r.rate), diff: num(r.diff), count: num(r.n) }));
  },

  /** Per org and year (the service rolls orgs up to the level shown). */
  async byOrgYear(db: Db, f: DashboardFilter) {
    const rows = await (await scopedForms(db, f))
      .select((eb) => [
        'org_id',
        'year',
        eb.fn.countAll().as('forms'),
        eb.fn.sum('self_total').as('self_sum'),
        eb.fn.count('self_total').as('self_n'),
        eb.fn.sum('rule_total').as('rule_sum'),
        eb.fn.count('rule_total').as('rule_n'),
        countIf(sql`${sql.ref('finding_count')} > 0`).as('with_findings'),
      ])
      .groupBy(['org_id', 'year'])
      .execute();
    return rows.map((r) => ({
      orgId: r.org_id,
      year: num(r.year),
      forms: num(r.forms),
      selfSum: num(r.self_sum),
      selfN: num(r.self_n),
      ruleSum: num(r.rule_sum),
      ruleN: num(r.rule_n),
      withFindings: num(r.with_findings),
    }));
  },

  /**
   * Per org and kind: forms, and the cross-stage findings (lifecycle.md §4.3) with the forms that
   * have any (one scan; the service rolls orgs up like byOrgYear).
   */
  async byOrgKind(db: Db, f: DashboardFilter) {
    const rows = await (await scopedForms(db, f))
      .select((eb) => [
        'org_id',
        'kind',
        eb.fn.countAll().as('forms'),
        eb.fn.sum('f_cross_stage').as('cross_stage'),
        countIf(sql`${sql.ref('f_cross_stage')} > 0`).as('with_cross_stage'),
      ])
      .groupBy(['org_id', 'kind'])
      .execute();
    return rows.map((r) => ({
      orgId: r.org_id,
      kind: r.kind,
      forms: num(r.forms),
      crossStage: num(r.cross_stage),
      withCrossStage: num(r.with_cross_stage),
    }));
  },

  /** Indicators most often scored below their weight, by level-2 and name. */
  async mostMissed(db: Db, f: DashboardFilter, limit: number) {
    let q = db
      .selectFrom('form_indicators')
      // a literal, so SQLite can use the partial index (WHERE missed = 1)
      .where(sql<SqlBool>`${sql.ref('missed')} = ${sql.lit(1)}`);
    // SQLite: `+org_id` keeps the planner on the (level2, name, …) index, which groups in order;
    // through an org-first index it sorts every missed row of a large scope (measured 10× slower).
    // PostgreSQL has the org-first index (migration 0008) and picks by its statistics.
    const orgColumn = isPostgres(db) ? sql.ref('org_id') : sql`+${sql.ref('org_id')}`;
    if (!(await coversEveryOrg(db, f))) q = q.where(orgColumn, 'in', orgIds(db, f));
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    const rows = await q
      .select((eb) => ['level2', 'name', eb.fn.countAll().as('n')])
      .groupBy(['level2', 'name'])
      .orderBy('n', 'desc')
      .orderBy('level2')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ level2: r.level2, name: r.name, missed: num(r.n) }));
  },
};
