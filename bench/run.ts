// `npm run bench`: every benchmark beside the baseline named in its issue, measured in this run.
// `npm run bench -- core formats` runs a subset (core, import, formats, web, server, dashboards, reports, lifecycle).
import { benchCore } from './core.bench.ts';

const all: Record<string, () => Promise<string[]> | string[]> = {
  core: benchCore,
  import: async () => (await import('./import.bench.ts')).benchImport(),
  formats: async () => (await import('./formats.bench.ts')).benchFormats(),
  web: async () => (await import('./web.bench.ts')).benchWeb(),
  server: async () => (await import('./server.bench.ts')).benchServer(),
  dashboards: async () => (await import('./dashboards.bench.ts')).benchDashboards(),
  reports: async () => (await import('./reports.bench.ts')).benchReports(),
  lifecycle: async () => (await import('./lifecycle.bench.ts')).benchLifecycle(),
};

const chosen = process.argv.slice(2).filter((a) => a in all);
console.log('| 测量 | jixiao | 基线（同次运行） | 相对基线 | 目标 |');
console.log('| --- | --- | --- | --- | --- |');
for (const name of chosen.length ? chosen : Object.keys(all)) {
  try {
    for (const line of await all[name]!()) console.log(line);
  } catch (e) {
    console.log(`| ${name} | 失败：${(e as Error).message.split('\n')[0]} | | | |`);
  }
}
