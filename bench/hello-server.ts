// The baseline of the server benchmark: a bare Fastify hello-world route, started the same way as
// the jixiao server (node --import tsx), printing `listening <url>`.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
// A second, informative baseline: the same-sized body as a stored form (JSON_BYTES), sent from memory.
const size = Number(process.env['JSON_BYTES'] ?? 16_000);
const body = JSON.stringify({ text: '绩'.repeat(Math.max(0, Math.floor((size - 12) / 3))) });
app.get('/static', (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
process.once('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
