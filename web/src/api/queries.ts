import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery } from '../../../src/contract/dashboard.ts';
import { endpoints } from '../../../src/contract/endpoints.ts';
import type { FormListQueryInput } from '../../../src/contract/forms.ts';
import { profileEndpoints } from '../../../src/contract/profile-rules.ts';
import { call } from './client.ts';

// React Query hooks over the typed client: one key per resource, so a mutation invalidates
// exactly what it changed.

export const keys = {
  forms: (q?: FormListQueryInput) => (q ? (['forms', q] as const) : (['forms'] as const)),
  form: (id: string) => ['form', id] as const,
  comments: (id: string) => ['form', id, 'comments'] as const,
  revisions: (id: string) => ['form', id, 'revisions'] as const,
  revision: (id: string, rev: number) => ['form', id, 'revision', rev] as const,
  evidence: (id: string) => ['form', id, 'evidence'] as const,
  profiles: ['profiles'] as const,
  profile: (id: string) => ['profile', id] as const,
  orgs: ['orgs'] as const,
  dashboard: (q: DashboardQuery) => ['dashboard', q] as const,
};

export const useForms = (query: FormListQueryInput, enabled = true) =>
  useQuery({
    queryKey: keys.forms(query),
    queryFn: ({ signal }) => call(endpoints.listForms, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useFormDetail = (id: string) =>
  useQuery({
    queryKey: keys.form(id),
    queryFn: ({ signal }) => call(endpoints.getForm, { params: { id }, signal }),
    staleTime: 0,
  });

export const useComments = (id: string) =>
  useQuery({
    queryKey: keys.comments(id),
    queryFn: ({ signal }) => call(endpoints.listComments, { params: { id }, signal }),
  });

export const useRevisions = (id: string) =>
  useQuery({
    queryKey: keys.revisions(id),
    queryFn: ({ signal }) => call(endpoints.listRevisions, { params: { id }, signal }),
  });

export const useRevision = (id: string, revision: number | null) =>
  useQuery({
    queryKey: keys.revision(id, revision ?? 0),
    queryFn: ({ signal }) => call(endpoints.getRevision, { params: { id, revision: revision ?? 1 }, signal }),
    enabled: revision !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useEvidence = (id: string) =>
  useQuery({
    queryKey: keys.evidence(id),
    queryFn: ({ signal }) => call(endpoints.listEvidence, { params: { id }, signal }),
  });

export const useProfiles = () =>
  useQuery({
    queryKey: keys.profiles,
    queryFn: ({ signal }) => call(endpoints.listProfiles, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The resolved rule profile, for live scoring in the browser. */
export const useProfile = (id: string | null) =>
  useQuery({
    queryKey: keys.profile(id ?? ''),
    queryFn: ({ signal }) => call(profileEndpoints.getProfile, { params: { id: id ?? '' }, signal }),
    enabled: id !== null && id !== '',
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

export const useOrgs = () =>
  useQuery({
    queryKey: keys.orgs,
    queryFn: ({ signal }) => call(endpoints.listOrgs, { signal }),
    staleTime: 5 * 60_000,
  });

export const useDashboard = (query: DashboardQuery, enabled = true) =>
  useQuery({
    queryKey: keys.dashboard(query),
    queryFn: ({ signal }) => call(endpoints.dashboard, { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
