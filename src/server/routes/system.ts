import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import type { AppContext } from '../../services/context.ts';
import { getDashboard } from '../../services/dashboards.ts';
import { storeHealth } from '../../services/health.ts';
import { route } from '../route.ts';

export function systemRoutes(app: FastifyInstance, ctx: AppContext, version: string): void {
  route(app, ctx, endpoints.health, async () => ({
    ok: await storeHealth(ctx),
    database: ctx.store.dialect,
    version,
    demo: ctx.config.demoMode,
  }));
  route(app, ctx, endpoints.dashboard, async ({ actor, query }) => getDashboard(ctx, actor, query));
}
