import { PostgresAdapter, sql } from 'kysely';
import { FINDING_FAMILIES } from '../../core/audit/types.ts';
import type { FormKind } from '../../core/form/schema.ts';
import type { Db } from '../open-store.ts';
import { prepared } from '../prepared.ts';
import type {
  FormDetailRecord,
  FormHeadRecord,
  FormStatusWord,
  FormSummaryRecord,
  Page,
} from '../records.ts';
import { RevisionBytes, revisionBytesOf } from '../revision-bytes.ts';
import { chunks, contains, num, numOrNull, startsWith } from '../sql-util.ts';

/** An indicator row as indexed for queries across forms. */
export type IndicatorRow = {
  position: number;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  score: number | null;
  missed: boolean;
};

/** The form_indicators record of one row (also written directly by the bulk loader). */
export function indicatorRecord(formId: string, orgId: string, year: number, r: IndicatorRow) {
  return {
    form_id: formId,
    position: r.position,
    year,
    org_id: orgId,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    actual: r.actual,
    weight: r.weight,
    score: r.score,
    missed: r.missed ? 1 : 0,
  };
}

/** A revision's content and the columns derived from it (services compute them). */
export type FormContent = {
  data: string;
  year: number;
  kind: string;
  projectName: string;
  selfTotal: number | null;
  executionRate: number | null;
  searchText: string;
  indicators: IndicatorRow[];
};

export { FINDING_FAMILIES };
export type FamilyCounts = Record<(typeof FINDING_FAMILIES)[number], number>;

export type FormSort = 'updated-desc' | 'updated-asc' | 'year-desc' | 'score-desc' | 'score-asc' | 'name-asc';

export type FormFilter = {
  /** the caller's scope: forms of orgs under this path. */
  scopePath: string;
  orgPath?: string | undefined;
  projectId?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  grade?: string | undefined;
  hasFindings?: boolean | undefined;
  q?: string | undefined;
};

const summaryColumns = [
  'f.id',
  'f.project_id',
  'f.project_name',
  'f.org_id',
  'o.name as org_name',
  'o.path as org_path',
  'f.year',
  'f.kind',
  'f.version',
  'f.status',
  'f.revision',
  'f.self_total',
  'f.execution_rate',
  'f.rule_total',
  'f.grade',
  'f.finding_count',
  'f.error_count',
  'f.evaluated_revision',
  'f.profile_id',
  'f.updated_at',
  'uu.id as updated_by_id',
  'uu.username as updated_by_username',
  'uu.display_name as updated_by_name',
] as const;

const selectSummaries = (db: Db) =>
  db
    .selectFrom('forms as f')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .innerJoin('users as uu', 'uu.id', 'f.updated_by')
    .select(summaryColumns);

type SummaryRow = {
  id: string;
  project_id: string;
  project_name: string;
  org_id: string;
  org_name: string;
  org_path: string;
  year: number;
  kind: string;
  version: number;
  status: string;
  revision: number;
  self_total: number | null;
  execution_rate: number | null;
  rule_total: number | null;
  grade: string | null;
  finding_count: number | null;
  error_count: number | null;
  evaluated_revision: number | null;
  profile_id: string;
  updated_at: string;
  updated_by_id: string;
  updated_by_username: string;
  updated_by_name: string;
};

const toSummary = (r: SummaryRow): FormSummaryRecord => ({
  id: r.id,
  projectId: r.project_id,
  projectName: r.project_name,
  orgId: r.org_id,
  orgName: r.org_name,
  orgPath: r.org_path,
  year: Number(r.year),
  kind: r.kind as FormKind,
  version: Number(r.version),
  status: r.status as FormStatusWord,
  revision: Number(r.revision),
  selfTotal: numOrNull(r.self_total),
  executionRate: numOrNull(r.execution_rate),
  ruleTotal: numOrNull(r.rule_total),
  grade: r.grade,
  findingCount: numOrNull(r.finding_count),
  errorCount: numOrNull(r.error_count),
  evaluated: r.evaluated_revision !== null && Number(r.evaluated_revision) === Number(r.revision),
  profileId: r.profile_id,
  updatedAt: r.updated_at,
  updatedBy: { id: r.updated_by_id, username: r.updated_by_username, displayName: r.updated_by_name },
});

