import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import type { AppContext } from '../../services/context.ts';
import { createOrg, getOrg, listOrgs, updateOrg } from '../../services/org-admin.ts';
import { createProject, getProject, listProjects, updateProject } from '../../services/project-admin.ts';
import { listAuditLog } from '../../services/revision-history.ts';
import { createUser, listUsers, updateUser } from '../../services/user-admin.ts';
import { route } from '../route.ts';

/** Orgs, users, projects and the audit log. */
export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, endpoints.listOrgs, async ({ actor }) => ({ items: await listOrgs(ctx, actor) }));
  route(app, ctx, endpoints.getOrg, async ({ actor, params }) => getOrg(ctx, actor, params.id));
  route(app, ctx, endpoints.createOrg, async ({ actor, body }) => createOrg(ctx, actor, body));
  route(app, ctx, endpoints.updateOrg, async ({ actor, params, body }) =>
    updateOrg(ctx, actor, params.id, body),
  );

  route(app, ctx, endpoints.listUsers, async ({ actor }) => ({ items: await listUsers(ctx, actor) }));
  route(app, ctx, endpoints.createUser, async ({ actor, body }) => createUser(ctx, actor, body));
  route(app, ctx, endpoints.updateUser, async ({ actor, params, body }) =>
    updateUser(ctx, actor, params.id, body),
  );

  route(app, ctx, endpoints.listProjects, async ({ actor, query }) => listProjects(ctx, actor, query));
  route(app, ctx, endpoints.getProject, async ({ actor, params }) => getProject(ctx, actor, params.id));
  route(app, ctx, endpoints.createProject, async ({ actor, body }) => createProject(ctx, actor, body));
  route(app, ctx, endpoints.updateProject, async ({ actor, params, body }) =>
    updateProject(ctx, actor, params.id, body),
  );

  route(app, ctx, endpoints.auditLog, async ({ actor, query }) => listAuditLog(ctx, actor, query));
}
