import type { FORM_STATUSES, FormKind } from '../core/form/schema.ts';

// What repositories return: camelCase records, numbers as numbers, booleans as booleans.

export type ActorRef = { id: string; username: string; displayName: string };

export type OrgRecord = {
  id: string;
  parentId: string | null;
  name: string;
  kind: 'finance' | 'department' | 'unit';
  path: string;
  depth: number;
  profileId: string | null;
  createdAt: string;
};

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  role: 'unit-filler' | 'department-reviewer' | 'finance-reviewer' | 'admin';
  orgId: string;
  orgName: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

/** A session joined with its user and the user's org: everything access control needs. */
export type SessionRecord = {
  id: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  user: UserRecord;
  /** what the password rules need about the user. */
  account: {
    mustChangePassword: 'initial' | 'reset' | null;
    passwordChangedAt: string | null;
    demo: boolean;
  };
  org: { id: string; name: string; kind: OrgRecord['kind']; path: string };
};

export type ProjectRecord = {
  id: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  name: string;
  code: string | null;
  formCount: number;
  createdAt: string;
  updatedAt: string;
};

export type FormStatusWord = (typeof FORM_STATUSES)[number];

/** A form's stored columns without its Form JSON. */
export type FormSummaryRecord = {
  id: string;
  projectId: string;
  projectName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  year: number;
  kind: FormKind;
  /** declaration version; 1 for the other kinds. */
  version: number;
  status: FormStatusWord;
  revision: number;
  selfTotal: number | null;
  executionRate: number | null;
  ruleTotal: number | null;
  grade: string | null;
  findingCount: number | null;
  errorCount: number | null;
  evaluated: boolean;
  profileId: string;
  updatedAt: string;
  updatedBy: ActorRef;
};

export type FormDetailRecord = FormSummaryRecord & {
  /** Form JSON as stored, UTF-8 bytes. */
  data: Uint8Array;
  createdAt: string;
  createdBy: ActorRef;
};

/** The columns a save or a transition checks, with the org path for scope checks. */
export type FormHeadRecord = {
  id: string;
  projectId: string;
  orgId: string;
  orgPath: string;
  year: number;
  kind: string;
  version: number;
  status: FormStatusWord;
  revision: number;
  profileId: string;
};

export type RevisionRecord = {
  formId: string;
  revision: number;
  note: string | null;
  createdAt: string;
  createdBy: ActorRef;
};

export type CommentRecord = {
  id: string;
  formId: string;
  revision: number;
  field: string | null;
  body: string;
  action: 'submit' | 'return' | 'approve' | 'publish' | 'review' | null;
  fromStatus: FormStatusWord | null;
  toStatus: FormStatusWord | null;
  author: ActorRef;
  createdAt: string;
};

export type EvidenceRecord = {
  id: string;
  formId: string;
  row: number | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: ActorRef;
  createdAt: string;
};

export type AuditRecord = {
  id: string;
  seq: number | null;
  at: string;
  actor: ActorRef | null;
  /** the username as it was when the entry was written (also for unknown names at sign-in). */
  actorName: string | null;
  /** where the action came from: the client address, or `命令行` for the CLI. */
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type JobStatusWord = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type OnExistingWord = 'fail' | 'new-revision' | 'skip';

export type JobRecord = {
  id: string;
  kind: 'import';
  status: JobStatusWord;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  orgId: string | null;
  onExisting: OnExistingWord;
  error: string | null;
  createdBy: ActorRef;
  createdByOrgPath: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
};

export type JobItemRecord = {
  position: number;
  fileName: string;
  status: 'pending' | 'done' | 'skipped' | 'failed';
  formId: string | null;
  error: string | null;
  warningCount: number;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
