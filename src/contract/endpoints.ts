import type { z } from 'zod';
import { auditEntrySchema, auditLogQuerySchema, healthSchema } from './audit-log.ts';
import { changePasswordRequestSchema, loginRequestSchema, meSchema } from './auth.ts';
import { idParamsSchema, listOf, pageOf } from './common.ts';
import { dashboardQuerySchema, dashboardSchema } from './dashboard.ts';
import {
  evaluateRequestSchema,
  evaluationQuerySchema,
  evaluationResponseSchema,
  profileInfoSchema,
} from './evaluation.ts';
import { evidenceSchema } from './evidence.ts';
import { exportQuerySchema } from './exports.ts';
import {
  createFormRequestSchema,
  formDetailSchema,
  formListQuerySchema,
  formSummarySchema,
  saveFormRequestSchema,
} from './forms.ts';
import {
  importCommitRequestSchema,
  importCommitResponseSchema,
  importPreviewResponseSchema,
} from './imports.ts';
import { jobItemSchema, jobListQuerySchema, jobSchema } from './jobs.ts';
import {
  adjustmentRequestSchema,
  chainQuerySchema,
  createMonitoringRequestSchema,
  createSelfEvaluationRequestSchema,
  declarationDiffSchema,
  declarationVersionSchema,
  departmentAggregateQuerySchema,
  departmentAggregateSchema,
  diffQuerySchema,
  monitoringWarningSchema,
  projectChainSchema,
  stageFindingsSchema,
  warningsQuerySchema,
} from './lifecycle.ts';
import { createOrgRequestSchema, orgSchema, updateOrgRequestSchema } from './orgs.ts';
import {
  createProjectRequestSchema,
  projectListQuerySchema,
  projectSchema,
  updateProjectRequestSchema,
} from './projects.ts';
import { selfEvaluationReportQuerySchema, spotCheckReportQuerySchema } from './reports.ts';
import { revisionDetailSchema, revisionParamsSchema, revisionSummarySchema } from './revisions.ts';
import { createUserRequestSchema, updateUserRequestSchema, userSchema } from './users.ts';
import { commentSchema, createCommentRequestSchema, transitionRequestSchema } from './workflow.ts';

/**
 * Every HTTP endpoint: the server registers routes from this table and the web client calls
 * through it, so paths, inputs and outputs cannot drift apart. Paths use `:name` parameters.
 * `body: 'multipart'` takes multipart/form-data; `produces` says what a success returns.
 * Errors are always `errorResponseSchema` (common.ts). Every non-GET request of a signed-in user
 * must carry the `x-csrf-token` header.
 */
export type Endpoint = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  /** false: reachable without a session. */
  auth: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType | 'multipart';
  status: 200 | 201 | 202 | 204;
  produces: 'json' | 'file' | 'event-stream' | 'none';
  response?: z.ZodType;
  /** request headers the endpoint reads. */
  headers?: readonly string[];
};

const e = <const E extends Endpoint>(x: E): E => x;
const json = { produces: 'json', status: 200 } as const;

