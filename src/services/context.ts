import { randomUUID } from 'node:crypto';
import { openStore, type Store } from '../store/index.ts';

/** Tunables, with defaults good for a server; tests shorten the timings. */
export type ServiceConfig = {
  sessionTtlMs: number;
  /** a session's expiry slides forward at most this often (one write per interval, not per request). */
  sessionTouchMs: number;
  loginWindowMs: number;
  maxLoginFailuresPerUser: number;
  maxLoginFailuresPerIp: number;
  jobLeaseMs: number;
  evidenceMaxBytes: number;
  importMaxBytes: number;
  /** scrypt cost (N); tests use a small one. */
  scryptCost: number;
};

export const DEFAULT_CONFIG: ServiceConfig = {
  sessionTtlMs: 12 * 3600_000,
  sessionTouchMs: 5 * 60_000,
  loginWindowMs: 15 * 60_000,
  maxLoginFailuresPerUser: 5,
  maxLoginFailuresPerIp: 50,
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
};

/** Who is acting outside any session: background jobs, the demo seed. */
const NO_SESSION = { id: '', csrfToken: '' };

/** The actor of a user in their org, in a session (or none). */
export function actorOf(
  user: { id: string; username: string; displayName: string; role: Actor['role'] },
  org: { id: string; name: string; kind: Actor['orgKind']; path: string },
  session: { id: string; csrfToken: string } = NO_SESSION,
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
  };
}

export type { DialectName } from '../store/index.ts';

/** Opens (and migrates) the database and builds a context over it; `close` closes the database. */
export async function openContext(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  config?: Partial<ServiceConfig>;
}): Promise<AppContext & { close(): Promise<void> }> {
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl || undefined });
  const ctx = createContext(store, options.dataDir, {
    ...(options.config ? { config: options.config } : {}),
  });
  return { ...ctx, close: () => store.close() };
}
