import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// stack.md "Layout": imports point toward core only. Biome enforces part of this per folder;
// this test reads every import statement, bare import and dynamic import() and checks them all.

const ROOT = resolve(import.meta.dirname, '..');
const LAYERS = ['core', 'contract', 'formats', 'store', 'services', 'server', 'cli'] as const;
type Layer = (typeof LAYERS)[number] | 'web';

/** Which layers each layer may import (its own included). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  contract: ['contract', 'core'],
  formats: ['formats', 'core'],
  store: ['store', 'core'],
  services: ['services', 'core', 'formats', 'store'],
  server: ['server', 'core', 'contract', 'services'],
  cli: ['cli', 'core', 'services', 'server'],
  web: ['web', 'core', 'contract'],
};

/** Packages only one layer may use (stack.md). */
const PACKAGE_OWNER: Record<string, Layer> = {
  kysely: 'store',
  pg: 'store',
  'better-sqlite3': 'store',
  exceljs: 'formats',
  docx: 'formats',
  pdfkit: 'formats',
  'pdfjs-dist': 'formats',
  parse5: 'formats',
  fastify: 'server',
  commander: 'cli',
};

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(files(p));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(p);
  }
  return out;
}

function layerOf(file: string): Layer | null {
  const rel = relative(ROOT, file).split(sep);
  if (rel[0] === 'web') return 'web';
  if (rel[0] === 'src' && (LAYERS as readonly string[]).includes(rel[1] ?? '')) return rel[1] as Layer;
  return null;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

const sources = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'web', 'src'))];

describe('architecture', () => {
  it('finds the source tree', () => {
    expect(sources.some((f) => f.includes(`${sep}core${sep}`))).toBe(true);
  });

  it('recognises every import form', () => {
    expect(
      importsOf(
        `import a from './a.ts';\nimport './b.ts';\nconst c = await import('./c.ts');\nexport { d } from './d.ts';`,
      ),
    ).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts']);
  });

  it('imports point toward core only, and packages stay in their layer', () => {
    const violations: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      if (!from) continue;
      const isTest = /\.test\.tsx?$/.test(file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const to = layerOf(resolve(file, '..', spec));
          if (to && !ALLOWED[from].includes(to))
            violations.push(`${relative(ROOT, file)} → ${spec} (${from} → ${to})`);
          continue;
        }
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (from === 'core' && !isTest && pkg !== 'zod')
          violations.push(`${relative(ROOT, file)} → ${spec} (core imports zod only)`);
        const owner = PACKAGE_OWNER[pkg];
        if (owner && owner !== from && !isTest)
          violations.push(`${relative(ROOT, file)} → ${spec} (only ${owner} may import ${pkg})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
