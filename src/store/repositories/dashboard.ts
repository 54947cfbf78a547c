import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../open-store.ts';
import { num, numOrNull, startsWith } from '../sql-util.ts';

// Aggregates for the dashboards. Each is one scan of the forms (or indicator rows) in scope; the
// scope is an `org_id IN (subtree)` filter so no per-row join is needed.

export type DashboardFilter = { scopePath: string; orgPath?: string | undefined; year?: number | undefined };

/** Bucket upper bounds: value < bound[i] falls in bucket i; the last bucket is open. */
export const EXECUTION_RATE_BOUNDS = [50, 60, 70, 80, 90, 95, 100] as const;
export const SELF_MINUS_RULE_BOUNDS = [-5, -0.005, 0.005, 1, 3, 5, 10] as const;

function orgIds(db: Db, f: DashboardFilter) {
  let sub = db
    .selectFrom('orgs')
    .select('orgs.id')
    .where(startsWith('orgs.path', f.scopePath));
  if (f.orgPath) sub = sub.where(startsWith('orgs.path', f.orgPath));
  return sub;
}

function scopedForms(db: Db, f: DashboardFilter) {
  let q = db.selectFrom('forms').where('org_id', 'in', orgIds(db, f));
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  return q;
}

function scopedIndicators(db: Db, f: DashboardFilter) {
  let q = db.selectFrom('form_indicators').where('org_id', 'in', orgIds(db, f));
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  return q;
}

/** CASE mapping a value to its bucket index (−1 when null). Bounds are constants, not input. */
function bucketCase(value: RawBuilder<unknown>, bounds: readonly number[]): RawBuilder<number> {
  const whens = bounds.map((b, i) => sql`WHEN ${value} < ${sql.lit(b)} THEN ${sql.lit(i)}`);
  return sql<number>`CASE WHEN ${value} IS NULL THEN -1 ${sql.join(whens, sql` `)} ELSE ${sql.lit(bounds.length)} END`;
}

export const dashboard = {
  /** Per status: count, evaluated, with findings, and sums for the averages. */
  async byStatus(db: Db, f: DashboardFilter) {
    const rows = await scopedForms(db, f)
      .select((eb) => [
        'status',
        eb.fn.countAll().as('forms'),
        eb.fn.sum(eb.case().when('eval_pending', '=', 0).then(1).else(0).end()).as('evaluated'),
        eb.fn.sum(eb.case().when('finding_count', '>', 0).then(1).else(0).end()).as('with_findings'),
        eb.fn.sum('self_total').as('self_sum'),
        eb.fn.count('self_total').as('self_n'),
        eb.fn.sum('rule_total').as('rule_sum'),
        eb.fn.count('rule_total').as('rule_n'),
      ])
      .groupBy('status')
      .execute();
    return rows.map((r) => ({
      status: r.status,
      forms: num(r.forms),
      evaluated: num(r.evaluated),
      withFindings: num(r.with_findings),
      selfSum: num(r.self_sum),
      selfN: num(r.self_n),
      ruleSum: num(r.rule_sum),
      ruleN: num(r.rule_n),
    }));
  },

  async gradeCounts(db: Db, f: DashboardFilter) {
    const rows = await scopedForms(db, f)
      .select((eb) => ['grade', eb.fn.countAll().as('n')])
      .where('grade', 'is not', null)
      .groupBy('grade')
      .execute();
    return rows.map((r) => ({ grade: r.grade ?? '', count: num(r.n) }));
  },

  /** Bucket index (−1: no rate) → count. */
  async executionRateBuckets(db: Db, f: DashboardFilter) {
    const rows = await scopedForms(db, f)
      .select((eb) => [
        bucketCase(sql.ref('execution_rate'), EXECUTION_RATE_BOUNDS).as('bucket'),
        eb.fn.countAll().as('n'),
      ])
      .groupBy('bucket')
      .execute();
    return rows.map((r) => ({ bucket: num(r.bucket), count: num(r.n) }));
  },

  /** Buckets of self_total − rule_total over evaluated forms. */
  async selfMinusRuleBuckets(db: Db, f: DashboardFilter) {
    const rows = await scopedForms(db, f)
      .where('rule_total', 'is not', null)
      .where('self_total', 'is not', null)
      .select((eb) => [
        bucketCase(sql`(${sql.ref('self_total')} - ${sql.ref('rule_total')})`, SELF_MINUS_RULE_BOUNDS).as(
          'bucket',
        ),
        eb.fn.countAll().as('n'),
      ])
      .groupBy('bucket')
      .execute();
    return rows.map((r) => ({ bucket: num(r.bucket), count: num(r.n) }));
  },

  async mostMissed(db: Db, f: DashboardFilter, limit: number) {
    const rows = await scopedIndicators(db, f)
      .where('missed', '=', 1)
      .select((eb) => ['level2', 'name', eb.fn.countAll().as('n')])
      .groupBy(['level2', 'name'])
      .orderBy('n', 'desc')
      .orderBy('level2')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ level2: r.level2, name: r.name, missed: num(r.n) }));
  },

  async findingsByFamily(db: Db, f: DashboardFilter) {
    const r = await scopedForms(db, f)
      .select((eb) => [
        eb.fn.sum('f_arithmetic').as('arithmetic'),
        eb.fn.sum('f_structure').as('structure'),
        eb.fn.sum('f_scoring').as('scoring'),
        eb.fn.sum('f_cross_field').as('cross_field'),
        eb.fn.sum('f_narrative').as('narrative'),
        eb.fn.sum('f_value').as('value'),
      ])
      .executeTakeFirstOrThrow();
    return {
      arithmetic: num(r.arithmetic),
      structure: num(r.structure),
      scoring: num(r.scoring),
      'cross-field': num(r.cross_field),
      narrative: num(r.narrative),
      value: num(r.value),
    };
  },

  /** Per org and year (the service rolls orgs up to the level shown). */
  async byOrgYear(db: Db, f: DashboardFilter) {
    const rows = await scopedForms(db, f)
      .select((eb) => [
        'org_id',
        'year',
        eb.fn.countAll().as('forms'),
        eb.fn.sum('self_total').as('self_sum'),
        eb.fn.count('self_total').as('self_n'),
        eb.fn.sum('rule_total').as('rule_sum'),
        eb.fn.count('rule_total').as('rule_n'),
        eb.fn.sum(eb.case().when('finding_count', '>', 0).then(1).else(0).end()).as('with_findings'),
      ])
      .groupBy(['org_id', 'year'])
      .execute();
    return rows.map((r) => ({
      orgId: r.org_id,
      year: num(r.year),
      forms: num(r.forms),
      selfSum: numOrNull(r.self_sum) ?? 0,
      selfN: num(r.self_n),
      ruleSum: numOrNull(r.rule_sum) ?? 0,
      ruleN: num(r.rule_n),
      withFindings: num(r.with_findings),
    }));
  },
};
