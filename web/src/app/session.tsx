import { Spin } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../../src/contract/auth.ts';
import { endpoints } from '../../../src/contract/endpoints.ts';
import { call, setCsrfToken, setPasswordChangeHandler, setUnauthenticatedHandler } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { queryClient } from './query-client.ts';

type SessionState = {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  /** reads the session again (after a password change). */
  refresh: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const adopt = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  useEffect(() => {
    let live = true;
    call(endpoints.me)
      .then((m) => live && adopt(m))
      .catch((e) => {
        if (live && !isApiError(e, 'unauthenticated')) console.warn('session check failed', e);
      })
      .finally(() => live && setLoading(false));
    setUnauthenticatedHandler(() => {
      adopt(null);
      queryClient.clear();
    });
    setPasswordChangeHandler(() => {
      call(endpoints.me).then(
        (m) => live && adopt(m),
        () => undefined,
      );
    });
    return () => {
      live = false;
      setUnauthenticatedHandler(null);
      setPasswordChangeHandler(null);
    };
  }, [adopt]);

  const login = useCallback(
    async (username: string, password: string) => {
      const m = await call(endpoints.login, { body: { username, password } });
      queryClient.clear();
      adopt(m);
      return m;
    },
    [adopt],
  );

  const logout = useCallback(async () => {
    try {
      await call(endpoints.logout);
    } finally {
      adopt(null);
      queryClient.clear();
    }
  }, [adopt]);

  const refresh = useCallback(async () => {
    adopt(await call(endpoints.me));
  }, [adopt]);

  const value = useMemo(
    () => ({ me, loading, login, logout, refresh }),
    [me, loading, login, logout, refresh],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only inside <RequireSession>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!me)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // first sign-in, a reset or an expired password: nothing else until it is changed
  if (me.passwordChange && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}

export function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Who may see the dashboard (issue 5 §7: department and finance roles). */
export function canSeeDashboard(me: Me): boolean {
  return me.user.role !== 'unit-filler';
}
