import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import { formEtag } from '../../contract/forms.ts';
import type { AppContext } from '../../services/context.ts';
import {
  adjustDeclaration,
  createMonitoring,
  createSelfEvaluationFromTargets,
  diffVersions,
  listVersions,
  projectChain,
  stageFindings,
} from '../../services/lifecycle.ts';
import { departmentAggregate, monitoringWarnings } from '../../services/lifecycle-views.ts';
import { route, sendJsonText } from '../route.ts';
import { detailJson } from './forms.ts';

// The lifecycle's routes (lifecycle.md §3; contract/lifecycle.ts).

export function lifecycleRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, endpoints.projectChain, async ({ actor, params, query }) =>
    projectChain(ctx, actor, params.id, query.year),
  );
  route(app, ctx, endpoints.listVersions, async ({ actor, params }) => ({
    items: await listVersions(ctx, actor, params.id),
  }));
  route(app, ctx, endpoints.diffVersions, async ({ actor, params, query }) =>
    diffVersions(ctx, actor, params.id, query.against),
  );
  route(app, ctx, endpoints.adjustForm, async ({ actor, params, body, reply }) => {
    const view = await adjustDeclaration(ctx, actor, params.id, body);
    reply.header('etag', formEtag(view.revision)).header('location', `/api/forms/${view.id}`);
    return sendJsonText(reply, detailJson(view));
  });
  route(app, ctx, endpoints.createMonitoring, async ({ actor, params, body, reply }) => {
    const view = await createMonitoring(ctx, actor, params.id, body);
    reply.header('etag', formEtag(view.revision)).header('location', `/api/forms/${view.id}`);
    return sendJsonText(reply, detailJson(view));
  });
  route(app, ctx, endpoints.createSelfEvaluation, async ({ actor, params, body, reply }) => {
    const view = await createSelfEvaluationFromTargets(ctx, actor, params.id, body);
    reply.header('etag', formEtag(view.revision)).header('location', `/api/forms/${view.id}`);
    return sendJsonText(reply, detailJson(view));
  });
  route(app, ctx, endpoints.stageFindings, async ({ actor, params }) => stageFindings(ctx, actor, params.id));
  route(app, ctx, endpoints.monitoringWarnings, async ({ actor, query }) => ({
    items: await monitoringWarnings(ctx, actor, query),
  }));
  route(app, ctx, endpoints.departmentAggregate, async ({ actor, params, query }) =>
    departmentAggregate(ctx, actor, params.id, query.year),
  );
}
