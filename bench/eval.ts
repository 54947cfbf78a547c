// `npm run eval`: field accuracy of the importers on the seed and on ../shared/corpus
// (raw files in corpus/raw, hand-checked truth in corpus/truth, matched by file name stem).
// Text is compared ignoring whitespace (form-json.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { compareForms, fieldGroup } from '../src/core/form/compare.ts';
import type { Form } from '../src/core/form/schema.ts';
import { readForm } from '../src/services/import-files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared');

type Pair = { name: string; raw: string; truth: string };

function pairs(): Pair[] {
  const out: Pair[] = [
    {
      name: 'seed',
      raw: join(SHARED, 'seed', '000_58180adcbb221172.txt'),
      truth: join(SHARED, 'seed', '000_58180adcbb221172.expected.json'),
    },
  ];
  const rawDir = join(ROOT, 'corpus', 'raw');
  const truthDir = join(SHARED, 'corpus', 'truth');
  if (!existsSync(rawDir) || !existsSync(truthDir)) {
    console.log(`（未找到语料库 ${join(SHARED, 'corpus')}：只评估种子表）`);
    return out;
  }
  const truths = new Map(
    readdirSync(truthDir).map((f) => [f.replace(/(\.expected)?\.json$/, ''), join(truthDir, f)]),
  );
  for (const f of readdirSync(rawDir).sort()) {
    const stem = f.replace(/\.[^.]+$/, '');
    const truth = truths.get(stem);
    if (truth) out.push({ name: `corpus/${f}`, raw: join(rawDir, f), truth });
    else console.log(`（${f} 没有对应的 truth 文件，跳过）`);
  }
  return out;
}

const totals = new Map<string, { right: number; all: number }>();
let right = 0;
let all = 0;
const perFile: string[][] = [];
for (const p of pairs()) {
  const expected = JSON.parse(readFileSync(p.truth, 'utf8')) as Form;
  let actual: Form | null = null;
  let error = '';
  try {
    actual = (await readForm(p.raw)).form;
  } catch (e) {
    error = (e as Error).message;
  }
  const cmp = actual ? compareForms(expected, actual).filter((c) => c.expected !== undefined) : [];
  const ok = cmp.filter((c) => c.equal).length;
  const n = actual ? cmp.length : 1;
  right += ok;
  all += n;
  for (const c of cmp) {
    const g = fieldGroup(c.path).replace(/^funds\.(\w+)\..*/, 'funds.$1');
    const t = totals.get(g) ?? { right: 0, all: 0 };
    t.all++;
    if (c.equal) t.right++;
    totals.set(g, t);
  }
  const wrong = cmp.filter((c) => !c.equal).map((c) => c.path);
  perFile.push([
    basename(p.name),
    actual ? `${ok}/${n}` : '导入失败',
    actual ? `${((100 * ok) / n).toFixed(2)}%` : error,
    wrong.slice(0, 6).join(' '),
  ]);
}

console.log('\n文件\t正确/字段\t准确率\t错误字段（前 6 个）');
for (const r of perFile) console.log(r.join('\t'));
console.log('\n字段组\t正确/总数\t准确率');
for (const [g, t] of [...totals].sort())
  console.log(`${g}\t${t.right}/${t.all}\t${((100 * t.right) / t.all).toFixed(2)}%`);
console.log(`\n总体字段准确率：${right}/${all} = ${((100 * right) / Math.max(1, all)).toFixed(2)}%`);
