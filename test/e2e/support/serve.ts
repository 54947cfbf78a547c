// Fallback for startTestServer while `bin/jixiao serve` is not wired: the same startServer().
import { startServer } from '../../../src/server/start.ts';

const dataDir = process.argv[2];
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  ...(dataDir ? { dataDir } : {}),
  logger: false,
});
process.stdout.write(`jixiao 服务已启动：${server.url}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
