import { z } from 'zod';
import { FORM_KINDS, formSchema } from '../core/form/schema.ts';
import {
  actorSchema,
  formStatusSchema,
  idSchema,
  pageQuerySchema,
  queryBoolean,
  timestampSchema,
} from './common.ts';
import { workflowActionSchema } from './workflow.ts';

export const formKindSchema = z.enum(FORM_KINDS);

/** A form in lists: the stored summary columns, no Form JSON. */
export const formSummarySchema = z.object({
  id: idSchema,
  projectId: idSchema,
  projectName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  kind: formKindSchema,
  /** declaration version (1 = year-start, +1 per adjustment); 1 for the other kinds. */
  version: z.number().int(),
  status: formStatusSchema,
  /** starts at 1, +1 on every content save; send it as `If-Match` when saving. */
  revision: z.number().int(),
  /** 总分 as printed (self-reported). */
  selfTotal: z.number().nullable(),
  /** 执行率 from the funds row, percent. */
  executionRate: z.number().nullable(),
  /**
   * Rule score, grade and finding counts under the form's profile. Computed in the background
   * after each save; null (and `evaluated` false) until then.
   */
  ruleTotal: z.number().nullable(),
  grade: z.string().nullable(),
  findingCount: z.number().int().nullable(),
  errorCount: z.number().int().nullable(),
  evaluated: z.boolean(),
  profileId: z.string(),
  updatedAt: timestampSchema,
  updatedBy: actorSchema,
});
export type FormSummary = z.infer<typeof formSummarySchema>;

/** One stored form: summary + Form JSON + what the caller may do with it. */
export const formDetailSchema = formSummarySchema.extend({
  form: formSchema,
  createdAt: timestampSchema,
  createdBy: actorSchema,
  /** whether the caller may save content now (status draft or returned, and role/scope allow). */
  canEdit: z.boolean(),
  allowedActions: z.array(workflowActionSchema),
  /** an approved declaration version the caller may adjust now (POST /api/forms/:id/adjustments). */
  canAdjust: z.boolean().optional(),
});
export type FormDetail = z.infer<typeof formDetailSchema>;

export const FORM_SORTS = [
  'updated-desc',
  'updated-asc',
  'year-desc',
  'score-desc',
  'score-asc',
  'name-asc',
] as const;

export const formListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().optional(),
  /** an org node: forms of it and everything below it (within the caller's scope). */
  orgId: idSchema.optional(),
  projectId: idSchema.optional(),
  kind: formKindSchema.optional(),
  status: formStatusSchema.optional(),
  grade: z.string().max(8).optional(),
  hasFindings: queryBoolean.optional(),
  /** searches project name, unit name and indicator names. */
  q: z.string().max(200).optional(),
  sort: z.enum(FORM_SORTS).default('updated-desc'),
});
export type FormListQuery = z.infer<typeof formListQuerySchema>;
export type FormListQueryInput = z.input<typeof formListQuerySchema>;

/**
 * Create a form. Give `projectId`, or `orgId` (an implementing unit) and the project is found or
 * created by `form.projectName`. Year and kind come from the Form JSON. A department-self-evaluation
 * is filed under a department org (`orgId` a 主管部门) and needs no project name. A declaration is
 * created as version `form.version` (default 1); (project, year, kind, version) is unique.
 */
export const createFormRequestSchema = z.object({
  form: formSchema,
  projectId: idSchema.optional(),
  orgId: idSchema.optional(),
  profileId: z.string().max(64).optional(),
});
export type CreateFormRequest = z.infer<typeof createFormRequestSchema>;

/**
 * A save answered with `Prefer: return=minimal` (RFC 7240): the stored summary and what the caller
 * may do next, without the Form JSON the client just sent. Without that header a save answers with
 * the full formDetailSchema.
 */
export const formSavedSchema = formDetailSchema.omit({ form: true });
export type FormSaved = z.infer<typeof formSavedSchema>;

/** PUT /api/forms/:id with header `If-Match: "<revision>"` (the ETag of the GET). */
export const saveFormRequestSchema = z.object({
  form: formSchema,
  /** a note kept with the revision. */
  note: z.string().max(1000).optional(),
  profileId: z.string().max(64).optional(),
});
export type SaveFormRequest = z.infer<typeof saveFormRequestSchema>;

/** 409 `stale-revision` details: the revision now stored, to reload and merge. */
export const staleRevisionDetailsSchema = z.object({ currentRevision: z.number().int() });

/** The ETag of a form at a revision (strong, quoted). */
export const formEtag = (revision: number): string => `"${revision}"`;
/** Parses `If-Match: "3"` (or `3`, `W/"3"`) → 3; null when absent or not a revision. */
export function parseIfMatch(header: string | undefined): number | null {
  if (!header) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  return m ? Number(m[1]) : null;
}
