#!/usr/bin/env node
// `npm test`: lint (Biome, incl. the import-direction rules), type check, then every test.
// Ends with the plain line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

let failedSteps = 0;
for (const [name, cmd, args] of [
  ['lint', 'npx', ['biome', 'check', 'src', 'web', 'bench', 'test', 'scripts', 'rules']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck-web', 'npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']],
]) {
  process.stdout.write(`\n== ${name} ==\n`);
  if (run(cmd, args) !== 0) {
    process.stdout.write(`${name} failed\n`);
    failedSteps++;
  }
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
process.stdout.write('\n== tests ==\n');
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
]);
let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numFailedTestSuites ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed += 1;
}
failed += failedSteps;
if (status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && status === 0 ? 0 : 1);