/** Sort keys, each ending in the id so pages are stable (and, for the default, in index order). */
const SORTS: Record<FormSort, Array<[string, 'asc' | 'desc']>> = {
  'updated-desc': [
    ['f.updated_at', 'desc'],
    ['f.id', 'desc'],
  ],
  'updated-asc': [
    ['f.updated_at', 'asc'],
    ['f.id', 'asc'],
  ],
  'year-desc': [
    ['f.year', 'desc'],
    ['f.project_name', 'asc'],
    ['f.id', 'asc'],
  ],
  'score-desc': [
    ['f.rule_total', 'desc'],
    ['f.id', 'asc'],
  ],
  'score-asc': [
    ['f.rule_total', 'asc'],
    ['f.id', 'asc'],
  ],
  'name-asc': [
    ['f.project_name', 'asc'],
    ['f.year', 'desc'],
    ['f.id', 'asc'],
  ],
};

const headQuery = prepared((db: Db, id: string) =>
  db
    .selectFrom('forms as f')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .select([
      'f.id',
      'f.project_id',
      'f.org_id',
      'o.path',
      'f.year',
      'f.kind',
      'f.version',
      'f.status',
      'f.revision',
      'f.profile_id',
    ])
    .where('f.id', '=', id),
);

/**
 * Form JSON as bytes, so it goes to the client without a decode/encode round trip. SQLite hands
 * out a blob directly; PostgreSQL would send bytea as hex (twice the size, parsed on arrival), so
 * there the text is fetched and encoded once.
 */
const dataBytes = (db: Db) =>
  db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<Uint8Array | string>`${sql.ref('r.data')}`
    : sql<Uint8Array | string>`cast(${sql.ref('r.data')} as blob)`;

const asBytes = (v: Uint8Array | string): Uint8Array => (typeof v === 'string' ? Buffer.from(v) : v);

const detailQuery = prepared((db: Db, id: string) =>
  selectSummaries(db)
    .innerJoin('revisions as r', (j) =>
      j.onRef('r.form_id', '=', 'f.id').onRef('r.revision', '=', 'f.revision'),
    )
    .innerJoin('users as cu', 'cu.id', 'f.created_by')
    .select([
      'r.created_at as revision_created_at',
      'f.created_at',
      'cu.id as created_by_id',
      'cu.username as created_by_username',
      'cu.display_name as created_by_name',
    ])
    .where('f.id', '=', id),
);

const revisionData = prepared((db: Db, id: string, revision: number) =>
  db
    .selectFrom('revisions as r')
    .select(dataBytes(db).as('data_bytes'))
    .where('r.form_id', '=', id)
    .where('r.revision', '=', revision),
);

const currentData = prepared((db: Db, id: string) =>
  db
    .selectFrom('forms as f')
    .innerJoin('revisions as r', (j) =>
      j.onRef('r.form_id', '=', 'f.id').onRef('r.revision', '=', 'f.revision'),
    )
    .select(['r.data', 'f.revision'])
    .where('f.id', '=', id),
);

const indicatorRows = prepared((db: Db, id: string) =>
  db
    .selectFrom('form_indicators')
    .select(['position', 'year', 'org_id', 'level1', 'level2', 'name', 'target', 'actual', 'weight', 'score'])
    .where('form_id', '=', id),
);

const updateIndicator = prepared(
  (
    db: Db,
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    weight: number | null,
    score: number | null,
    missed: number,
    formId: string,
    position: number,
  ) =>
    db
      .updateTable('form_indicators')
      .set({ level1, level2, name, target, actual, weight, score, missed })
      .where('form_id', '=', formId)
      .where('position', '=', position),
);

const deleteIndicatorsFrom = prepared((db: Db, id: string, from: number) =>
  db.deleteFrom('form_indicators').where('form_id', '=', id).where('position', '>=', from),
);

const deleteIndicators = prepared((db: Db, id: string) =>
  db.deleteFrom('form_indicators').where('form_id', '=', id),
);

