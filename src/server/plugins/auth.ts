import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/common.ts';
import type { Actor, AppContext } from '../../services/context.ts';
import { authenticate } from '../../services/sessions.ts';
import { sendError } from './errors.ts';

// Sessions: an http-only cookie holding a random token (the database keeps its hash). CSRF: every
// state-changing request must echo the session's token in the x-csrf-token header (a cross-site
// form cannot read or set it), and a foreign Origin is refused outright.

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const equal = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A state-changing request whose Origin names another site. */
export function foreignOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || SAFE_METHODS.has(request.method)) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export type SessionCookieOptions = { secure: boolean; maxAgeSeconds: number };

export function setSessionCookie(reply: FastifyReply, token: string, o: SessionCookieOptions): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: o.secure,
    path: '/',
    maxAge: o.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, o: SessionCookieOptions): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: o.secure, path: '/' });
}

/**
 * preHandler of every route that needs a session. While the password must be changed (first
 * sign-in, reset, expired) only the routes marked `passwordChangeAllowed` answer.
 */
export function requireSession(ctx: AppContext, options: { passwordChangeAllowed?: boolean } = {}) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (foreignOrigin(request)) {
      await sendError(reply, 403, 'csrf', '拒绝跨站请求（Origin 与本站不符）');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await authenticate(ctx, token, request.ip) : null;
    if (!actor) {
      await sendError(reply, 401, 'unauthenticated', '未登录或登录已过期，请重新登录');
      return;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !equal(sent, actor.csrfToken)) {
        await sendError(reply, 403, 'csrf', '缺少或错误的 CSRF 令牌（请求头 x-csrf-token，登录时返回）');
        return;
      }
    }
    if (actor.passwordChange && !options.passwordChangeAllowed) {
      await sendError(reply, 403, 'password-change-required', PASSWORD_CHANGE_MESSAGES[actor.passwordChange]);
      return;
    }
    request.actor = actor;
  };
}

export const PASSWORD_CHANGE_MESSAGES: Record<NonNullable<Actor['passwordChange']>, string> = {
  initial: '首次登录须先修改初始密码',
  reset: '密码已被管理员重置，须先修改密码',
  expired: '密码已过期，须先修改密码',
};

/** The actor of a route behind requireSession. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route registered without requireSession');
  return request.actor;
}
