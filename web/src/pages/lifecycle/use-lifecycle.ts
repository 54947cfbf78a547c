import { useQueries } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import {
  checkStages,
  lifecycleFindings,
  type MonitoringLights,
  monitoringLights,
} from '../../../../src/core/lifecycle/index.ts';
import type { Profile } from '../../../../src/core/rules/profile.ts';
import { call } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { indexEvaluation, type LiveEvaluation } from '../editor/live-rescore.ts';
import { useChain } from './lifecycle-panel.tsx';
import { asStored, findingsAbout } from './stage-findings.ts';

/**
 * The lifecycle checks of the form being edited, run in the browser on every edit like the
 * self-evaluation audit: target quality (T01–T15) and monitoring (M01–M09) on their kinds, the
 * lights, and the cross-stage checks (X01–X16) against the other stored forms of the project's
 * year — the form as typed takes the stored one's place, so a changed target is flagged at once.
 */
export function useLifecycle(
  detail: Pick<FormDetail, 'id' | 'projectId' | 'year' | 'kind' | 'status' | 'version'>,
  form: Form,
  profile: Profile | null,
  base: LiveEvaluation | null,
): { evaluation: LiveEvaluation | null; lights: MonitoringLights | null; stageCount: number } {
  const isDepartment = form.kind === 'department-self-evaluation';
  const chain = useChain(detail.projectId, detail.year, !isDepartment);
  const ids = useMemo(() => {
    const c = chain.data;
    if (!c) return [];
    return [
      ...c.declarations.map((d) => d.id),
      ...c.monitoring.map((m) => m.id),
      ...(c.selfEvaluation ? [c.selfEvaluation.id] : []),
    ].filter((id) => id !== detail.id);
  }, [chain.data, detail.id]);
  const others = useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.form(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(endpoints.getForm, { params: { id }, signal }),
      staleTime: 30_000,
    })),
  });
  const stamp = others.map((q) => q.dataUpdatedAt).join();
  // the queries' result array is new on every render; their data changes only with the stamp
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the stamp, see above
  const otherForms = useMemo(
    () => (others.every((q) => q.data) ? others.map((q) => asStored(q.data!, q.data!.form)) : null),
    [stamp],
  );
  const deferred = useDeferredValue(form);
  return useMemo(() => {
    if (!profile || !base) return { evaluation: base, lights: null, stageCount: 0 };
    const own =
      form.kind === 'project-self-evaluation' ? base.findings : lifecycleFindings(deferred, profile);
    const current = asStored(detail, deferred);
    const stage =
      otherForms && otherForms.length > 0
        ? findingsAbout(checkStages([...otherForms, current], profile), current)
        : [];
    const lights = deferred.kind === 'project-monitoring' ? monitoringLights(deferred, profile) : null;
    return {
      evaluation: indexEvaluation(base.score, [...own, ...stage]),
      lights,
      stageCount: stage.length,
    };
  }, [profile, base, deferred, form.kind, otherForms, detail]);
}
