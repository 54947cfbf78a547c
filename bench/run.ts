// `npm run bench`: every benchmark beside the baseline named in its issue, measured in this run.
import { benchCore } from './core.bench.ts';

const rows: string[] = [];
console.log('| 测量 | jixiao | 基线（同次运行） | 相对基线 | 目标 |');
console.log('| --- | --- | --- | --- | --- |');
for (const bench of [benchCore]) {
  for (const line of bench()) {
    rows.push(line);
    console.log(line);
  }
}
