// `npm run eval [-- --verbose] [-- --json]`: field accuracy of the importers on the seed and on
// ../shared/corpus — per form, per layout, per template family, per field kind — and how well
// the reader's confidence predicts correctness. The corpus raw texts are third-party text kept
// out of git: they are brought back into corpus/raw (../shared/corpus/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type FieldCheck, fieldAccuracy, similarity } from '../src/core/form/accuracy.ts';
import type { ImportResult } from '../src/core/form/import-result.ts';
import { readForms } from '../src/services/import-files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared');
const CORPUS = join(SHARED, 'corpus');
const RAW = join(ROOT, 'corpus', 'raw');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

type Case = { name: string; raw: string; truth: string; layout: string };

function sources(): Map<string, Record<string, string>> {
  const file = join(CORPUS, 'sources.tsv');
  if (!existsSync(file)) return new Map();
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return new Map(
    lines.map((l) => {
      const row = Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v]));
      return [row.id!, row];
    }),
  );
}

function cases(): { list: Case[]; notes: string[] } {
  const notes: string[] = [];
  const list: Case[] = [
    {
      name: 'seed',
      raw: join(SHARED, 'seed', '000_58180adcbb221172.txt'),
      truth: join(SHARED, 'seed', '000_58180adcbb221172.expected.json'),
      layout: 'pdftotext',
    },
  ];
  const truthDir = join(CORPUS, 'truth');
  if (!existsSync(truthDir)) {
    notes.push(`未找到 ${CORPUS}/truth：只评估种子表`);
    return { list, notes };
  }
  const meta = sources();
  const truths = readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const missing: string[] = [];
  for (const f of truths) {
    const id = f.replace(/\.json$/, '');
    const raw = join(RAW, `${id}.txt`);
    if (!existsSync(raw)) {
      missing.push(id);
      continue;
    }
    list.push({ name: id, raw, truth: join(truthDir, f), layout: meta.get(id)?.layout ?? '?' });
  }
  if (missing.length > 0)
    notes.push(
      `corpus/raw 缺少 ${missing.length} 个原文（${missing.join(' ')}）：语料库原文是第三方文本，不进仓库；` +
        `按 ../shared/corpus/README.md 用 search 工具取回到 corpus/raw/<id>.txt，再用 node ../shared/corpus/check.mjs 校验。` +
        `缺少的表未计入下面的准确率。`,
    );
  return { list, notes };
}

/** The form in the file that the truth describes: the one with the truth's project name, else the first. */
function pick(results: ImportResult[], truth: Record<string, unknown>): ImportResult {
  const want = String(truth.projectName ?? '').replace(/\s+/g, '');
  let best = results[0]!;
  let bestScore = -1;
  for (const r of results) {
    const s = similarity(want, r.form.projectName.replace(/\s+/g, ''));
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

type Tally = { right: number; all: number };
const add = (m: Map<string, Tally>, key: string, ok: boolean): void => {
  const t = m.get(key) ?? { right: 0, all: 0 };
  t.all++;
  if (ok) t.right++;
  m.set(key, t);
};
const pct = (t: Tally): string => `${((100 * t.right) / Math.max(1, t.all)).toFixed(2)}%`;

const byForm: Array<{
  name: string;
  layout: string;
  template: string;
  right: number;
  all: number;
  error?: string;
}> = [];
const byLayout = new Map<string, Tally>();
const byTemplate = new Map<string, Tally>();
const byKind = new Map<string, Tally>();
const byConfidence = new Map<string, Tally>();
const corpusTotal: Tally = { right: 0, all: 0 };
const wrongLines: string[] = [];
const { list, notes } = cases();

for (const c of list) {
  const truth = JSON.parse(readFileSync(c.truth, 'utf8')) as Record<string, unknown>;
  let result: ImportResult | null = null;
  let error = '';
  try {
    result = pick(await readForms(c.raw), truth);
  } catch (e) {
    error = (e as Error).message;
  }
  // A failed import reads nothing: every truth field is wrong.
  const checks: FieldCheck[] = result
    ? fieldAccuracy(truth, result.form)
    : fieldAccuracy(truth, { ...emptyRead(), kind: 'project-self-evaluation' });
  const right = checks.filter((k) => k.equal).length;
  const template = result?.form.template ?? '（未识别）';
  byForm.push({
    name: c.name,
    layout: c.layout,
    template,
    right,
    all: checks.length,
    error: error || undefined,
  });
  for (const k of checks) {
    if (c.name !== 'seed') {
      add(byLayout, c.layout, k.equal);
      add(byTemplate, template, k.equal);
      add(byKind, k.kind, k.equal);
      corpusTotal.all++;
      if (k.equal) corpusTotal.right++;
    }
    const conf = k.readPath === null ? undefined : result?.confidence[k.readPath];
    const bucket =
      conf === undefined
        ? '未读出'
        : conf >= 0.9
          ? '高（≥0.9）'
          : conf >= 0.6
            ? '中（0.6–0.9）'
            : '低（<0.6）';
    add(byConfidence, bucket, k.equal);
    if (!k.equal)
      wrongLines.push(
        `${c.name}\t${k.path}\t期望 ${JSON.stringify(k.expected)}\t读出 ${JSON.stringify(k.actual)}\t置信度 ${conf ?? '-'}`,
      );
  }
}

function emptyRead() {
  return {
    kind: 'project-self-evaluation' as const,
    year: 0,
    title: '',
    projectName: '',
    competentDepartment: '',
    implementingUnit: '',
    fundsUnit: '万元' as const,
    funds: { total: null, fiscal: null, carryover: null, other: null },
    goals: { expected: '', actual: '' },
    indicators: [],
    totalWeight: null,
    totalScore: null,
  };
}

if (asJson) {
  console.log(
    JSON.stringify(
      {
        notes,
        forms: byForm,
        corpus: corpusTotal,
        layouts: Object.fromEntries(byLayout),
        templates: Object.fromEntries(byTemplate),
        kinds: Object.fromEntries(byKind),
        confidence: Object.fromEntries(byConfidence),
      },
      null,
      2,
    ),
  );
} else {
  for (const n of notes) console.log(`（${n}）`);
  const table = (title: string, head: string, rows: Array<[string, Tally]>) => {
    console.log(`\n${title}\n${head}\t正确/字段\t准确率`);
    for (const [k, t] of rows) console.log(`${k}\t${t.right}/${t.all}\t${pct(t)}`);
  };
  console.log('\n每张表\n表\t版式\t模板\t正确/字段\t准确率');
  for (const f of byForm)
    console.log(
      `${f.name}\t${f.layout}\t${f.template}\t${f.right}/${f.all}\t${pct(f)}${f.error ? `\t导入失败：${f.error}` : ''}`,
    );
  table('语料库按版式', '版式', [...byLayout].sort());
  table('语料库按模板（读出的模板）', '模板', [...byTemplate].sort());
  table('语料库按字段类别', '类别', [...byKind].sort());
  table('置信度与正确率（种子表与语料库）', '置信度', [...byConfidence].sort());
  const worst = byForm.filter((f) => f.name !== 'seed').sort((a, b) => a.right / a.all - b.right / b.all)[0];
  console.log(
    `\n语料库字段准确率：${corpusTotal.right}/${corpusTotal.all} = ${pct(corpusTotal)}` +
      (worst ? `；最低 ${worst.name} ${pct(worst)}` : '') +
      `；种子表 ${byForm[0]!.right}/${byForm[0]!.all}`,
  );
  if (verbose) console.log(`\n错误字段\n${wrongLines.join('\n')}`);
}
