// The baseline of the server benchmark: a bare Fastify hello-world route, started the same way as
// the jixiao server (node --import tsx), printing `listening <url>`.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
