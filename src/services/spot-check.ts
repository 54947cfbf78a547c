import { basename } from 'node:path';
import { evaluateForm } from '../core/evaluate.ts';
import type { Form } from '../core/form/schema.ts';
import {
  buildSpotCheck,
  describeFilter,
  type SpotCheckEntry,
  type SpotCheckReport,
  spotCheckEntry,
} from '../core/report/spot-check.ts';
import type { Profile } from '../core/rules/profile.ts';
import type { ExportedFile } from '../formats/export-any.ts';
import { FormatError } from '../formats/format-error.ts';
import { renderSpotCheck, type SpotCheckFormat } from '../formats/report/render.ts';
import { type FormStatusWord, reportForms, type Store } from '../store/index.ts';
import { REVIEWER_ROLES, requireRole } from './access.ts';
import type { Actor, AppContext } from './context.ts';
import { expandInputs, importFile } from './import-files.ts';
import { orgInScope } from './org-admin.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { ServiceError } from './service-error.ts';
import { STATUS_LABELS } from './workflow-rules.ts';

// 抽查报告 over many forms: from the database (every form in the caller's scope, filtered by year,
// unit and status) or from files (a folder of exported or imported forms). Each form is scored and
// audited afresh under its own profile, so the report lists every finding, which the stored
// counts alone cannot. Forms are read a page at a time.

export type SpotCheckQuery = {
  year?: number | undefined;
  /** the org subtree (API: an org id in scope). */
  orgId?: string | undefined;
  /** units whose name contains this text (CLI --unit; for files, the form's 实施单位). */
  unit?: string | undefined;
  /** a status word (`submitted`) or its label (`已提交`). */
  status?: string | undefined;
};

const PAGE = 500;

/** `submitted` or `已提交` → `submitted`; anything else is a usage error. */
export function statusWord(status: string | undefined): FormStatusWord | undefined {
  if (status === undefined || status === '') return undefined;
  for (const [word, label] of Object.entries(STATUS_LABELS))
    if (status === word || status === label) return word as FormStatusWord;
  throw new ServiceError(
    'bad-request',
    `状态“${status}”不存在（可用：${Object.entries(STATUS_LABELS)
      .map(([w, l]) => `${w}/${l}`)
      .join('、')}）`,
  );
}

function profileCache() {
  const byId = new Map<string, Profile>();
  return (id: string, form: Form): Profile => {
    let p = byId.get(id);
    if (!p) {
      const loaded = loadProfile(id);
      // a stored form whose profile is gone is scored by its template's (or national), as the evaluator does
      const fallback = loaded.ok ? loaded : loadProfile(profileForForm(form));
      if (!fallback.ok) throw new ServiceError('bad-request', fallback.reason);
      p = fallback.value;
      byId.set(id, p);
    }
    return p;
  };
}

/** Every form in scope in the database (an actor's scope, or all of it for the CLI). */
export async function spotCheckFromStore(
  store: Store,
  /** the caller's scope and, optionally, one org subtree in it (named in the report's scope line). */
  scope: { scopePath: string; orgPath?: string | undefined; orgName?: string | undefined },
  q: SpotCheckQuery,
  onProgress?: (done: number, total: number) => void,
): Promise<SpotCheckReport> {
  const status = statusWord(q.status);
  const filter = {
    scopePath: scope.scopePath,
    orgPath: scope.orgPath,
    orgName: q.unit?.trim() || undefined,
    year: q.year,
    status,
    kind: 'project-self-evaluation',
  };
  const total = await reportForms.count(store.db, filter);
  const profileOf = profileCache();
  const entries: SpotCheckEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await reportForms.page(store.db, filter, after, PAGE);
    for (const r of rows) {
      const form = JSON.parse(r.data) as Form;
      const ev = evaluateForm(form, profileOf(r.profileId, form));
      entries.push(spotCheckEntry({ id: r.id, unit: r.orgName, status: STATUS_LABELS[r.status] }, form, ev));
    }
    onProgress?.(entries.length, total);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const unitWords = [scope.orgPath ? scope.orgName : undefined, q.unit?.trim()].filter(Boolean).join('，');
  const scopeWords = describeFilter({
    year: q.year,
    unit: unitWords || undefined,
    status: status ? STATUS_LABELS[status] : undefined,
  });
  return buildSpotCheck(entries, {
    scope: scopeWords,
    source: `数据库（${store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}）`,
  });
}

