import { randomUUID } from 'node:crypto';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../core/account/password-policy.ts';
import { openStore, SchemaMismatchError, type Store } from '../store/index.ts';
import type { Parser } from './parse-pool.ts';
import { ServiceError } from './service-error.ts';

/** Tunables, with defaults good for a server; tests shorten the timings. */
export type ServiceConfig = {
  /** a session ends after this long without a request (等保: 超时自动退出). */
  idleTimeoutMs: number;
  /** and this long after sign-in, however active (absolute lifetime). */
  sessionMaxAgeMs: number;
  /** a session's last-seen time is written at most this often (one write per interval, not per request). */
  sessionTouchMs: number;
  /** after maxLoginFailuresPerUser failures within this time the account is locked for this long. */
  loginWindowMs: number;
  maxLoginFailuresPerUser: number;
  maxLoginFailuresPerIp: number;
  password: PasswordPolicy;
  /** demo accounts may sign in (README quick start); off for a real deployment. */
  demoMode: boolean;
  jobLeaseMs: number;
  evidenceMaxBytes: number;
  importMaxBytes: number;
  /** scrypt cost (N); tests use a small one. */
  scryptCost: number;
};

export const DEFAULT_CONFIG: ServiceConfig = {
  idleTimeoutMs: 30 * 60_000,
  sessionMaxAgeMs: 8 * 3600_000,
  sessionTouchMs: 60_000,
  loginWindowMs: 15 * 60_000,
  maxLoginFailuresPerUser: 5,
  maxLoginFailuresPerIp: 50,
  password: DEFAULT_PASSWORD_POLICY,
  demoMode: false,
  jobLeaseMs: 30_000,
  evidenceMaxBytes: 20 * 1024 * 1024,
  importMaxBytes: 30 * 1024 * 1024,
  scryptCost: 16384,
};

/**
 * What every use case needs: the store, the data directory (evidence files), a clock and an id
 * source (injected so tests control them), and a way to wake this process's background workers.
 * Nothing here holds state that another server process would need: that lives in the database.
 */
export type AppContext = {
  store: Store;
  dataDir: string;
  now: () => Date;
  newId: () => string;
  config: ServiceConfig;
  wake: { evaluator(): void; jobs(): void };
  /**
   * this process's parse pool while its background workers run (background.ts): uploads are read
   * there too, off the thread that answers requests. Absent: read on this thread.
   */
  parser?: Parser;
};

export function createContext(
  store: Store,
  dataDir: string,
  overrides: Partial<Omit<AppContext, 'store' | 'dataDir' | 'config'>> & {
    config?: Partial<ServiceConfig>;
  } = {},
): AppContext {
  return {
    store,
    dataDir,
    now: overrides.now ?? (() => new Date()),
    newId: overrides.newId ?? (() => randomUUID()),
    config: { ...DEFAULT_CONFIG, ...overrides.config },
    wake: overrides.wake ?? { evaluator: () => undefined, jobs: () => undefined },
  };
}

export const iso = (ctx: AppContext): string => ctx.now().toISOString();

/** The signed-in user as use cases see them: who, which role, which org subtree. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: 'unit-filler' | 'department-reviewer' | 'finance-reviewer' | 'admin';
  orgId: string;
  orgName: string;
  orgKind: 'finance' | 'department' | 'unit';
  /** the actor sees the subtree below this path. */
  orgPath: string;
  sessionId: string;
  csrfToken: string;
  /** where the request came from (the client address), for the audit log; null outside requests. */
  ip: string | null;
  /** why the password must be changed before anything else (first sign-in, reset, expired), or null. */
  passwordChange: 'initial' | 'reset' | 'expired' | null;
};

/** Who is acting outside any session: background jobs, the demo seed. */
const NO_SESSION = { id: '', csrfToken: '' };

/** The actor of a user in their org, in a session (or none). */
export function actorOf(
  user: { id: string; username: string; displayName: string; role: Actor['role'] },
  org: { id: string; name: string; kind: Actor['orgKind']; path: string },
  session: { id: string; csrfToken: string } = NO_SESSION,
  extra: { ip?: string | null; passwordChange?: Actor['passwordChange'] } = {},
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    orgId: org.id,
    orgName: org.name,
    orgKind: org.kind,
    orgPath: org.path,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    ip: extra.ip ?? null,
    passwordChange: extra.passwordChange ?? null,
  };
}

export type { DialectName } from '../store/index.ts';

/** Opens (and migrates) the database and builds a context over it; `close` closes the database. */
export async function openContext(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  config?: Partial<ServiceConfig>;
  /** see StoreOptions.migrate; default: migrate to the latest schema. */
  migrate?: boolean | 'latest' | 'if-empty';
}): Promise<AppContext & { close(): Promise<void> }> {
  let store: Store;
  try {
    store = await openStore({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl || undefined,
      migrate: options.migrate ?? 'latest',
    });
  } catch (e) {
    if (e instanceof SchemaMismatchError)
      throw new ServiceError('schema-mismatch', e.message, { kind: e.kind, migrations: e.migrations });
    throw e;
  }
  const ctx = createContext(store, options.dataDir, {
    ...(options.config ? { config: options.config } : {}),
  });
  return { ...ctx, close: () => store.close() };
}
