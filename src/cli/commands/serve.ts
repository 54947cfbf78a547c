import type { Command } from 'commander';
import { CliExit, EXIT } from '../exit.ts';

/** `jixiao serve`: the API (and web app) on PORT (3000), data under ./data, PostgreSQL via DATABASE_URL. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      '启动服务：REST API（/api/docs）与网页工作台；默认 SQLite（./data），设置 DATABASE_URL 使用 PostgreSQL',
    )
    .option('-p, --port <port>', '端口（环境变量 PORT，默认 3000）')
    .option(
      '--host <host>',
      '监听地址（环境变量 HOST，默认 127.0.0.1：仅本机；对网络开放请放在 HTTPS 反向代理之后）',
    )
    .option('-d, --data-dir <dir>', '数据目录（环境变量 JIXIAO_DATA_DIR，默认 ./data）')
    .option('--database-url <url>', 'PostgreSQL 连接串（环境变量 DATABASE_URL）')
    .option(
      '--demo',
      '演示模式：空库时创建演示机构与账号，演示账号可登录（环境变量 JIXIAO_DEMO=1；监听本机时默认开启）',
    )
    .option('--no-demo', '关闭演示模式（JIXIAO_DEMO=0）')
    .action(
      async (opts: {
        port?: string;
        host?: string;
        dataDir?: string;
        databaseUrl?: string;
        demo?: boolean;
      }) => {
        const port = opts.port ?? process.env['PORT'];
        if (port !== undefined && !/^\d+$/.test(port))
          throw new CliExit(EXIT.badInput, `端口必须是数字：${port}`);
        // Loaded here, not at the top: fastify, the store and the routes are most of the CLI's start-up
        // time, and only `serve` needs them.
        const { startServer } = await import('../../server/start.ts');
        const server = await startServer({
          ...(port !== undefined ? { port: Number(port) } : {}),
          ...(opts.host ? { host: opts.host } : {}),
          ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
          ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
          ...(opts.demo !== undefined ? { demo: opts.demo } : {}),
        });
        process.stdout.write(`jixiao 服务已启动：${server.url}（接口文档 ${server.url}/api/docs）\n`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            server.close().then(resolve, resolve);
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      },
    );
}
