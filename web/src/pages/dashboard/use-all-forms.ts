import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormSummary } from '../../../../src/contract/forms.ts';
import { call } from '../../api/client.ts';

const PAGE = 200;
const MAX_PAGES = 10;

/** Every form summary in scope (up to 2,000), for the per-form leniency view and the spot-check list. */
export function useAllForms(filter: { year?: number | undefined; orgId?: string | undefined }) {
  return useQuery({
    queryKey: ['forms', 'all', filter],
    queryFn: async ({ signal }) => {
      const out: FormSummary[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const r = await call(endpoints.listForms, {
          query: {
            page,
            pageSize: PAGE,
            sort: 'score-asc',
            ...(filter.year ? { year: filter.year } : {}),
            ...(filter.orgId ? { orgId: filter.orgId } : {}),
          },
          signal,
        });
        out.push(...r.items);
        if (out.length >= r.total || r.items.length < PAGE) break;
      }
      return out;
    },
  });
}
