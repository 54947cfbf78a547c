// Issue 10: text import of every layout — the mutated fixtures of the fuzz test, each timed on
// its own (acceptance: each input < 100 ms), beside the unmutated fixtures as the baseline.
import fc from 'fast-check';
import { FUZZ_BASES, fuzzCase, mutate } from '../src/formats/fuzz-inputs.ts';
import { readText } from '../src/formats/read-text.ts';

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

function time(texts: readonly string[]): number[] {
  const out: number[] = [];
  for (const t of texts) {
    const start = performance.now();
    readText(t);
    out.push(performance.now() - start);
  }
  return out;
}

export function benchImport(): string[] {
  const inputs = fc
    .sample(fuzzCase, { numRuns: 400, seed: 10 })
    .map(([b, edits]) => mutate(FUZZ_BASES[b]!, edits));
  // warm: the first pass compiles the readers
  time(inputs);
  time(FUZZ_BASES);
  const fuzz = time(inputs);
  const base = time([...FUZZ_BASES, ...FUZZ_BASES, ...FUZZ_BASES]);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return [
    `| 文本导入：${inputs.length} 个随机改动的各版式样表（逐个计时） | 中位 ${ms(quantile(fuzz, 0.5))}，p99 ${ms(quantile(fuzz, 0.99))}，最长 ${ms(Math.max(...fuzz))} | 未改动的 ${FUZZ_BASES.length} 张样表 中位 ${ms(quantile(base, 0.5))}，最长 ${ms(Math.max(...base))} | — | 每个 < 100 ms ${Math.max(...fuzz) < 100 ? '✓' : '✗'} |`,
  ];
}
