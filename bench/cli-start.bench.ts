// Issue 12 §6: how long `bin/jixiao` takes to start, running the compiled build/ against the same
// command run from the TypeScript sources through tsx (JIXIAO_TSX=1), in this run. Goals:
// `--version` < 0.3 s, a one-file text import < 0.5 s. The build is made first if it is stale.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 10);

// CPU seconds (user + system, from GNU time when installed) as well as wall time: on a shared
// machine the wall time of a short process mostly measures the others.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

type Timing = { wall: number; cpu: number | null };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(args: string[], env: Record<string, string>): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    const r = GNU_TIME
      ? spawnSync(GNU_TIME, ['-f', 'cpu %U %S', BIN, ...args], {
          cwd: ROOT,
          env: { ...process.env, ...env },
          encoding: 'utf8',
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawnSync(BIN, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' });
    const wall = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`bin/jixiao ${args.join(' ')} 退出码 ${r.status}`);
    // the first run warms the file cache
    if (i === 0) continue;
    walls.push(wall);
    const m = GNU_TIME ? /cpu ([\d.]+) ([\d.]+)\s*$/.exec(String(r.stderr)) : null;
    if (m) cpus.push(Number(m[1]) + Number(m[2]));
  }
  return { wall: median(walls), cpu: cpus.length ? median(cpus) : null };
}

const show = (t: Timing): string =>
  `${t.wall.toFixed(2)} s${t.cpu === null ? '' : `（CPU ${t.cpu.toFixed(2)} s）`}`;

export function benchCliStart(): string[] {
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-node.mjs'), '--if-stale'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  if (b.status !== 0) throw new Error('build-node.mjs 失败');
  const cases: Array<[string, string[], number]> = [
    ['bin/jixiao --version', ['--version'], 0.3],
    ['bin/jixiao import（一个文本文件）', ['import', join(ROOT, 'test', 'fixtures', 'seed.txt')], 0.5],
  ];
  return cases.map(([name, args, goal]) => {
    const compiled = timeRuns(args, { JIXIAO_TSX: '' });
    const tsx = timeRuns(args, { JIXIAO_TSX: '1' });
    return `| 命令行启动：${name}（编译后，${RUNS} 次中位数） | ${show(compiled)} | 经 tsx 运行源码 ${show(tsx)} | ${((compiled.wall / tsx.wall) * 100).toFixed(0)}% | < ${goal} s ${compiled.wall < goal ? '✓' : '✗'} |`;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of benchCliStart()) console.log(line);
}