const updateContentQueries = new Map<string, ReturnType<typeof buildUpdateContent>>();
const updateContentQuery = (editable: readonly FormStatusWord[]) => {
  const key = editable.join(',');
  let q = updateContentQueries.get(key);
  if (!q) {
    q = buildUpdateContent(editable);
    updateContentQueries.set(key, q);
  }
  return q;
};
function buildUpdateContent(editable: readonly FormStatusWord[]) {
  return prepared(
    (
      db: Db,
      year: number,
      kind: string,
      projectName: string,
      selfTotal: number | null,
      executionRate: number | null,
      searchText: string,
      profileId: string | null,
      now: string,
      userId: string,
      id: string,
      expected: number,
    ) =>
      db
        .updateTable('forms')
        .set((eb) => ({
          revision: eb('revision', '+', 1),
          year,
          kind,
          project_name: projectName,
          self_total: selfTotal,
          execution_rate: executionRate,
          search_text: searchText,
          eval_pending: 1,
          profile_id: eb.fn.coalesce(eb.val(profileId), eb.ref('profile_id')),
          updated_at: now,
          updated_by: userId,
        }))
        .where('id', '=', id)
        .where('revision', '=', expected)
        .where('status', 'in', [...editable]),
  );
}

export const forms = {
  async insert(
    db: Db,
    f: {
      id: string;
      projectId: string;
      orgId: string;
      status: FormStatusWord;
      profileId: string;
      userId: string;
      /** declaration version; default 1. */
      version?: number | undefined;
    },
    content: FormContent,
    now: string,
  ): Promise<void> {
    await db
      .insertInto('forms')
      .values({
        id: f.id,
        project_id: f.projectId,
        org_id: f.orgId,
        year: content.year,
        kind: content.kind,
        version: f.version ?? 1,
        status: f.status,
        revision: 1,
        project_name: content.projectName,
        profile_id: f.profileId,
        self_total: content.selfTotal,
        execution_rate: content.executionRate,
        search_text: content.searchText,
        rule_total: null,
        grade: null,
        finding_count: null,
        error_count: null,
        f_arithmetic: null,
        f_structure: null,
        f_scoring: null,
        f_cross_field: null,
        f_narrative: null,
        f_value: null,
        f_target_quality: null,
        f_monitoring: null,
        f_cross_stage: null,
        evaluated_revision: null,
        eval_pending: 1,
        created_at: now,
        created_by: f.userId,
        updated_at: now,
        updated_by: f.userId,
      })
      .execute();
    await forms.insertIndicators(db, f.id, f.orgId, content.year, content.indicators);
  },

  async insertIndicators(
    db: Db,
    formId: string,
    orgId: string,
    year: number,
    rows: readonly IndicatorRow[],
  ): Promise<void> {
    for (const part of chunks(rows, 400)) {
      await db
        .insertInto('form_indicators')
        .values(part.map((r) => indicatorRecord(formId, orgId, year, r)))
        .execute();
    }
  },

  async getHead(db: Db, id: string): Promise<FormHeadRecord | null> {
    const [r] = (await headQuery(db, id)).rows;
    if (!r) return null;
    return {
      id: r.id,
      projectId: r.project_id,
      orgId: r.org_id,
      orgPath: r.path,
      year: Number(r.year),
      kind: r.kind,
      version: Number(r.version),
      status: r.status as FormStatusWord,
      revision: Number(r.revision),
      profileId: r.profile_id,
    };
  },

  /** The form with everything its detail view shows; `data` is the Form JSON as UTF-8 bytes. */
  /** The form's row and its current revision's Form JSON (kept per store: revision-bytes.ts). */
  async getDetail(db: Db, id: string): Promise<FormDetailRecord | null> {
    const [r] = (await detailQuery(db, id)).rows;
    if (!r) return null;
    const cache = revisionBytesOf(db);
    const key = RevisionBytes.key(id, Number(r.revision), String(r.revision_created_at));
    let data = cache.get(key);
    if (!data) {
      // that revision, even if a save added another since the row was read: its row stays
      const [d] = (await revisionData(db, id, Number(r.revision))).rows;
      if (!d) return null;
      data = asBytes(d.data_bytes);
      cache.set(key, data);
    }
    return {
      ...toSummary(r),
      data,
      createdAt: r.created_at,
      createdBy: { id: r.created_by_id, username: r.created_by_username, displayName: r.created_by_name },
    };
  },

  async getSummary(db: Db, id: string): Promise<FormSummaryRecord | null> {
    const r = await selectSummaries(db).where('f.id', '=', id).executeTakeFirst();
    return r ? toSummary(r) : null;
  },

  /** The current revision's Form JSON text. */
  async getData(db: Db, id: string): Promise<{ data: string; revision: number } | null> {
    const [r] = (await currentData(db, id)).rows;
    return r ? { data: r.data, revision: Number(r.revision) } : null;
  },

  /**
   * Saves content as revision `expectedRevision + 1` if the form is still at `expectedRevision` and
   * in one of `editable` statuses. Atomic: of two saves on the same revision exactly one wins.
   */
  async updateContent(
    db: Db,
    id: string,
    expectedRevision: number,
    editable: readonly FormStatusWord[],
    content: FormContent,
    change: { userId: string; orgId: string; profileId?: string | undefined },
    now: string,
  ): Promise<boolean> {
    const r = await updateContentQuery(editable)(
      db,
      content.year,
      content.kind,
      content.projectName,
      content.selfTotal,
      content.executionRate,
      content.searchText,
      change.profileId ?? null,
      now,
      change.userId,
      id,
      expectedRevision,
    );
    if (r.numAffectedRows !== 1) return false;
    await forms.syncIndicators(db, id, change.orgId, content.year, content.indicators);
    return true;
  },

  /** Brings the indicator rows in line with a new revision, writing only the rows that changed. */
  async syncIndicators(
    db: Db,
    formId: string,
    orgId: string,
    year: number,
    rows: readonly IndicatorRow[],
  ): Promise<void> {
    const stored = await indicatorRows(db, formId);
    if (stored.rows.length && (stored.rows[0]!.year !== year || stored.rows[0]!.org_id !== orgId)) {
      await deleteIndicators(db, formId);
      await forms.insertIndicators(db, formId, orgId, year, rows);
      return;
    }
    const byPosition = new Map(stored.rows.map((r) => [Number(r.position), r]));
    const added: IndicatorRow[] = [];
    for (const row of rows) {
      const old = byPosition.get(row.position);
      if (!old) added.push(row);
      else if (
        old.level1 !== row.level1 ||
        old.level2 !== row.level2 ||
        old.name !== row.name ||
        old.target !== row.target ||
        old.actual !== row.actual ||
        numOrNull(old.weight) !== row.weight ||
        numOrNull(old.score) !== row.score
      ) {
        await updateIndicator(
          db,
          row.level1,
          row.level2,
          row.name,
          row.target,
          row.actual,
          row.weight,
          row.score,
          row.missed ? 1 : 0,
          formId,
          row.position,
        );
      }
    }
    if (stored.rows.length > rows.length) await deleteIndicatorsFrom(db, formId, rows.length);
    if (added.length) await forms.insertIndicators(db, formId, orgId, year, added);
  },

  /** Moves `from` → `to` (and, with `expectedRevision`, only at that revision); false when it did not match. */
  async updateStatus(
    db: Db,
    id: string,
    from: FormStatusWord,
    to: FormStatusWord,
    userId: string,
    now: string,
    expectedRevision?: number,
  ): Promise<boolean> {
    let q = db
      .updateTable('forms')
      .set({ status: to, updated_at: now, updated_by: userId })
      .where('id', '=', id)
      .where('status', '=', from);
    if (expectedRevision !== undefined) q = q.where('revision', '=', expectedRevision);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async delete(db: Db, id: string, status: FormStatusWord, revision?: number): Promise<boolean> {
    let q = db.deleteFrom('forms').where('id', '=', id).where('status', '=', status);
    if (revision !== undefined) q = q.where('revision', '=', revision);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  async findExisting(
    db: Db,
    projectId: string,
    year: number,
    kind: string,
    version = 1,
  ): Promise<FormHeadRecord | null> {
    const r = await db
      .selectFrom('forms')
      .select('id')
      .where('project_id', '=', projectId)
      .where('year', '=', year)
      .where('kind', '=', kind)
      .where('version', '=', version)
      .executeTakeFirst();
    return r ? forms.getHead(db, r.id) : null;
  },

  async list(
    db: Db,
    filter: FormFilter,
    sort: FormSort,
    page: number,
    pageSize: number,
  ): Promise<Page<FormSummaryRecord>> {
    // Scope as `org_id IN (subtree)`: the page can then be read in index order from forms alone,
    // joining orgs and users only for the rows shown.
    let scope = db.selectFrom('orgs as so').select('so.id').where(startsWith('so.path', filter.scopePath));
    if (filter.orgPath) scope = scope.where(startsWith('so.path', filter.orgPath));
    // SQLite would rather use the org index and sort every form in scope than walk forms_updated
    // in order; hiding the org column from the planner (`org_id || ''`) makes it walk the index.
    const walkByUpdated =
      sort.startsWith('updated') && !(db.getExecutor().adapter instanceof PostgresAdapter);
    let q = walkByUpdated
      ? db.selectFrom('forms as f').where(sql<string>`${sql.ref('f.org_id')} || ''`, 'in', scope)
      : db.selectFrom('forms as f').where('f.org_id', 'in', scope);
    if (filter.projectId) q = q.where('f.project_id', '=', filter.projectId);
    if (filter.year !== undefined) q = q.where('f.year', '=', filter.year);
    if (filter.kind) q = q.where('f.kind', '=', filter.kind);
    if (filter.status) q = q.where('f.status', '=', filter.status);
    if (filter.grade) q = q.where('f.grade', '=', filter.grade);
    if (filter.hasFindings === true) q = q.where('f.finding_count', '>', 0);
    if (filter.hasFindings === false) q = q.where('f.finding_count', '=', 0);
    if (filter.q) q = q.where(contains('f.search_text', filter.q.toLowerCase()));
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // Two steps: the page's ids (from indexes where possible), then those rows with their names.
    let ids = q.select('f.id');
    for (const [column, dir] of SORTS[sort]) ids = ids.orderBy(column as 'f.updated_at', dir);
    const pageIds = (
      await ids
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute()
    ).map((r) => r.id);
    let rows = selectSummaries(db).where('f.id', 'in', pageIds.length ? pageIds : ['']);
    for (const [column, dir] of SORTS[sort]) rows = rows.orderBy(column as 'f.updated_at', dir);
    const items = await rows.execute();
    return { items: items.map(toSummary), total: num(total.n), page, pageSize };
  },

  /** Forms whose stored evaluation is older than their revision, oldest change first. */
  async pendingEvaluations(
    db: Db,
    limit: number,
  ): Promise<
    Array<{ id: string; revision: number; data: string; profileId: string; projectId: string; year: number }>
  > {
    const rows = await db
      .selectFrom('forms as f')
      .innerJoin('revisions as r', (j) =>
        j.onRef('r.form_id', '=', 'f.id').onRef('r.revision', '=', 'f.revision'),
      )
      .select(['f.id', 'f.revision', 'r.data', 'f.profile_id', 'f.project_id', 'f.year'])
      .where('f.eval_pending', '=', 1)
      .orderBy('f.updated_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      revision: Number(r.revision),
      data: r.data,
      profileId: r.profile_id,
      projectId: r.project_id,
      year: Number(r.year),
    }));
  },

  /** Stores an evaluation of `revision`; false when the form has moved on since (it stays pending). */
  async writeEvaluation(
    db: Db,
    id: string,
    revision: number,
    e: {
      ruleTotal: number | null;
      grade: string | null;
      findingCount: number;
      errorCount: number;
      byFamily: FamilyCounts;
    },
  ): Promise<boolean> {
    const r = await db
      .updateTable('forms')
      .set({
        rule_total: e.ruleTotal,
        grade: e.grade,
        finding_count: e.findingCount,
        error_count: e.errorCount,
        f_arithmetic: e.byFamily.arithmetic,
        f_structure: e.byFamily.structure,
        f_scoring: e.byFamily.scoring,
        f_cross_field: e.byFamily['cross-field'],
        f_narrative: e.byFamily.narrative,
        f_value: e.byFamily.value,
        f_target_quality: e.byFamily['target-quality'],
        f_monitoring: e.byFamily.monitoring,
        f_cross_stage: e.byFamily['cross-stage'],
        evaluated_revision: revision,
        eval_pending: 0,
      })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The core could not evaluate this revision: stop retrying it, leave the numbers empty. */
  async markEvaluationFailed(db: Db, id: string, revision: number): Promise<void> {
    await db
      .updateTable('forms')
      .set({
        rule_total: null,
        grade: null,
        finding_count: null,
        error_count: null,
        evaluated_revision: revision,
        eval_pending: 0,
      })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .execute();
  },

  async countPending(db: Db): Promise<number> {
    const r = await db
      .selectFrom('forms')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('eval_pending', '=', 1)
      .executeTakeFirstOrThrow();
    return num(r.n);
  },

  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom('forms')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(r.n);
  },

  async indicators(db: Db, formId: string): Promise<IndicatorRow[]> {
    const rows = await db
      .selectFrom('form_indicators')
      .select(['position', 'level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'missed'])
      .where('form_id', '=', formId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      position: Number(r.position),
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      target: r.target,
      actual: r.actual,
      weight: numOrNull(r.weight),
      score: numOrNull(r.score),
      missed: Number(r.missed) === 1,
    }));
  },
};

