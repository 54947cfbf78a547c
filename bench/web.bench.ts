import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import type { Form } from '../src/core/form/schema.ts';
import { importText } from '../src/formats/text/index.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { chromiumAvailable, launchChromium } from '../test/e2e/support/browser.ts';
import { ensureWebBuilt } from '../test/e2e/support/web-build.ts';

// Issue 5 §9, measured in Chromium: (a) the editor's live re-score of a 100-row form per edit —
// the very module the page runs on each edit (web/src/pages/editor/live-rescore.ts: applyEdit,
// then the core's evaluateForm), bundled as the browser gets it — beside a JSON round trip of the
// same form in the same page; (b) the gzip size of the JavaScript the login/home page loads.

const ROOT = resolve(import.meta.dirname, '..');
const SEED = join(ROOT, 'test', 'fixtures', 'seed.txt');
const LIVE = join(ROOT, 'web', 'src', 'pages', 'editor', 'live-rescore.ts');
const BUDGET_KB = 700;
const GOAL_MS = 5;
const ROWS = 100;

/** The seed form with its indicator rows repeated up to `rows`. */
export function bigForm(rows = ROWS): Form {
  const { form } = importText(readFileSync(SEED, 'utf8'));
  const base = form.indicators;
  const indicators = Array.from({ length: rows }, (_, i) => {
    const r = base[i % base.length]!;
    return { ...r, name: `${r.name}${i >= base.length ? `（${Math.floor(i / base.length) + 1}）` : ''}` };
  });
  return { ...form, indicators };
}

async function bundleLiveRescore(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: LIVE, formats: ['iife'], name: 'jixiaoLive', fileName: 'live' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output.find((o) => o.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('bundling live-rescore.ts produced no chunk');
  return chunk.code;
}

type Timing = { editMs: number; jsonMs: number; findings: number };

async function timeInChromium(code: string, form: Form, profile: unknown): Promise<Timing> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: code });
    // tsx compiles the callback below with esbuild's keepNames, which calls a `__name` helper
    await page.evaluate('globalThis.__name = (f) => f');
    return await page.evaluate(
      ({ form, profile }) => {
        type Live = {
          editAndRescore: (
            f: unknown,
            e: unknown,
            p: unknown,
          ) => { form: unknown; evaluation: { findings: unknown[] } };
        };
        const live = (globalThis as unknown as { jixiaoLive: Live }).jixiaoLive;
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const values = ['9000人次', '8800人次', '2021年6月20日前拨付', '185篇', '不少于180篇'];
        let current: unknown = form;
        let findings = 0;
        const edit = (k: number) => {
          const row = (k * 7) % 100;
          const r = live.editAndRescore(
            current,
            { type: 'set', path: `indicators[${row}].actual`, value: values[k % values.length] },
            profile,
          );
          current = r.form;
          findings = r.evaluation.findings.length;
        };
        let sink = 0;
        const json = () => {
          sink += (JSON.parse(JSON.stringify(current)) as { indicators: unknown[] }).indicators.length;
        };
        // batches timed as one: performance.now() is coarse (0.1 ms) in the browser
        const batch = (fn: (k: number) => void, k0: number, n: number) => {
          const t = performance.now();
          for (let k = 0; k < n; k++) fn(k0 + k);
          return (performance.now() - t) / n;
        };
        for (let k = 0; k < 30; k++) {
          edit(k);
          json();
        }
        const e: number[] = [];
        const j: number[] = [];
        for (let round = 0; round < 40; round++) {
          j.push(batch(json, round * 50, 50));
          e.push(batch(edit, round * 10, 10));
        }
        if (sink === 0) throw new Error('baseline did no work');
        return { editMs: median(e), jsonMs: median(j), findings };
      },
      { form, profile },
    );
  } finally {
    await browser.close();
  }
}

/** JavaScript of the entry (login/home) and what it imports statically, from Vite's manifest. */
export function firstLoadJs(distDir = join(ROOT, 'dist', 'web')): {
  firstKb: number;
  allKb: number;
  files: number;
} {
  type Chunk = { file: string; imports?: string[]; isEntry?: boolean };
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key);
  const js = (keys: Iterable<string>) =>
    [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  const first = js(seen);
  const all = js(Object.keys(manifest));
  const sum = (files: string[]) => files.reduce((a, f) => a + gz(f), 0) / 1024;
  return { firstKb: sum(first), allKb: sum(all), files: first.length };
}

export async function benchWeb(): Promise<string[]> {
  const rows: string[] = [];
  ensureWebBuilt();
  const size = firstLoadJs();
  rows.push(
    `| 网页首屏 JS（登录/首页，gzip，${size.files} 个文件） | ${size.firstKb.toFixed(0)} KB | 全部 JS（含看板与图表）${size.allKb.toFixed(0)} KB | ${((size.firstKb / size.allKb) * 100).toFixed(1)}% | < ${BUDGET_KB} KB ${size.firstKb < BUDGET_KB ? '✓' : '✗'} |`,
  );
  if (!chromiumAvailable()) {
    rows.push(
      `| 编辑后实时重算（${ROWS} 行，Chromium） | 未测：缺少 /usr/bin/chromium | | | < ${GOAL_MS} ms |`,
    );
    return rows;
  }
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  const t = await timeInChromium(await bundleLiveRescore(), bigForm(), profile.value);
  rows.push(
    `| 编辑后实时重算（${ROWS} 行，Chromium，每次编辑） | ${t.editMs.toFixed(2)} ms | JSON 往返同一表 ${t.jsonMs.toFixed(3)} ms | ${(t.editMs / t.jsonMs).toFixed(1)}× | < ${GOAL_MS} ms ${t.editMs < GOAL_MS ? '✓' : '✗'} |`,
  );
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log('| 测量 | jixiao | 基线（同次运行） | 相对基线 | 目标 |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const line of await benchWeb()) console.log(line);
}
