import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { form, row } from '../../../test/fixtures/build-form.ts';
import { minimalOle } from '../../../test/fixtures/minimal-ole.ts';
import { FormatError } from '../format-error.ts';
import { importBytesAll } from '../import-any.ts';
import { MAX_FILE_BYTES } from '../limits.ts';
import { exportXlsx } from '../xlsx/export-xlsx.ts';
import { importLegacy } from './import-legacy.ts';
import { convertWithSoffice, safeStem } from './soffice.ts';

// The converter's plumbing and failures, without LibreOffice: small shell scripts stand in for
// soffice (one that converts by copying a prepared file, one that hangs, one that fails), and
// JIXIAO_SOFFICE or the `binary` option points the converter at them — or at nothing.

const dir = mkdtempSync(join(tmpdir(), 'jixiao-soffice-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What an old workbook, document and a Kingsoft file of neither kind look like to the checks. */
const XLS = minimalOle('Workbook');
const DOC = minimalOle('WordDocument');
const OTHER = minimalOle('Contents');

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Alive and not a zombie (a killed orphan stays a zombie until PID 1 of the container reaps it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (!existsSync(`/proc/${pid}/stat`)) return true;
  return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

async function formatError(p: Promise<unknown>): Promise<FormatError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(FormatError);
  return e as FormatError;
}

const saved = { ...process.env };
beforeEach(() => {
  delete process.env['JIXIAO_SOFFICE'];
  delete process.env['JIXIAO_SOFFICE_TIMEOUT_MS'];
});
afterEach(() => {
  process.env = { ...saved };
});

describe('convertWithSoffice', () => {
  it('runs soffice headless with its own profile and output folder, then removes every temporary file', async () => {
    const prepared = join(dir, 'prepared.xlsx');
    writeFileSync(prepared, await exportXlsx(form([row({ target: '≥10个', actual: '12个' })]), null));
    const argsFile = join(dir, 'args.txt');
    // Writes its arguments, one a line, then "converts": copies the prepared workbook to OUT/旧表_1.xlsx.
    const fake = script(
      'fake-soffice',
      `printf '%s\\n' "$@" > '${argsFile}'
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
cp '${prepared}' "$out/旧表_1.xlsx"`,
    );
    process.env['JIXIAO_SOFFICE'] = fake;
    const [result] = await importBytesAll(XLS, '旧表 (1).xls');
    expect(result!.form.projectName).toBe('测试项目');
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/\/.+\/profile$/);
    expect(args).toContain('--headless');
    expect(args.slice(args.indexOf('--convert-to'), args.indexOf('--convert-to') + 2)).toEqual([
      '--convert-to',
      'xlsx',
    ]);
    const input = args.at(-1)!;
    expect(input).toMatch(/\/旧表_1\.xls$/); // the user's name, reduced to what is safe anywhere
    const work = input.replace(/\/旧表_1\.xls$/, '');
    expect(existsSync(work)).toBe(false);
  });

  it('passes Kingsoft .et/.wps to LibreOffice as .xls/.doc', async () => {
    const argsFile = join(dir, 'kingsoft-args.txt');
    process.env['JIXIAO_SOFFICE'] = script('record', `printf '%s\\n' "$@" >> '${argsFile}'`);
    for (const [name, want] of [
      ['a.et', /\/a\.xls$/],
      ['b.wps', /\/b\.doc$/],
    ] as const) {
      await formatError(importBytesAll(OTHER, name));
      expect(readFileSync(argsFile, 'utf8').trim().split('\n').at(-1), name).toMatch(want);
    }
  });

  it('names the missing component in Chinese when soffice is not installed (missing-component)', async () => {
    process.env['JIXIAO_SOFFICE'] = join(dir, 'no-such-soffice');
    const viaEnv = await formatError(importBytesAll(XLS, 'old.xls'));
    expect(viaEnv.code).toBe('missing-component');
    expect(viaEnv.message).toMatch(/^old\.xls：缺少组件 LibreOffice/);
    expect(viaEnv.message).toContain('no-such-soffice');
    expect(viaEnv.message).toContain('apt-get install libreoffice-calc libreoffice-writer');
    delete process.env['JIXIAO_SOFFICE'];
    process.env['PATH'] = join(dir, 'empty-path');
    const viaPath = await formatError(importBytesAll(DOC, 'old.doc'));
    expect(viaPath.code).toBe('missing-component');
    expect(viaPath.message).toContain('soffice 或 libreoffice');
    const notExecutable = join(dir, 'not-executable');
    writeFileSync(notExecutable, '');
    const viaOption = await formatError(
      convertWithSoffice(XLS, 'x.xls', '.xls', 'xlsx', { binary: notExecutable }),
    );
    expect(viaOption.code).toBe('missing-component');
  });

  it('kills the whole process group on timeout and says so (timeout)', async () => {
    const pids = join(dir, 'pids.txt');
    // The shell starts a child that would outlive a kill of the shell alone, as soffice.bin does.
    const hang = script('hang', `sleep 30 & echo $! > '${pids}'; wait`);
    const started = Date.now();
    const e = await formatError(
      convertWithSoffice(XLS, 'slow.xls', '.xls', 'xlsx', { binary: hang, timeoutMs: 300 }),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(e.code).toBe('timeout');
    expect(e.message).toContain('已终止');
    const child = Number(readFileSync(pids, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(isRunning(child), 'the grandchild is killed too').toBe(false);
  });

  it('runs at most two conversions at once (each holds a few hundred MB), queueing the rest', async () => {
    const log = join(dir, 'overlap.log');
    const busy = script('busy', `echo s >> '${log}'; sleep 0.3; echo e >> '${log}'`);
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        formatError(convertWithSoffice(XLS, `${n}.xls`, '.xls', 'xlsx', { binary: busy })),
      ),
    );
    let running = 0;
    let most = 0;
    for (const mark of readFileSync(log, 'utf8').trim().split('\n')) {
      running += mark === 's' ? 1 : -1;
      most = Math.max(most, running);
    }
    expect(most).toBe(2);
  });

  it('takes the time limit from JIXIAO_SOFFICE_TIMEOUT_MS', async () => {
    process.env['JIXIAO_SOFFICE'] = script('hang-env', 'sleep 30');
    process.env['JIXIAO_SOFFICE_TIMEOUT_MS'] = '200';
    expect((await formatError(importBytesAll(DOC, 'slow.doc'))).code).toBe('timeout');
  });

  it('refuses a file over the upload cap before starting anything (too-large)', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    const direct = await formatError(
      convertWithSoffice(big, 'big.xls', '.xls', 'xlsx', { binary: join(dir, 'never-run') }),
    );
    expect(direct.code).toBe('too-large');
    expect((await formatError(importBytesAll(big, 'big.doc'))).code).toBe('too-large');
  });

  it('reports a run that wrote nothing as an unreadable file, with what LibreOffice said (corrupt)', async () => {
    process.env['JIXIAO_SOFFICE'] = script('fail', 'echo "Error: source file could not be loaded" >&2');
    const e = await formatError(importBytesAll(XLS, 'bad.xls'));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('Excel 97-2003');
    expect(e.message).toContain('source file could not be loaded');
  });
});

describe('safeStem', () => {
  it('keeps letters and digits of any script, and nothing a shell or file system could trip on', () => {
    expect(safeStem('2021年 自评表(终稿).xls')).toBe('2021年_自评表_终稿');
    expect(safeStem('../../etc/passwd')).toBe('passwd');
    expect(safeStem('-rf.doc')).toBe('rf');
    expect(safeStem('.xls')).toBe('input');
    expect(safeStem('$(reboot);.xls')).toBe('reboot');
  });
});

describe('importLegacy without LibreOffice', () => {
  it('refuses a damaged or encrypted old file before starting LibreOffice', async () => {
    process.env['JIXIAO_SOFFICE'] = join(dir, 'must-not-run');
    const cut = await formatError(importLegacy(XLS.subarray(0, 1100), 'cut.xls', '.xls'));
    expect(cut.code).toBe('corrupt');
    expect(cut.message).toContain('下载不完整');
    const locked = await formatError(
      importLegacy(minimalOle('EncryptedInfo', 'EncryptedPackage'), 'l.doc', '.doc'),
    );
    expect(locked.code).toBe('encrypted');
    expect((await formatError(importLegacy(new Uint8Array(), 'e.xls', '.xls'))).code).toBe('corrupt');
  });

  it('converts by what the file holds: a workbook named .doc goes to LibreOffice as .xls', async () => {
    const argsFile = join(dir, 'family-args.txt');
    process.env['JIXIAO_SOFFICE'] = script('family', `printf '%s\\n' "$@" > '${argsFile}'`);
    await formatError(importLegacy(XLS, 'sheet.doc', '.doc'));
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args.at(-1)).toMatch(/\/sheet\.xls$/);
    expect(args).toContain('xlsx');
    // An old .doc renamed .docx is converted too, where it used to be refused.
    await formatError(importBytesAll(DOC, 'renamed.docx'));
    const again = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(again.at(-1)).toMatch(/\/renamed\.doc$/);
    expect(again).toContain('docx');
    // An encrypted .xlsx (also an OLE file) is still said to be encrypted.
    const locked = await formatError(importBytesAll(minimalOle('EncryptedPackage'), 'locked.xlsx'));
    expect(locked.code).toBe('encrypted');
  });

  it('reads an .xls that is really .xlsx, or really HTML, directly', async () => {
    process.env['JIXIAO_SOFFICE'] = join(dir, 'must-not-run');
    const xlsx = await exportXlsx(form([row({ target: '≥10个', actual: '12个' })]), null);
    expect((await importLegacy(xlsx, 'renamed.xls', '.xls'))[0]!.form.projectName).toBe('测试项目');
    const html = new TextEncoder().encode(
      '\ufeff<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>项目名称</td><td>网页项目</td></tr></table></body></html>',
    );
    expect((await importLegacy(html, 'export.xls', '.xls'))[0]!.form.projectName).toBe('网页项目');
  });
});
