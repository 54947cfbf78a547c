import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  mergeVocabulary,
  type Template,
  templateSchema,
  type Vocabulary,
  vocabularySchema,
} from '../../core/template/schema.ts';

// templates/*.json: the printed template families (one file each) and vocabulary.json, the labels
// every family shares. Read once per process; a file that does not validate is a programming
// error in the data and stops the reader loudly rather than silently reading with fewer labels.

export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates');

export type TemplateSet = {
  /** the shared vocabulary merged with every family's own terms: what the readers look for. */
  vocabulary: Vocabulary;
  families: Template[];
};

let cached: { dir: string; set: TemplateSet } | null = null;

export function loadTemplates(dir = TEMPLATES_DIR): TemplateSet {
  if (cached?.dir === dir) return cached.set;
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  let vocabulary = vocabularySchema.parse({});
  const families: Template[] = [];
  for (const name of names) {
    const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    if (name === 'vocabulary.json') {
      const { id: _id, name: _name, source: _source, ...terms } = raw;
      vocabulary = mergeVocabulary(vocabulary, parseOrThrow(vocabularySchema, terms, name));
      continue;
    }
    families.push(parseOrThrow(templateSchema, raw, name));
  }
  for (const f of families) vocabulary = mergeVocabulary(vocabulary, f.vocabulary);
  const set = { vocabulary, families };
  cached = { dir, set };
  return set;
}

function parseOrThrow<T>(
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } };
  },
  value: unknown,
  file: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`templates/${file} 格式不对：${r.error.message}`);
  return r.data;
}
