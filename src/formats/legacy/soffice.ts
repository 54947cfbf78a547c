import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FormatError } from '../format-error.ts';
import { MAX_FILE_BYTES } from '../limits.ts';

// Old binary Office files (.xls, .doc and Kingsoft's .et, .wps) have no maintained JavaScript
// reader, so LibreOffice converts them to .xlsx/.docx, which our own readers then import:
//   soffice -env:UserInstallation=file:///tmp/… --headless --convert-to xlsx --outdir OUT FILE
// Each run gets a fresh temporary profile (two runs sharing one wait on its lock, or fail), a
// time limit after which its whole process group is killed (soffice starts soffice.bin, which a
// kill of the first alone leaves running), and its temporary files are removed whatever happens.

export type SofficeTarget = 'xlsx' | 'docx';

export type ConvertOptions = {
  /** the soffice executable; default: $JIXIAO_SOFFICE, else `soffice` or `libreoffice` on PATH. */
  binary?: string;
  /** default: $JIXIAO_SOFFICE_TIMEOUT_MS, else 120 s (a cold start with a new profile takes ~5 s). */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 120_000;
/** Each run holds a few hundred MB: a batch import must not start one per file at once. */
const MAX_RUNNING = 2;
const INSTALL_HINT = 'Debian/Ubuntu：apt-get install libreoffice-calc libreoffice-writer';

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * `bytes` (a file named `fileName`, read as `inputExt`) → the bytes of the converted file.
 * Throws FormatError: missing-component, timeout, too-large, corrupt.
 */
export async function convertWithSoffice(
  bytes: Uint8Array,
  fileName: string,
  inputExt: string,
  target: SofficeTarget,
  options: ConvertOptions = {},
): Promise<Uint8Array> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new FormatError(
      'too-large',
      fileName,
      `文件大小 ${(bytes.length / 1048576).toFixed(1)} MB，超过导入上限 ${MAX_FILE_BYTES / 1048576} MB`,
    );
  }
  const binary = await findSoffice(fileName, options.binary);
  const timeoutMs = options.timeoutMs ?? envTimeout() ?? DEFAULT_TIMEOUT_MS;
  const release = await slot();
  try {
    return await convertIn(bytes, fileName, inputExt, target, binary, timeoutMs);
  } finally {
    release();
  }
}

async function convertIn(
  bytes: Uint8Array,
  fileName: string,
  inputExt: string,
  target: SofficeTarget,
  binary: string,
  timeoutMs: number,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-soffice-'));
  try {
    const stem = safeStem(fileName);
    const input = join(dir, `${stem}${inputExt}`);
    const out = join(dir, 'out');
    await mkdir(out);
    await writeFile(input, bytes);
    const run = await runSoffice(
      binary,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        target,
        '--outdir',
        out,
        input,
      ],
      timeoutMs,
    );
    if (run.timedOut) {
      throw new FormatError(
        'timeout',
        fileName,
        `LibreOffice 转换超过 ${Number((timeoutMs / 1000).toFixed(1))} 秒仍未完成，已终止；文件可能过大或已损坏`,
      );
    }
    if (run.spawnError) throw missing(fileName, `${binary}（${run.spawnError}）`);
    const converted = join(out, `${stem}.${target}`);
    const size = await stat(converted).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) {
      // What LibreOffice said, without its start-up chatter (`Warning: failed to launch javaldx`).
      const said = run.output.split('\n').filter((l) => /error/i.test(l));
      const why = (said.length ? said : [run.output]).join(' ').replace(/\s+/g, ' ').trim().slice(0, 160);
      throw new FormatError(
        'corrupt',
        fileName,
        `LibreOffice 无法打开该文件：文件可能已损坏、设有打开密码，或不是${inputExt === '.xls' ? ' Excel 97-2003 工作簿' : ' Word 97-2003 文档'}${why ? `（${why}）` : ''}`,
      );
    }
    if (size > MAX_FILE_BYTES) {
      throw new FormatError('too-large', fileName, `转换后的文件超过导入上限 ${MAX_FILE_BYTES / 1048576} MB`);
    }
    return new Uint8Array(await readFile(converted));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The user's file name reduced to letters, digits, `-` and `_`: safe on any command line and file
 * system, and still the name LibreOffice gives a sheet it reads from text (`工作表“明细”`).
 */
export function safeStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^[-_]+|_+$/g, '')
    .slice(0, 60);
  return stem || 'input';
}

function envTimeout(): number | undefined {
  const n = Number(process.env['JIXIAO_SOFFICE_TIMEOUT_MS']);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function missing(fileName: string, what: string): FormatError {
  return new FormatError(
    'missing-component',
    fileName,
    `缺少组件 LibreOffice：读取旧版 Office 文件（.xls .et .doc .wps）需要 LibreOffice，未找到可执行的 ${what}。请管理员安装 LibreOffice（${INSTALL_HINT}），或先在 Excel、WPS 或 Word 中另存为 .xlsx/.docx 再导入`,
  );
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice to run, or a missing-component error that says what was looked for. */
export async function findSoffice(fileName: string, explicit?: string): Promise<string> {
  const chosen = explicit ?? process.env['JIXIAO_SOFFICE'];
  if (chosen) {
    if (await executable(chosen)) return chosen;
    throw missing(fileName, `${chosen}（JIXIAO_SOFFICE）`);
  }
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
      if (dir && (await executable(join(dir, name)))) return join(dir, name);
    }
  }
  throw missing(fileName, 'soffice 或 libreoffice（PATH 中没有）');
}

type Run = { timedOut: boolean; spawnError: string | null; output: string };

function runSoffice(binary: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    // detached: the child leads a new process group, so one kill reaches soffice.bin as well.
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      if (output.length < 4096) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let timedOut = false;
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group has already exited
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ timedOut: false, spawnError: (e as NodeJS.ErrnoException).code ?? e.message, output });
    });
    child.on('close', () => {
      clearTimeout(timer);
      killGroup(); // anything the run left behind in its group
      resolve({ timedOut, spawnError: null, output });
    });
  });
}