export const endpoints = {
  health: e({
    method: 'GET',
    path: '/api/health',
    summary: '健康检查',
    tag: '系统',
    auth: false,
    ...json,
    response: healthSchema,
  }),

  login: e({
    method: 'POST',
    path: '/api/session',
    summary: '登录',
    tag: '会话',
    auth: false,
    body: loginRequestSchema,
    ...json,
    response: meSchema,
  }),
  logout: e({
    method: 'DELETE',
    path: '/api/session',
    summary: '退出登录',
    tag: '会话',
    auth: true,
    status: 204,
    produces: 'none',
  }),
  me: e({
    method: 'GET',
    path: '/api/session',
    summary: '当前用户',
    tag: '会话',
    auth: true,
    ...json,
    response: meSchema,
  }),
  changePassword: e({
    method: 'POST',
    path: '/api/session/password',
    summary: '修改密码',
    tag: '会话',
    auth: true,
    body: changePasswordRequestSchema,
    status: 204,
    produces: 'none',
  }),

  listProfiles: e({
    method: 'GET',
    path: '/api/profiles',
    summary: '规则配置列表',
    tag: '评分',
    auth: true,
    ...json,
    response: listOf(profileInfoSchema),
  }),
  evaluate: e({
    method: 'POST',
    path: '/api/evaluate',
    summary: '对提交的 Form JSON 评分与审核（不保存）',
    tag: '评分',
    auth: true,
    body: evaluateRequestSchema,
    ...json,
    response: evaluationResponseSchema,
  }),

  listOrgs: e({
    method: 'GET',
    path: '/api/orgs',
    summary: '组织树（本人范围内）',
    tag: '组织',
    auth: true,
    ...json,
    response: listOf(orgSchema),
  }),
  getOrg: e({
    method: 'GET',
    path: '/api/orgs/:id',
    summary: '组织详情',
    tag: '组织',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: orgSchema,
  }),
  createOrg: e({
    method: 'POST',
    path: '/api/orgs',
    summary: '新建组织',
    tag: '组织',
    auth: true,
    body: createOrgRequestSchema,
    status: 201,
    produces: 'json',
    response: orgSchema,
  }),
  updateOrg: e({
    method: 'PATCH',
    path: '/api/orgs/:id',
    summary: '修改组织',
    tag: '组织',
    auth: true,
    params: idParamsSchema,
    body: updateOrgRequestSchema,
    ...json,
    response: orgSchema,
  }),

  listUsers: e({
    method: 'GET',
    path: '/api/users',
    summary: '用户列表',
    tag: '用户',
    auth: true,
    ...json,
    response: listOf(userSchema),
  }),
  createUser: e({
    method: 'POST',
    path: '/api/users',
    summary: '新建用户',
    tag: '用户',
    auth: true,
    body: createUserRequestSchema,
    status: 201,
    produces: 'json',
    response: userSchema,
  }),
  updateUser: e({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: '修改用户',
    tag: '用户',
    auth: true,
    params: idParamsSchema,
    body: updateUserRequestSchema,
    ...json,
    response: userSchema,
  }),

  listProjects: e({
    method: 'GET',
    path: '/api/projects',
    summary: '项目列表',
    tag: '项目',
    auth: true,
    query: projectListQuerySchema,
    ...json,
    response: pageOf(projectSchema),
  }),
  getProject: e({
    method: 'GET',
    path: '/api/projects/:id',
    summary: '项目详情',
    tag: '项目',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: projectSchema,
  }),
  createProject: e({
    method: 'POST',
    path: '/api/projects',
    summary: '新建项目',
    tag: '项目',
    auth: true,
    body: createProjectRequestSchema,
    status: 201,
    produces: 'json',
    response: projectSchema,
  }),
  updateProject: e({
    method: 'PATCH',
    path: '/api/projects/:id',
    summary: '修改项目',
    tag: '项目',
    auth: true,
    params: idParamsSchema,
    body: updateProjectRequestSchema,
    ...json,
    response: projectSchema,
  }),

  listForms: e({
    method: 'GET',
    path: '/api/forms',
    summary: '自评表列表与检索',
    tag: '自评表',
    auth: true,
    query: formListQuerySchema,
    ...json,
    response: pageOf(formSummarySchema),
  }),
  createForm: e({
    method: 'POST',
    path: '/api/forms',
    summary: '新建自评表',
    tag: '自评表',
    auth: true,
    body: createFormRequestSchema,
    status: 201,
    produces: 'json',
    response: formDetailSchema,
  }),
  getForm: e({
    method: 'GET',
    path: '/api/forms/:id',
    summary: '自评表详情（ETag 为修订号）',
    tag: '自评表',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: formDetailSchema,
  }),
  saveForm: e({
    method: 'PUT',
    path: '/api/forms/:id',
    summary: '保存自评表（需 If-Match 修订号，过期返回 409；Prefer: return=minimal 时不回传 form）',
    tag: '自评表',
    auth: true,
    params: idParamsSchema,
    body: saveFormRequestSchema,
    headers: ['if-match', 'prefer'],
    ...json,
    response: formDetailSchema,
  }),
  deleteForm: e({
    method: 'DELETE',
    path: '/api/forms/:id',
    summary: '删除草稿',
    tag: '自评表',
    auth: true,
    params: idParamsSchema,
    headers: ['if-match'],
    status: 204,
    produces: 'none',
  }),
  transitionForm: e({
    method: 'POST',
    path: '/api/forms/:id/transitions',
    summary: '提交 / 退回 / 审核通过 / 公开',
    tag: '流程',
    auth: true,
    params: idParamsSchema,
    body: transitionRequestSchema,
    headers: ['if-match'],
    ...json,
    response: formDetailSchema,
  }),
  listComments: e({
    method: 'GET',
    path: '/api/forms/:id/comments',
    summary: '意见列表',
    tag: '流程',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(commentSchema),
  }),
  createComment: e({
    method: 'POST',
    path: '/api/forms/:id/comments',
    summary: '发表意见（针对表或单元格）',
    tag: '流程',
    auth: true,
    params: idParamsSchema,
    body: createCommentRequestSchema,
    status: 201,
    produces: 'json',
    response: commentSchema,
  }),
  listRevisions: e({
    method: 'GET',
    path: '/api/forms/:id/revisions',
    summary: '修订历史',
    tag: '自评表',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(revisionSummarySchema),
  }),
  getRevision: e({
    method: 'GET',
    path: '/api/forms/:id/revisions/:revision',
    summary: '某一修订的 Form JSON',
    tag: '自评表',
    auth: true,
    params: revisionParamsSchema,
    ...json,
    response: revisionDetailSchema,
  }),
  formAuditLog: e({
    method: 'GET',
    path: '/api/forms/:id/audit-log',
    summary: '自评表的变更记录',
    tag: '自评表',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(auditEntrySchema),
  }),
  evaluateForm: e({
    method: 'GET',
    path: '/api/forms/:id/evaluation',
    summary: '按规则配置评分与审核',
    tag: '评分',
    auth: true,
    params: idParamsSchema,
    query: evaluationQuerySchema,
    ...json,
    response: evaluationResponseSchema,
  }),
  exportForm: e({
    method: 'GET',
    path: '/api/forms/:id/export',
    summary: '导出 xlsx / docx / pdf / html',
    tag: '导入导出',
    auth: true,
    params: idParamsSchema,
    query: exportQuerySchema,
    status: 200,
    produces: 'file',
  }),
  formReport: e({
    method: 'GET',
    path: '/api/forms/:id/report',
    summary: '项目支出绩效自评报告（docx / pdf；叙述部分为表中保存的修改，未改的按表中数字起草）',
    tag: '报告',
    auth: true,
    params: idParamsSchema,
    query: selfEvaluationReportQuerySchema,
    status: 200,
    produces: 'file',
  }),
  spotCheckReport: e({
    method: 'GET',
    path: '/api/reports/spot-check',
    summary: '抽查报告（xlsx / pdf）：本人范围内按年度、单位、状态筛选的自评表',
    tag: '报告',
    auth: true,
    query: spotCheckReportQuerySchema,
    status: 200,
    produces: 'file',
  }),

  listEvidence: e({
    method: 'GET',
    path: '/api/forms/:id/evidence',
    summary: '佐证材料列表',
    tag: '佐证材料',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(evidenceSchema),
  }),
  uploadEvidence: e({
    method: 'POST',
    path: '/api/forms/:id/evidence',
    summary: '上传佐证材料（multipart：row、file）',
    tag: '佐证材料',
    auth: true,
    params: idParamsSchema,
    body: 'multipart',
    status: 201,
    produces: 'json',
    response: evidenceSchema,
  }),
  downloadEvidence: e({
    method: 'GET',
    path: '/api/evidence/:id/content',
    summary: '下载佐证材料',
    tag: '佐证材料',
    auth: true,
    params: idParamsSchema,
    status: 200,
    produces: 'file',
  }),
  deleteEvidence: e({
    method: 'DELETE',
    path: '/api/evidence/:id',
    summary: '删除佐证材料',
    tag: '佐证材料',
    auth: true,
    params: idParamsSchema,
    status: 204,
    produces: 'none',
  }),

  importPreview: e({
    method: 'POST',
    path: '/api/imports/preview',
    summary: '上传文件预览 Form JSON 与警告（不保存）',
    tag: '导入导出',
    auth: true,
    body: 'multipart',
    ...json,
    response: importPreviewResponseSchema,
  }),
  importCommit: e({
    method: 'POST',
    path: '/api/imports/commit',
    summary: '保存预览后的 Form JSON',
    tag: '导入导出',
    auth: true,
    body: importCommitRequestSchema,
    status: 201,
    produces: 'json',
    response: importCommitResponseSchema,
  }),

  createImportJob: e({
    method: 'POST',
    path: '/api/jobs/imports',
    summary: '批量导入（multipart：orgId、onExisting、files…）',
    tag: '批量任务',
    auth: true,
    body: 'multipart',
    status: 202,
    produces: 'json',
    response: jobSchema,
  }),
  listJobs: e({
    method: 'GET',
    path: '/api/jobs',
    summary: '批量任务列表',
    tag: '批量任务',
    auth: true,
    query: jobListQuerySchema,
    ...json,
    response: pageOf(jobSchema),
  }),
  getJob: e({
    method: 'GET',
    path: '/api/jobs/:id',
    summary: '批量任务进度',
    tag: '批量任务',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: jobSchema,
  }),
  listJobItems: e({
    method: 'GET',
    path: '/api/jobs/:id/items',
    summary: '批量任务中每个文件的结果',
    tag: '批量任务',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(jobItemSchema),
  }),
  jobEvents: e({
    method: 'GET',
    path: '/api/jobs/:id/events',
    summary: '批量任务进度（server-sent events）',
    tag: '批量任务',
    auth: true,
    params: idParamsSchema,
    status: 200,
    produces: 'event-stream',
  }),
  cancelJob: e({
    method: 'POST',
    path: '/api/jobs/:id/cancel',
    summary: '取消批量任务',
    tag: '批量任务',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: jobSchema,
  }),

  // The lifecycle (lifecycle.md §3; contract/lifecycle.ts).
  projectChain: e({
    method: 'GET',
    path: '/api/projects/:id/chain',
    summary: '项目某年度的表单链：目标申报各版本、运行监控、自评',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    query: chainQuerySchema,
    ...json,
    response: projectChainSchema,
  }),
  listVersions: e({
    method: 'GET',
    path: '/api/forms/:id/versions',
    summary: '目标申报表的各版本（旧版在前）',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: listOf(declarationVersionSchema),
  }),
  diffVersions: e({
    method: 'GET',
    path: '/api/forms/:id/diff',
    summary: '两个目标申报版本的差异（按指标编号）',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    query: diffQuerySchema,
    ...json,
    response: declarationDiffSchema,
  }),
  adjustForm: e({
    method: 'POST',
    path: '/api/forms/:id/adjustments',
    summary: '调整已批复的绩效目标：由该版本新建下一版草稿（每个项目同时只能有一项调整）',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    body: adjustmentRequestSchema,
    status: 201,
    produces: 'json',
    response: formDetailSchema,
  }),
  createMonitoring: e({
    method: 'POST',
    path: '/api/projects/:id/monitoring',
    summary: '新建运行监控表（按监控时点有效的目标版本预填）',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    body: createMonitoringRequestSchema,
    status: 201,
    produces: 'json',
    response: formDetailSchema,
  }),
  createSelfEvaluation: e({
    method: 'POST',
    path: '/api/projects/:id/self-evaluation',
    summary: '新建自评表（按最新批复的目标与最近的监控预填）',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    body: createSelfEvaluationRequestSchema,
    status: 201,
    produces: 'json',
    response: formDetailSchema,
  }),
  stageFindings: e({
    method: 'GET',
    path: '/api/forms/:id/stage-findings',
    summary: '跨阶段核对（X01–X16）：本表对照项目同年度的其他表',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    ...json,
    response: stageFindingsSchema,
  }),
  monitoringWarnings: e({
    method: 'GET',
    path: '/api/monitoring/warnings',
    summary: '运行监控预警清单（各项目最近一期监控表的红灯、黄灯）',
    tag: '全周期',
    auth: true,
    query: warningsQuerySchema,
    ...json,
    response: listOf(monitoringWarningSchema),
  }),
  departmentAggregate: e({
    method: 'GET',
    path: '/api/departments/:id/aggregate',
    summary: '部门整体自评与所属项目自评汇总',
    tag: '全周期',
    auth: true,
    params: idParamsSchema,
    query: departmentAggregateQuerySchema,
    ...json,
    response: departmentAggregateSchema,
  }),

  dashboard: e({
    method: 'GET',
    path: '/api/dashboard',
    summary: '统计看板',
    tag: '统计',
    auth: true,
    query: dashboardQuerySchema,
    ...json,
    response: dashboardSchema,
  }),
  auditLog: e({
    method: 'GET',
    path: '/api/audit-log',
    summary: '变更记录（管理员）',
    tag: '系统',
    auth: true,
    query: auditLogQuerySchema,
    ...json,
    response: pageOf(auditEntrySchema),
  }),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** `/api/forms/:id` + `{ id: 'x' }` → `/api/forms/x`. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`缺少路径参数 ${name}`);
    return encodeURIComponent(String(v));
  });
}

/** Types of an endpoint's parts, for typed clients. */
export type ParamsOf<E extends Endpoint> = E['params'] extends z.ZodObject ? z.input<E['params']> : undefined;
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodObject ? z.input<E['query']> : undefined;
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType
  ? z.input<E['body']>
  : E['body'] extends 'multipart'
    ? FormData
    : undefined;
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : undefined;
