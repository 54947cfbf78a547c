import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import { formEtag, parseIfMatch } from '../../contract/forms.ts';
import { profileEndpoints } from '../../contract/profile-rules.ts';
import type { AppContext } from '../../services/context.ts';
import { evaluatePosted, evaluateStored } from '../../services/evaluation.ts';
import { type FormDetailView, getForm, listForms } from '../../services/form-read.ts';
import { createForm, deleteForm, saveForm, saveFormMinimal } from '../../services/form-write.ts';
import { listProfiles, loadProfile } from '../../services/profiles.ts';
import { formAuditLog, getRevision, listRevisions } from '../../services/revision-history.ts';
import { notFound } from '../../services/service-error.ts';
import { addComment, listComments, transitionForm } from '../../services/workflow.ts';
import { route, sendJsonText } from '../route.ts';

/**
 * A form detail as JSON text: the stored Form JSON is spliced in as is (it was validated when
 * written), which keeps GET and PUT of a form cheap. ETag: the revision.
 */
export function detailJson(view: FormDetailView): Buffer {
  const { data, ...rest } = view;
  const head = Buffer.from(`${JSON.stringify(rest).slice(0, -1)},"form":`);
  return Buffer.concat([head, data, CLOSE]);
}
const CLOSE = Buffer.from('}');

export function formRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, endpoints.listForms, async ({ actor, query }) => listForms(ctx, actor, query));

  route(app, ctx, endpoints.getForm, async ({ actor, params, reply }) => {
    const view = await getForm(ctx, actor, params.id);
    reply.header('etag', formEtag(view.revision));
    return sendJsonText(reply, detailJson(view));
  });

  route(app, ctx, endpoints.createForm, async ({ actor, body, reply }) => {
    const view = await createForm(ctx, actor, body);
    reply.header('etag', formEtag(view.revision)).header('location', `/api/forms/${view.id}`);
    return sendJsonText(reply, detailJson(view));
  });

  route(app, ctx, endpoints.saveForm, async ({ actor, params, body, request, reply }) => {
    const expected = parseIfMatch(request.headers['if-match']);
    if (/\breturn=minimal\b/.test(String(request.headers['prefer'] ?? ''))) {
      const saved = await saveFormMinimal(ctx, actor, params.id, expected, body);
      reply.header('etag', formEtag(saved.revision)).header('preference-applied', 'return=minimal');
      return sendJsonText(reply, JSON.stringify(saved));
    }
    const view = await saveForm(ctx, actor, params.id, expected, body);
    reply.header('etag', formEtag(view.revision));
    return sendJsonText(reply, detailJson(view));
  });

  route(app, ctx, endpoints.deleteForm, async ({ actor, params, request }) => {
    await deleteForm(ctx, actor, params.id, parseIfMatch(request.headers['if-match']));
    return undefined;
  });

  route(app, ctx, endpoints.transitionForm, async ({ actor, params, body, request, reply }) => {
    const view = await transitionForm(ctx, actor, params.id, body, parseIfMatch(request.headers['if-match']));
    reply.header('etag', formEtag(view.revision));
    return sendJsonText(reply, detailJson(view));
  });

  route(app, ctx, endpoints.listComments, async ({ actor, params }) => ({
    items: await listComments(ctx, actor, params.id),
  }));
  route(app, ctx, endpoints.createComment, async ({ actor, params, body }) =>
    addComment(ctx, actor, params.id, body),
  );
  route(app, ctx, endpoints.listRevisions, async ({ actor, params }) => ({
    items: await listRevisions(ctx, actor, params.id),
  }));
  route(app, ctx, endpoints.getRevision, async ({ actor, params }) =>
    getRevision(ctx, actor, params.id, params.revision),
  );
  route(app, ctx, endpoints.formAuditLog, async ({ actor, params }) => ({
    items: await formAuditLog(ctx, actor, params.id),
  }));

  route(app, ctx, endpoints.evaluateForm, async ({ actor, params, query }) =>
    evaluateStored(ctx, actor, params.id, query),
  );
  route(app, ctx, endpoints.evaluate, async ({ body }) => evaluatePosted(body));
  route(app, ctx, endpoints.listProfiles, async () => ({ items: listProfiles() }));
  // The resolved profile, so the browser scores live with the same core (web/src editor).
  route(app, ctx, profileEndpoints.getProfile, async ({ params }) => {
    const profile = loadProfile(params.id);
    if (!profile.ok) throw notFound(`规则配置“${params.id}”`);
    return profile.value;
  });
}
