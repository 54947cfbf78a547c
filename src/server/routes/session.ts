import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import type { AppContext } from '../../services/context.ts';
import { changePassword, describeMe, login, logout } from '../../services/sessions.ts';
import {
  clearSessionCookie,
  foreignOrigin,
  type SessionCookieOptions,
  setSessionCookie,
} from '../plugins/auth.ts';
import { sendError } from '../plugins/errors.ts';
import { route } from '../route.ts';

export function sessionRoutes(app: FastifyInstance, ctx: AppContext, cookie: SessionCookieOptions): void {
  route(app, ctx, endpoints.login, async ({ body, request, reply }) => {
    if (foreignOrigin(request)) return sendError(reply, 403, 'csrf', '拒绝跨站请求（Origin 与本站不符）');
    const { token, actor } = await login(ctx, body.username, body.password, request.ip);
    setSessionCookie(reply, token, cookie);
    return describeMe(ctx, actor);
  });
  route(app, ctx, endpoints.logout, async ({ actor, reply }) => {
    await logout(ctx, actor);
    clearSessionCookie(reply, cookie);
    return undefined;
  });
  route(app, ctx, endpoints.me, async ({ actor }) => describeMe(ctx, actor));
  route(app, ctx, endpoints.changePassword, async ({ actor, body }) => {
    await changePassword(ctx, actor, body.currentPassword, body.newPassword);
    return undefined;
  });
}
