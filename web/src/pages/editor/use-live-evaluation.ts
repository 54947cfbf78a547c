import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { useProfile } from '../../api/queries.ts';
import { indexEvaluation, type LiveEvaluation, rescore } from './live-rescore.ts';

const SERVER_DEBOUNCE_MS = 350;

/**
 * Live score and audit of the form being edited. The domain core runs in the browser with the
 * profile fetched once; should the profile not load, the server scores instead (debounced).
 */
export function useLiveEvaluation(form: Form, profileId: string | null) {
  const profile = useProfile(profileId);
  const deferred = useDeferredValue(form);
  const local = useMemo(
    () => (profile.data ? rescore(deferred, profile.data) : null),
    [deferred, profile.data],
  );
  const [remote, setRemote] = useState<LiveEvaluation | null>(null);
  const useServer = profile.isError;
  useEffect(() => {
    if (!useServer) return;
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      call(endpoints.evaluate, {
        body: { form: deferred, ...(profileId ? { profile: profileId } : {}) },
        signal: ctrl.signal,
      })
        .then((r) => setRemote(indexEvaluation(r.score, r.findings)))
        .catch(() => {});
    }, SERVER_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [useServer, deferred, profileId]);
  return {
    evaluation: local ?? (useServer ? remote : null),
    source: local ? ('browser' as const) : useServer ? ('server' as const) : ('loading' as const),
    profile: profile.data ?? null,
    stale: deferred !== form,
  };
}
