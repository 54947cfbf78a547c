import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_TXT } from './fixtures/build-form.ts';

// bin/jixiao runs the compiled build/ when it is current and the TypeScript through tsx otherwise
// (issue 12 item 6); both must behave the same.

const BIN = resolve(ROOT, 'bin', 'jixiao');
const run = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    cwd: ROOT,
    timeout: 60_000,
    env: { ...process.env, JIXIAO_DEBUG: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const FALLBACK = /经 tsx 运行 TypeScript/;

describe('compiled CLI (build/)', () => {
  it('compiles every non-test source of src/ to the same path under build/, and bin/jixiao then runs it', () => {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs'), '--if-stale'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(b.status, b.stderr).toBe(0);
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : [join(dir, e.name)],
      );
    const ts = sources(join(ROOT, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of ts) {
      const js = join(ROOT, 'build', f.slice(join(ROOT, 'src').length).replace(/\.ts$/, '.js'));
      expect(existsSync(js), js).toBe(true);
    }
    // No relative import still names a .ts file: node would not find it from build/.
    const main = readFileSync(join(ROOT, 'build', 'cli', 'main.js'), 'utf8');
    expect(main).not.toMatch(/from "\.{1,2}\/[^"]+\.ts"/);
    expect(main).toMatch(/from "\.\/commands\/import\.js"/);
    // zod is bundled once (build/vendor/zod.js) and every compiled module imports that file
    const compiled = sources(join(ROOT, 'build')).filter((f) => f.endsWith('.js') && !f.includes('/vendor/'));
    const schema = readFileSync(join(ROOT, 'build', 'core', 'form', 'schema.js'), 'utf8');
    expect(schema).toMatch(/from "\.\.\/\.\.\/vendor\/zod\.js"/);
    for (const f of compiled) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from "zod"/);
    expect(readFileSync(join(ROOT, 'build', 'vendor', 'zod.js'), 'utf8')).toMatch(/\bexport\b[^;]*\bz\b/);

    // The build can only be older than a source if one changed during this test; then it is rebuilt
    // by the next `npm run build`, and this run checks the fallback instead.
    const stale =
      statSync(join(ROOT, 'build', '.built')).mtimeMs < Math.max(...ts.map((f) => statSync(f).mtimeMs));
    const r = run({}, '--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('0.1.0');
    if (!stale) expect(r.err).not.toMatch(FALLBACK);
  });

  // Starting is loading: every command registers at start, so one command's static import of the
  // store or a reader is paid by `--version` and by every other command (a static import of the
  // lifecycle checks and the job runner put --version at 0.9 s). Runs the compiled build only.
  it('loads no dependency but commander, and none of store/readers/writers, for --version', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'jixiao-modules-')), 'modules.txt');
    const r = spawnSync(
      process.execPath,
      ['--import', join(ROOT, 'test', 'fixtures', 'module-log', 'register.mjs'), BIN, '--version'],
      { encoding: 'utf8', cwd: ROOT, timeout: 60_000, env: { ...process.env, JIXIAO_MODULE_LOG: log } },
    );
    expect(r.status, r.stderr).toBe(0);
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    if (urls.some((u) => u.includes('/src/cli/main.ts'))) return; // build/ stale: tsx ran the sources
    expect(urls.some((u) => u.includes('/build/cli/main.js'))).toBe(true);
    const packages = [
      ...new Set(urls.flatMap((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1] ?? [])),
    ];
    expect(packages).toEqual(['commander']);
    const heavy = urls.filter((u) =>
      /\/build\/(store|server)\/|\/build\/services\/(background|context|import-files|parse-pool)\.js|\/build\/formats\/(pdf\/fonts\.js|text\/|cells\/|grid\/|xlsx\/|docx\/)/.test(
        u,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it('imports a text form to the same Form JSON compiled and through tsx, and says which it ran only in debug', () => {
    const compiled = run({}, 'import', SEED_TXT, '--json');
    const tsx = run({ JIXIAO_TSX: '1' }, 'import', SEED_TXT, '--json');
    expect(compiled.code).toBe(0);
    expect(tsx.code).toBe(0);
    expect(JSON.parse(compiled.out)).toEqual(JSON.parse(tsx.out));
    expect(tsx.err).toMatch(FALLBACK);
    const quiet = run({ JIXIAO_TSX: '1', JIXIAO_DEBUG: '' }, '--version');
    expect(quiet.err).toBe('');
  });
});
