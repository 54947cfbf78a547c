#!/usr/bin/env node
// Compiles src/ to plain JavaScript in build/ (one .js per .ts, same relative paths), so `bin/jixiao`
// and worker-thread entries start without compiling TypeScript at every run. Runs as `prepare`, i.e.
// on `npm ci`; `--if-stale` skips the work when build/ is newer than every source.
//
// build/ sits beside src/ at the same depth, so the `import.meta.dirname/../..` paths the sources use
// to find rules/, templates/ and dist/web resolve to the same directories from either tree.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, 'build');
// Written last: its presence and mtime say the build is complete and when it was made.
export const STAMP = join(OUT, '.built');

function sources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function newest(dir) {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

export function isStale() {
  return !existsSync(STAMP) || newest(SRC) > statSync(STAMP).mtimeMs;
}

// Every relative import stays a separate module (no bundling): the plugin marks it external and
// points it at the compiled sibling; packages stay imports of node_modules — except the ones in
// VENDORED, each bundled once into build/vendor/<name>.js and imported from there.
const relativeToJs = {
  name: 'relative-to-js',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => ({
      path: args.path.replace(/\.ts$/, '.js'),
      external: true,
    }));
    build.onResolve({ filter: VENDORED_FILTER }, (args) => {
      const from = dirname(join(SRC, relative(SRC, args.importer)));
      const to = join(SRC, 'vendor', `${args.path}.js`);
      const path = relative(from, to);
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

// zod is some hundred modules that node's ES module loader reads one by one, in every process and
// parse thread: loading what reading a PDF needs from build/ took 262–287 ms of CPU with zod from
// node_modules, 184–205 ms with this one file (measured). Same code, one instance in build/.
const VENDORED = ['zod'];
const VENDORED_FILTER = new RegExp(`^(${VENDORED.join('|')})$`);

async function vendor(esbuild, outdir) {
  for (const name of VENDORED) {
    await esbuild({
      stdin: { contents: `export * from '${name}';\n`, resolveDir: ROOT, loader: 'js' },
      outfile: join(outdir, 'vendor', `${name}.js`),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      charset: 'utf8',
      logLevel: 'warning',
    });
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const entryPoints = sources(SRC);
  // Built beside and swapped in, so a CLI started meanwhile sees the old build or none (no stamp:
  // it runs the sources), never half of one.
  const next = `${OUT}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await esbuild({
    entryPoints,
    outbase: SRC,
    outdir: next,
    bundle: true,
    packages: 'external',
    plugins: [relativeToJs],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    tsconfig: join(ROOT, 'tsconfig.json'),
    charset: 'utf8',
    logLevel: 'warning',
  });
  await vendor(esbuild, next);
  writeFileSync(join(next, '.built'), `${new Date().toISOString()}\n`);
  // Two renames, then the old tree is removed: a CLI already running loads its remaining modules
  // from the new tree; only in the instant between the renames is build/ absent.
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(next, OUT);
  rmSync(old, { recursive: true, force: true });
  return entryPoints.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  const t0 = performance.now();
  const n = await build();
  process.stdout.write(
    `编译 ${n} 个源文件到 ${relative(process.cwd(), OUT) || '.'}/（${Math.round(performance.now() - t0)} ms）\n`,
  );
}
