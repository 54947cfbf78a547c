import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors.ts';

/** Retries only what may pass on a second try: network errors and 5xx, never 4xx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});
