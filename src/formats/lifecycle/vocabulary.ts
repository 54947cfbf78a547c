import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FormKind } from '../../core/form/schema.ts';
import { kindFromTitle } from '../../core/lifecycle/kind.ts';
import { labelKey } from '../grid/cell-text.ts';
import { TEMPLATES_DIR } from '../templates/load-templates.ts';

// The labels of the three lifecycle kinds (lifecycle.md §2.1–2.3) are data: the `lifecycle` part of
// templates/vocabulary.json. The first term of each list is the one the exporters print; every term
// is read. `{N}` stands for the month a monitoring period ends (`1-{N}月执行数` → `1-6月执行数`).
// Core's template schema does not know this part (it keeps to the self-evaluation's roles), so it
// is validated here, loudly, like the family files.

const terms = z.array(z.string().min(1)).min(1);
const termMap = z.record(z.string(), terms);

export const lifecycleVocabularySchema = z.object({
  source: z.string().min(1),
  titles: z.record(z.string(), terms),
  fields: termMap,
  goals: termMap,
  sections: termMap,
  columns: z.record(z.string(), termMap),
  printed: z.record(z.string(), z.record(z.string(), z.string())),
  values: z.object({
    yes: terms,
    no: terms,
    notPrinted: z.string().min(1),
    causeSeparator: z.string().min(1),
    status: z.record(z.string(), z.string()),
  }),
});
export type LifecycleVocabulary = z.infer<typeof lifecycleVocabularySchema>;

let cached: LifecycleVocabulary | null = null;

export function lifecycleVocabulary(): LifecycleVocabulary {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(TEMPLATES_DIR, 'vocabulary.json'), 'utf8')) as {
    lifecycle?: unknown;
  };
  const r = lifecycleVocabularySchema.safeParse(raw.lifecycle);
  if (!r.success) throw new Error(`templates/vocabulary.json 的 lifecycle 部分格式不对：${r.error.message}`);
  cached = r.data;
  return cached;
}

/**
 * The kind a printed title names (lifecycle.md §2), by core's one rule (`kindFromTitle`); a title
 * that names none is read as a self-evaluation, as before.
 */
export function kindOfTitle(title: string): FormKind {
  return kindFromTitle(title) ?? 'project-self-evaluation';
}

export function isLifecycleKind(kind: FormKind): boolean {
  return kind !== 'project-self-evaluation';
}

/** A term as a matcher: `1-{N}月执行数` matches `1-6月执行数`, `1—7月执行数`, `1至8月执行数`. */
type Matcher = { key: string; month: RegExp | null };

function matcher(term: string): Matcher {
  const key = labelKey(term);
  if (!key.includes('{N}')) return { key, month: null };
  const [before, after] = key.split('{N}') as [string, string];
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lead = esc(before).replace(/-/g, '[-–—~～至到]');
  return { key, month: new RegExp(`^${lead}(\\d{1,2})${esc(after)}$`) };
}

export type TermHit<K extends string> = { name: K; month: number | null };

/** Lookup of one group of term lists (`fields`, `sections`, a table's columns) by a cell's label key. */
export class TermIndex<K extends string = string> {
  private readonly exact = new Map<string, K>();
  private readonly patterns: Array<{ re: RegExp; name: K }> = [];

  constructor(map: Record<string, string[]>) {
    for (const [name, list] of Object.entries(map))
      for (const t of list) {
        const m = matcher(t);
        if (m.month) this.patterns.push({ re: m.month, name: name as K });
        else if (!this.exact.has(m.key)) this.exact.set(m.key, name as K);
      }
  }

  /** `key` is a grid label key; a trailing unit in brackets (`项目资金(万元)`) is not part of the label. */
  find(key: string): TermHit<K> | null {
    const k = key.replace(/^其中[:：]?/, '').replace(/\((?:万元|元|%)\)$/, '');
    const hit = this.exact.get(k) ?? this.exact.get(key);
    if (hit) return { name: hit, month: null };
    for (const p of this.patterns) {
      const m = p.re.exec(k);
      if (m) return { name: p.name, month: Number(m[1]) };
    }
    return null;
  }
}

/** What the exporters print for a field: the kind's own wording, else the list's first term. */
export function printedLabel(
  kind: FormKind,
  path: string,
  list: readonly string[] | undefined,
  month?: number,
): string {
  const v = lifecycleVocabulary();
  const label = v.printed[kind]?.[path] ?? list?.[0] ?? path;
  if (!label.includes('{N}')) return label;
  // Without a month the period is named by the vocabulary's second wording (`截至目前执行数`).
  if (month === undefined) return list?.find((t) => !t.includes('{N}')) ?? label.replace('{N}', 'N');
  return label.replace('{N}', String(month));
}
