// The HTTP contract shared by the server and the web app: zod schemas of every request and
// response, and the endpoint table (endpoints.ts). Imports core only.
export * from './audit-log.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './dashboard.ts';
export * from './endpoints.ts';
export * from './evaluation.ts';
export * from './evidence.ts';
export * from './exports.ts';
export * from './forms.ts';
export * from './imports.ts';
export * from './jobs.ts';
export * from './lifecycle.ts';
export * from './orgs.ts';
export * from './profile-rules.ts';
export * from './projects.ts';
export * from './reports.ts';
export * from './revisions.ts';
export * from './users.ts';
export * from './workflow.ts';
