// The database schema as Kysely sees it: one schema for SQLite and PostgreSQL (stack.md trap 3:
// text ids, ISO text timestamps, JSON as text, booleans as 0/1 integers).

import type { Generated } from 'kysely';

export interface OrgsTable {
  id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  /** `/rootId/…/id/`: a subtree is `path LIKE '<path>%'`. */
  path: string;
  depth: number;
  profile_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_id: string;
  active: number;
  created_at: string;
  updated_at: string;
  /** null, or why the password must be changed at the next sign-in: 'initial' | 'reset'. */
  must_change_password: string | null;
  password_changed_at: string | null;
  /** 1 for the demo accounts: they sign in only while the server runs in demo mode. */
  demo: Generated<number>;
}

/** The hashes of a user's recent passwords (the current one included), for the history rule. */
export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not leak sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

/** Sign-in attempts per username (`u:<name>`) and per address (`ip:<address>`) in the current window. */
export interface LoginThrottleTable {
  key: string;
  attempts: number;
  window_start: string;
}

export interface ProjectsTable {
  id: string;
  org_id: string;
  name: string;
  code: string | null;
  created_at: string;
  updated_at: string;
}

export interface FormsTable {
  id: string;
  project_id: string;
  org_id: string;
  year: number;
  kind: string;
  /** declaration version (lifecycle.md §3); 1 for the other kinds (the column's default). */
  version: Generated<number>;
  status: string;
  /** the current revision; its Form JSON is revisions(form_id = id, revision = revision).data. */
  revision: number;
  project_name: string;
  profile_id: string;
  self_total: number | null;
  execution_rate: number | null;
  /** lowercased project, unit and indicator names for `q` search. */
  search_text: string;
  /** evaluation under profile_id, written by the background evaluator for `evaluated_revision`. */
  rule_total: number | null;
  grade: string | null;
  finding_count: number | null;
  error_count: number | null;
  /** findings per family (core/audit/types.ts Family). */
  f_arithmetic: number | null;
  f_structure: number | null;
  f_scoring: number | null;
  f_cross_field: number | null;
  f_narrative: number | null;
  f_value: number | null;
  f_target_quality: number | null;
  f_monitoring: number | null;
  f_cross_stage: number | null;
  evaluated_revision: number | null;
  /** 1 while the stored evaluation is older than the revision. */
  eval_pending: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** One row per indicator of the current revision, for queries across forms. */
export interface FormIndicatorsTable {
  form_id: string;
  position: number;
  year: number;
  org_id: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  score: number | null;
  /** self-reported score below weight. */
  missed: number;
}

export interface RevisionsTable {
  form_id: string;
  revision: number;
  data: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

export interface CommentsTable {
  id: string;
  form_id: string;
  revision: number;
  field: string | null;
  body: string;
  action: string | null;
  from_status: string | null;
  to_status: string | null;
  author_id: string;
  created_at: string;
}

export interface EvidenceTable {
  id: string;
  form_id: string;
  row: number | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON of the changed fields before / after. */
  before: string | null;
  after: string | null;
  /** position in the hash chain (audit-chain.ts), 1, 2, 3 … */
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  /** the username as it was (also for failed sign-ins of unknown names). */
  actor_name: string | null;
  /** the client address the action came from. */
  ip: string | null;
}

/** One row (id 1): the chain's last sequence number and hash, and where it starts after pruning. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  base_seq: number;
  base_hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  org_id: string | null;
  on_existing: string;
  error: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** unused since items are claimed one by one (migration 0007); kept so old rows still read. */
  lease_owner: string | null;
  lease_expires_at: string | null;
}

export interface JobItemsTable {
  job_id: string;
  position: number;
  file_name: string;
  content: Uint8Array;
  status: string;
  form_id: string | null;
  error: string | null;
  warning_count: number;
  /** the worker holding this pending item, until lease_expires_at (a killed worker's lease runs out). */
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** how many times a worker claimed it (a file that kills its workers is given up, job-runner.ts). */
  attempts: Generated<number>;
}

export interface Database {
  orgs: OrgsTable;
  users: UsersTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  projects: ProjectsTable;
  forms: FormsTable;
  form_indicators: FormIndicatorsTable;
  revisions: RevisionsTable;
  comments: CommentsTable;
  evidence: EvidenceTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  jobs: JobsTable;
  job_items: JobItemsTable;
}