/** Stored forms with this project name, year and kind inside a scope (the import preview's "already stored"). */
export async function findFormsByProjectName(
  db: Db,
  scopePath: string,
  projectName: string,
  year: number,
  kind: string,
  /** a declaration's version; all versions when absent. */
  version?: number,
): Promise<Array<{ id: string; revision: number; orgId: string }>> {
  let q = db
    .selectFrom('forms as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .select(['f.id', 'f.revision', 'f.org_id'])
    .where('p.name', '=', projectName)
    .where('f.year', '=', year)
    .where('f.kind', '=', kind)
    .where(startsWith('o.path', scopePath));
  if (version !== undefined) q = q.where('f.version', '=', version);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, revision: Number(r.revision), orgId: r.org_id }));
}

/**
 * A project's chain for a year (lifecycle.md §3): every form of the project in that year, all kinds
 * and all declaration versions, by kind then version then 1–N月 order of creation.
 */
export async function chainForms(db: Db, projectId: string, year: number): Promise<FormSummaryRecord[]> {
  const rows = await selectSummaries(db)
    .where('f.project_id', '=', projectId)
    .where('f.year', '=', year)
    .orderBy('f.kind')
    .orderBy('f.version')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  return rows.map(toSummary);
}

/** The Form JSON of several forms' current revisions, by form id. */
export async function currentDataOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('forms as f')
    .innerJoin('revisions as r', (j) =>
      j.onRef('r.form_id', '=', 'f.id').onRef('r.revision', '=', 'f.revision'),
    )
    .select(['f.id', 'r.data'])
    .where('f.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.data]));
}