/** Every form in FILE|DIR… (any importable format; a file may hold several forms). */
export async function spotCheckFromFiles(
  inputs: readonly string[],
  q: SpotCheckQuery,
  profileId?: string,
  onProgress?: (done: number, total: number, file: string) => void,
): Promise<{ report: SpotCheckReport; failed: Array<{ file: string; error: string }> }> {
  if (q.status)
    throw new ServiceError('bad-request', '文件中的自评表没有流转状态：按状态筛选需使用 --database');
  if (profileId !== undefined) {
    const given = loadProfile(profileId);
    if (!given.ok) throw new FormatError('unsupported-format', inputs.join(' '), given.reason);
  }
  const { files, missing } = await expandInputs(inputs);
  if (files.length === 0)
    throw new FormatError(
      'unreadable',
      inputs.join(' '),
      missing.length ? '文件或目录不存在' : '目录中没有可导入的文件（.xlsx .docx .pdf .html .txt .json 等）',
    );
  const unit = q.unit?.trim();
  const profileOf = profileCache();
  const entries: SpotCheckEntry[] = [];
  const failed: Array<{ file: string; error: string }> = missing.map((m) => ({
    file: m,
    error: '文件或目录不存在',
  }));
  for (const [i, file] of files.entries()) {
    const outcome = await importFile(file);
    onProgress?.(i + 1, files.length, file);
    if (!outcome.ok) {
      failed.push({ file, error: outcome.error });
      continue;
    }
    outcome.results.forEach(({ form }, k) => {
      if (q.year !== undefined && form.year !== q.year) return;
      if (unit && !form.implementingUnit.includes(unit)) return;
      const id = outcome.results.length > 1 ? `${basename(file)} #${k + 1}` : basename(file);
      const profile = profileOf(profileForForm(form, profileId), form);
      entries.push(spotCheckEntry({ id }, form, evaluateForm(form, profile)));
    });
  }
  const report = buildSpotCheck(entries, {
    scope: describeFilter({ year: q.year, unit }),
    source: `文件（${inputs.join('、')}，${files.length} 个文件${failed.length ? `，${failed.length} 个无法读取` : ''}）`,
  });
  return { report, failed };
}

export async function spotCheckFile(report: SpotCheckReport, format: SpotCheckFormat): Promise<ExportedFile> {
  return renderSpotCheck(report, format);
}

/** GET /api/reports/spot-check: the report over the reviewer's scope, as a file. */
export async function exportSpotCheck(
  ctx: AppContext,
  actor: Actor,
  q: SpotCheckQuery & { format: SpotCheckFormat },
): Promise<ExportedFile & { fileName: string }> {
  requireRole(actor, REVIEWER_ROLES, '导出抽查报告');
  const org = q.orgId ? await orgInScope(ctx.store.db, actor, q.orgId) : null;
  const report = await spotCheckFromStore(
    ctx.store,
    {
      scopePath: actor.orgPath,
      orgPath: org && org.path !== actor.orgPath ? org.path : undefined,
      orgName: org?.name,
    },
    { year: q.year, status: q.status },
  );
  const file = await renderSpotCheck(report, q.format);
  const name = [
    '抽查报告',
    org?.name,
    q.year ? `${q.year}年度` : '',
    q.status ? STATUS_LABELS[statusWord(q.status)!] : '',
  ]
    .filter(Boolean)
    .join('-');
  return { ...file, fileName: `${name}${file.extension}` };
}
