import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './web-build.ts';

// The real server on a fresh SQLite database in a temporary directory, on a free port:
// `bin/jixiao serve` when the CLI has it, else the same startServer() through tsx.

export type TestServer = { url: string; dataDir: string; stop(): Promise<void>; output(): string };

function cliHasServe(): boolean {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao'), 'serve', '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return r.status === 0 && /--data-dir/.test(r.stdout);
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const args = cliHasServe()
    ? [join(ROOT, 'bin', 'jixiao'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir]
    : [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'test', 'e2e', 'support', 'serve.ts'),
        dataDir,
      ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', JIXIAO_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务未在 60 秒内启动：\n${out}`)), 60_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务启动失败（退出码 ${code}）：\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