/**
 * Marks the other forms of a project-year for re-evaluation: their cross-stage findings read this
 * form (lifecycle.md §4.3), so a change here changes theirs.
 */
export async function markChainPending(
  db: Db,
  projectId: string,
  year: number,
  exceptId: string,
): Promise<void> {
  await db
    .updateTable('forms')
    .set({ eval_pending: 1 })
    .where('project_id', '=', projectId)
    .where('year', '=', year)
    .where('id', '!=', exceptId)
    .execute();
}

/** Moves a form's status unconditionally from one of `from` (a superseded version, set by the approval of the next). */
export async function setStatus(
  db: Db,
  id: string,
  from: FormStatusWord,
  to: FormStatusWord,
): Promise<boolean> {
  const r = await db
    .updateTable('forms')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Of these projects, the `projectId|year` pairs holding more than one form (a chain to check). */
export async function multiFormProjectYears(db: Db, projectIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('forms')
    .select((eb) => ['project_id', 'year', eb.fn.countAll().as('n')])
    .where('project_id', 'in', ids)
    .groupBy(['project_id', 'year'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return new Set(rows.map((r) => `${r.project_id}|${Number(r.year)}`));
}

/**
 * Forms of one kind under an org subtree (within the caller's scope), with their stored count of
 * cross-stage findings: the department views of the lifecycle (warnings, aggregate).
 */
export async function formsOfKindUnder(
  db: Db,
  f: { scopePath: string; orgPath: string; kind: string; year?: number | undefined },
): Promise<Array<FormSummaryRecord & { crossStage: number }>> {
  let q = selectSummaries(db)
    .select('f.f_cross_stage')
    .where(startsWith('o.path', f.scopePath))
    .where(startsWith('o.path', f.orgPath))
    .where('f.kind', '=', f.kind);
  if (f.year !== undefined) q = q.where('f.year', '=', f.year);
  const rows = await q.orderBy('o.path').orderBy('f.project_name').orderBy('f.id').execute();
  return rows.map((r) => ({ ...toSummary(r), crossStage: num(r.f_cross_stage ?? 0) }));
}
