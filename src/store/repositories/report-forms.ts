import type { Db } from '../open-store.ts';
import type { FormStatusWord } from '../records.ts';
import { contains, num, startsWith } from '../sql-util.ts';

// The forms a spot-check report reads: each form's current Form JSON with the org it is filed
// under and its status, over a scope and a filter, a page at a time in id order (keyset paging: a
// report over 100,000 forms never holds more than a page of Form JSON text at once).

export type ReportFormFilter = {
  /** the caller's scope (org path prefix). */
  scopePath: string;
  /** one org subtree within the scope. */
  orgPath?: string | undefined;
  /** orgs whose name contains this text (the CLI's --unit). */
  orgName?: string | undefined;
  year?: number | undefined;
  status?: FormStatusWord | undefined;
  kind?: string | undefined;
};

export type ReportFormRow = {
  id: string;
  orgName: string;
  status: FormStatusWord;
  profileId: string;
  /** Form JSON of the current revision. */
  data: string;
};

function scoped(db: Db, f: ReportFormFilter) {
  let q = db
    .selectFrom('forms as f')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .where(startsWith('o.path', f.scopePath));
  if (f.orgPath) q = q.where(startsWith('o.path', f.orgPath));
  if (f.orgName) q = q.where(contains('o.name', f.orgName));
  if (f.year !== undefined) q = q.where('f.year', '=', f.year);
  if (f.status) q = q.where('f.status', '=', f.status);
  if (f.kind) q = q.where('f.kind', '=', f.kind);
  return q;
}

export const reportForms = {
  /** How many forms the filter selects. */
  async count(db: Db, f: ReportFormFilter): Promise<number> {
    const r = await scoped(db, f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return num(r.n);
  },

  /** Up to `limit` forms with an id after `after` (null: from the start), in id order. */
  async page(db: Db, f: ReportFormFilter, after: string | null, limit: number): Promise<ReportFormRow[]> {
    let q = scoped(db, f)
      .innerJoin('revisions as r', (j) =>
        j.onRef('r.form_id', '=', 'f.id').onRef('r.revision', '=', 'f.revision'),
      )
      .select(['f.id', 'o.name as org_name', 'f.status', 'f.profile_id', 'r.data']);
    if (after !== null) q = q.where('f.id', '>', after);
    const rows = await q.orderBy('f.id').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      orgName: r.org_name,
      status: r.status as FormStatusWord,
      profileId: r.profile_id,
      data: r.data,
    }));
  },
};
