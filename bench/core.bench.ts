import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluateForm } from '../src/core/evaluate.ts';
import { readText } from '../src/formats/read-text.ts';
import { decodeText } from '../src/formats/text/decode.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { compare, fmt } from './measure.ts';

const SEED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'seed.txt');
const CORPUS_RAW = resolve(import.meta.dirname, '..', 'corpus', 'raw');

/**
 * Issue 2 §9: seed import+score+audit per second on one core vs reading the text and splitting lines.
 * Both read the file as the CLI and server do: bytes, then the importers' checked UTF-8 decode.
 */
export function benchCore(): string[] {
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  let sink = 0;
  const read = () => decodeText(readFileSync(SEED), SEED);
  const baseline = () => {
    const text = read();
    sink += text.split('\n').length;
  };
  const candidate = () => {
    const text = read();
    const [first] = readText(text);
    const { score, findings } = evaluateForm(first!.form, profile.value);
    sink += (score.ruleTotal ?? 0) + findings.length;
  };
  const r = compare(candidate, baseline);
  if (sink === 0) throw new Error('benchmark did no work');
  const lines = [
    `| 种子表 导入+评分+审核（单核） | ${fmt(r.candidate)} 表/秒 | 读文本+分行 ${fmt(r.baseline)} 次/秒 | ${((r.candidate / r.baseline) * 100).toFixed(1)}% | ≥ 2,000 表/秒 ${r.candidate >= 2000 ? '✓' : '✗'} |`,
  ];
  // Issue 10: the corpus of real published forms (../shared/corpus, raw texts in corpus/raw), each
  // read by the product's text path (the cell reader for these layouts), scored and audited.
  if (existsSync(CORPUS_RAW)) {
    const files = readdirSync(CORPUS_RAW)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(CORPUS_RAW, f)));
    if (files.length > 0) {
      let k = 0;
      const corpus = () => {
        const bytes = files[k++ % files.length]!;
        for (const res of readText(decodeText(bytes, 'corpus.txt'))) {
          const { score, findings } = evaluateForm(res.form, profile.value);
          sink += (score.ruleTotal ?? 0) + findings.length;
        }
      };
      const c = compare(corpus, baseline, 5, 1500);
      lines.push(
        `| 语料库 ${files.length} 张真实表 导入+评分+审核（单核，逐张轮流） | ${fmt(c.candidate)} 表/秒 | 读种子表文本+分行 ${fmt(c.baseline)} 次/秒 | ${((c.candidate / c.baseline) * 100).toFixed(2)}% | — |`,
      );
    }
  }
  return lines;
}
