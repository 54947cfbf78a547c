import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import { errorResponseSchema } from '../contract/common.ts';
import { type Endpoint, endpoints } from '../contract/endpoints.ts';
import type { Actor, AppContext } from '../services/context.ts';
import { requireSession } from './plugins/auth.ts';

// Registers a route from the contract's endpoint table: its schemas validate the request,
// serialise the response and feed the OpenAPI document; `auth` routes get the session check.

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteInput<E extends Endpoint> = {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: E['body'] extends z.ZodType ? z.output<E['body']> : undefined;
  /** the signed-in user (routes with `auth: true`). */
  actor: Actor;
  request: FastifyRequest;
  reply: FastifyReply;
};

export type RouteOutput<E extends Endpoint> = E['produces'] extends 'json'
  ? Out<E['response']> | FastifyReply
  : FastifyReply | undefined;

/** What a user who must change the password may still do: see who they are, change it, sign out. */
const PASSWORD_CHANGE_ROUTES = new Set<Endpoint>([endpoints.me, endpoints.changePassword, endpoints.logout]);

export function route<E extends Endpoint>(
  app: FastifyInstance,
  ctx: AppContext,
  e: E,
  handler: (input: RouteInput<E>) => Promise<RouteOutput<E>>,
): void {
  const schema: FastifySchema & { summary: string; tags: string[]; consumes?: string[] } = {
    summary: e.summary,
    tags: [e.tag],
    ...(e.params ? { params: e.params } : {}),
    ...(e.query ? { querystring: e.query } : {}),
    ...(e.body && e.body !== 'multipart' ? { body: e.body } : {}),
    ...(e.body === 'multipart' ? { consumes: ['multipart/form-data'] } : {}),
    response: {
      ...(e.response ? { [e.status]: e.response } : {}),
      '4xx': errorResponseSchema,
      '5xx': errorResponseSchema,
    },
  };
  app.route({
    method: e.method,
    url: e.path,
    schema,
    ...(e.auth
      ? { preHandler: requireSession(ctx, { passwordChangeAllowed: PASSWORD_CHANGE_ROUTES.has(e) }) }
      : {}),
    handler: async (request, reply) => {
      reply.status(e.status);
      const result = await handler({
        params: request.params as Out<E['params']>,
        query: request.query as Out<E['query']>,
        body: request.body as RouteInput<E>['body'],
        actor: request.actor as Actor,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (e.produces === 'none') return reply.status(204).send();
      return result;
    },
  });
}

/** Sends JSON text or bytes as is (e.g. a stored form spliced into its envelope, without re-encoding). */
export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
