import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateForm } from '../src/core/evaluate.ts';
import { decodeText } from '../src/formats/text/decode.ts';
import { importText } from '../src/formats/text/index.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { compare, fmt } from './measure.ts';

const SEED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'seed.txt');

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
    const { form } = importText(text);
    const { score, findings } = evaluateForm(form, profile.value);
    sink += (score.ruleTotal ?? 0) + findings.length;
  };
  const r = compare(candidate, baseline);
  if (sink === 0) throw new Error('benchmark did no work');
  return [
    `| 种子表 导入+评分+审核（单核） | ${fmt(r.candidate)} 表/秒 | 读文本+分行 ${fmt(r.baseline)} 次/秒 | ${((r.candidate / r.baseline) * 100).toFixed(1)}% | ≥ 2,000 表/秒 ${r.candidate >= 2000 ? '✓' : '✗'} |`,
  ];
}
