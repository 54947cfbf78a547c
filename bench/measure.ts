// Throughput measurement shared by the benchmarks: alternate the candidate and its baseline in
// rounds so both see the same machine noise, and report medians.
//
// Time is the process's CPU time (user + system), not wall-clock: on this shared 2-core machine
// a wall-clock rate mostly measures how often the scheduler ran us. CPU time per operation is the
// single-core cost the issue asks for ("per second on one core").

export type Rate = { perSecond: number; msPer: number };

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `fn` until V8 has finished optimising it: its background compiler threads count in the
 * process's CPU time, so timing too early measures the compiler rather than the code.
 */
function warmUp(fn: () => void, ms: number): void {
  const start = cpuMs();
  while (cpuMs() - start < ms) for (let i = 0; i < 20; i++) fn();
}

function timeRound(fn: () => void, ms: number): Rate {
  let n = 0;
  const start = cpuMs();
  let now = start;
  while (now - start < ms) {
    fn();
    n++;
    if ((n & 7) === 0) now = cpuMs();
  }
  now = cpuMs();
  return { perSecond: (n * 1000) / (now - start), msPer: (now - start) / n };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export function compare(candidate: () => void, baseline: () => void, rounds = 5, ms = 800) {
  warmUp(baseline, 1000);
  warmUp(candidate, 4000);
  const c: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    b.push(timeRound(baseline, ms).perSecond);
    c.push(timeRound(candidate, ms).perSecond);
  }
  const cand = median(c);
  const base = median(b);
  return { candidate: cand, baseline: base, ratio: cand / base };
}

export const fmt = (n: number): string => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
