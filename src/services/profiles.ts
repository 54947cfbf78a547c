import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../core/result.ts';
import { type Profile, resolveProfile } from '../core/rules/profile.ts';

export const DEFAULT_PROFILE = 'national';
export const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');

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
