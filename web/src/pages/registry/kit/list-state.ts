import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters, sort and page live in the address (?districtId=…&sort=-staff&page=3), so a list can be
 * bookmarked, shared, reloaded and left with the back button. Only the names a list declares are read.
 */
export interface ListState {
  filters: Record<string, string>;
  sort: string;
  page: number;
  pageSize: number;
  includeArchived: boolean;
}

const PAGE_SIZE = 20;

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

export function useListState(filterNames: readonly string[], defaultSort: string) {
  const [params, setParams] = useSearchParams();
  const key = filterNames.join(',');
  const state = useMemo<ListState>(() => {
    const filters: Record<string, string> = {};
    for (const name of key.split(',')) {
      const v = params.get(name)?.trim();
      if (name && v) filters[name] = v;
    }
    return {
      filters,
      sort: params.get('sort') || defaultSort,
      page: positive(params.get('page'), 1, 1_000_000),
      pageSize: positive(params.get('pageSize'), PAGE_SIZE, 200),
      includeArchived: params.get('includeArchived') === 'true',
    };
  }, [params, key, defaultSort]);

  const update = useCallback(
    (change: Partial<ListState>) => {
      const next = { ...state, ...change };
      // A new filter or sort starts again from the first page.
      if (!('page' in change)) next.page = 1;
      const out = new URLSearchParams();
      for (const [k, v] of Object.entries(next.filters)) if (v !== '' && v !== undefined) out.set(k, v);
      if (next.sort !== defaultSort) out.set('sort', next.sort);
      if (next.includeArchived) out.set('includeArchived', 'true');
      if (next.page !== 1) out.set('page', String(next.page));
      if (next.pageSize !== PAGE_SIZE) out.set('pageSize', String(next.pageSize));
      setParams(out);
    },
    [state, defaultSort, setParams],
  );

  /** The query the list endpoint (and its export) takes. */
  const query = useMemo(
    () => ({
      ...state.filters,
      sort: state.sort || undefined,
      page: state.page,
      pageSize: state.pageSize,
      includeArchived: state.includeArchived ? 'true' : undefined,
    }),
    [state],
  );

  return { state, update, query };
}
