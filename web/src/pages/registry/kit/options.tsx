import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { directoryOptions } from '../../../../../contracts/directory.ts';
import type { Program } from '../../../../../contracts/programs.ts';
import type { School } from '../../../../../contracts/registry.ts';
import type { SearchEntityType, SearchResult } from '../../../../../contracts/search.ts';
import { get } from '../../../api/client.ts';
import type { Option } from './ListPage.tsx';

type DirectoryOptions = z.infer<typeof directoryOptions>;
const LONG = 10 * 60_000;

/** Districts and industry clusters (public choices, cached for the session). */
export function useChoices() {
  const q = useQuery({
    queryKey: ['directory', 'options'],
    staleTime: LONG,
    queryFn: ({ signal }) => get<DirectoryOptions>('/api/directory/options', undefined, { signal }),
  });
  return useMemo(
    () => ({
      loading: q.isPending,
      districts: (q.data?.districts ?? []).map((d): Option => ({ value: d.id, label: d.name })),
      clusters: (q.data?.clusters ?? []).map((c): Option => ({ value: c.code, label: c.name })),
    }),
    [q.data, q.isPending],
  );
}

/** The schools the user may read (a school admin: its own), for filters and forms. */
export function useSchoolChoices(enabled = true) {
  const q = useQuery({
    queryKey: ['/api/schools', 'choices'],
    staleTime: LONG,
    enabled,
    queryFn: ({ signal }) => get<{ items: School[] }>('/api/schools', { pageSize: 200, sort: 'name' }, { signal }),
  });
  return { loading: q.isPending && enabled, options: (q.data?.items ?? []).map((s): Option => ({ value: s.id, label: s.name })) };
}

/** A school's programs, for a student's program and a major group's members. */
export function useProgramChoices(schoolId: string | undefined) {
  const q = useQuery({
    queryKey: ['/api/programs', 'choices', schoolId],
    enabled: Boolean(schoolId),
    staleTime: 60_000,
    queryFn: ({ signal }) => get<{ items: Program[] }>('/api/programs', { schoolId, pageSize: 200 }, { signal }),
  });
  return {
    loading: q.isFetching,
    options: (q.data?.items ?? []).map((p): Option => ({ value: p.id, label: `${p.majorName}（${p.majorCode}）` })),
  };
}

/**
 * A choice found through the search box's index (GET /api/search): catalogue majors, or schools and
 * enterprises as organisations. `known` labels the values already chosen before anything is searched.
 */
export function SearchSelect({
  types,
  value,
  onChange,
  known = [],
  multiple,
  placeholder,
  id,
}: {
  types: readonly SearchEntityType[];
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  known?: readonly Option[];
  multiple?: boolean;
  placeholder?: string;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['search-select', types.join(','), q],
    enabled: q.trim().length > 0,
    staleTime: 60_000,
    queryFn: ({ signal }) => get<SearchResult>('/api/search', { q, types: types.join(','), pageSize: 20 }, { signal }),
  });
  const [seen, setSeen] = useState<Option[]>([]);
  const options = useMemo(() => {
    const byId = new Map<string, Option>();
    for (const o of [...known, ...seen]) byId.set(o.value, o);
    for (const h of found.data?.items ?? []) byId.set(h.id, { value: h.id, label: h.subtitle ? `${h.title}（${h.subtitle}）` : h.title });
    return [...byId.values()];
  }, [known, seen, found.data]);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? (multiple ? [] : undefined)}
      options={options}
      loading={found.isFetching}
      placeholder={placeholder ?? '输入名称搜索'}
      notFoundContent={q ? '未找到' : '输入名称搜索'}
      onChange={(v: string | string[] | undefined) => {
        // Keep the labels of what was picked, so they stay readable after the next search.
        const picked = (Array.isArray(v) ? v : v ? [v] : [])
          .map((id) => options.find((o) => o.value === id))
          .filter((o): o is Option => Boolean(o));
        setSeen((s) => [...s, ...picked]);
        onChange?.(v ?? (multiple ? [] : null));
      }}
    />
  );
}
