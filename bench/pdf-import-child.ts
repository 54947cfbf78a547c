// One importer process of the PDF batch benchmark (bench/pdf.bench.ts): imports every file named
// on the command line in turn, as `jixiao import DIR` does, and prints one JSON line: CPU time per
// file, the process's own start-up and pdfjs load, its peak RSS, and what was read.
import { readFileSync } from 'node:fs';
import { importPdf } from '../src/formats/pdf/import-pdf.ts';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const startCpu = cpuMs();
const files: Array<{ file: string; cpuMs: number; indicators: number; warnings: number }> = [];
for (const file of process.argv.slice(2)) {
  const before = cpuMs();
  const results = await importPdf(new Uint8Array(readFileSync(file)), file);
  files.push({
    file,
    cpuMs: cpuMs() - before,
    indicators: results.reduce((n, r) => n + r.form.indicators.length, 0),
    warnings: results.reduce((n, r) => n + r.warnings.length, 0),
  });
}
const usage = process.resourceUsage();
console.log(
  JSON.stringify({
    files,
    beforeFirstCpuMs: startCpu,
    totalCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
  }),
);
