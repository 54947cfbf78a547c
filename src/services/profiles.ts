import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Form } from '../core/form/schema.ts';
import type { Result } from '../core/result.ts';
import { type Profile, resolveProfile } from '../core/rules/profile.ts';

export const DEFAULT_PROFILE = 'national';
export const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
/** Template families (`templates/<id>.json`), each naming the rule profile its forms are scored by. */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

let cache: { dir: string; files: Record<string, unknown> } | null = null;

/** Every rules/*.json by id: adding a region is adding a file (rules.md preamble). */
export function profileFiles(dir = RULES_DIR): Record<string, unknown> {
  if (cache?.dir === dir) return cache.files;
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id?: unknown };
    const id = typeof raw.id === 'string' ? raw.id : name.replace(/\.json$/, '');
    files[id] = raw;
  }
  cache = { dir, files };
  return files;
}

export function loadProfile(id: string = DEFAULT_PROFILE, dir = RULES_DIR): Result<Profile> {
  return resolveProfile(id, profileFiles(dir));
}

export function listProfiles(dir = RULES_DIR): Array<{ id: string; name: string; description: string }> {
  const files = profileFiles(dir);
  return Object.keys(files).flatMap((id) => {
    const p = resolveProfile(id, files);
    return p.ok ? [{ id, name: p.value.name, description: p.value.description }] : [];
  });
}

const templateCache = new Map<string, ReadonlyMap<string, string>>();

/**
 * Template id → the rule profile it names (`"profile"` in `templates/<id>.json`). Tolerant: a
 * missing folder, an unreadable file or one without string `id` and `profile` is left out, never
 * an error — a form whose template is unknown is scored by the default profile.
 */
export function templateProfiles(dir = TEMPLATES_DIR): ReadonlyMap<string, string> {
  const cached = templateCache.get(dir);
  if (cached) return cached;
  const out = new Map<string, string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    // No templates/ folder (yet): every form falls back to the default profile.
  }
  for (const name of names.sort()) {
    try {
      const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id?: unknown; profile?: unknown };
      const id = typeof raw.id === 'string' ? raw.id : name.replace(/\.json$/, '');
      if (typeof raw.profile === 'string' && raw.profile) out.set(id, raw.profile);
    } catch {
      // A template file being written or broken says nothing about profiles: skip it.
    }
  }
  templateCache.set(dir, out);
  return out;
}

/**
 * The rule profile to evaluate a form by: the explicit one when given; else the profile named by
 * the template file whose `id` equals `form.template` (when that profile exists); else `national`.
 */
export function profileForForm(
  form: Pick<Form, 'template'>,
  explicitProfileId?: string,
  dirs: { templates?: string; rules?: string } = {},
): string {
  if (explicitProfileId !== undefined) return explicitProfileId;
  if (form.template === undefined) return DEFAULT_PROFILE;
  const named = templateProfiles(dirs.templates).get(form.template);
  if (named === undefined || !(named in profileFiles(dirs.rules))) return DEFAULT_PROFILE;
  return named;
}
