// `tsx src/server/main.ts`: the server from environment variables (PORT, HOST, DATABASE_URL,
// JIXIAO_DATA_DIR), stopping cleanly on SIGINT/SIGTERM. `jixiao serve` is the same with flags.
import { startServer } from './start.ts';

const server = await startServer();
process.stdout.write(`listening ${server.url}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
