import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { SEARCH_ENTITY_TYPES, type SearchResult } from '../../../../contracts/search.ts';
import { get } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { hitPath, searchPath, SEARCH_ENTITY_LABELS, TYPE_COLORS } from './links.ts';
import './search.css';

const DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * The search box in the app header: suggestions grouped by type as one types, Enter for the full results
 * page. On a phone the header only has room for an icon, which opens the results page with its own box.
 */
export function HeaderSearch({ compact }: { compact: boolean }) {
  const navigate = useNavigate();
  const me = useMe();
  const roles = useMemo(() => rolesOf(me), [me]);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const suggest = useQuery({
    queryKey: ['search', 'suggest', q],
    queryFn: ({ signal }) => get<SearchResult>('/api/search', { q, pageSize: 10 }, { signal }),
    enabled: q.length > 0 && !compact,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const items = q ? (suggest.data?.items ?? []) : [];
    const groups = SEARCH_ENTITY_TYPES.map((type) => ({ type, hits: items.filter((h) => h.type === type) })).filter((g) => g.hits.length);
    const out = groups.map((g) => ({
      label: (
        <span>
          {SEARCH_ENTITY_LABELS[g.type]}（{suggest.data?.typeCounts[g.type] ?? g.hits.length}）
        </span>
      ),
      options: g.hits.map((h) => ({
        // The option's value is where it leads (AutoComplete hands the value to onSelect).
        key: `${h.type}:${h.id}`,
        value: hitPath(h, roles),
        label: (
          <div className="cj-search-option">
            <span className="cj-search-option-title">{h.title}</span>
            {h.subtitle && <span className="cj-search-option-sub">{h.subtitle}</span>}
          </div>
        ),
      })),
    }));
    // "All results" first: the list scrolls after a few groups, and the way to the full page must not scroll away.
    if (q)
      out.unshift({
        label: <span>全部结果</span>,
        options: [
          {
            key: '__all__',
            value: searchPath(q),
            label: (
              <div data-testid="search-all">
                查看「{q}」的全部 {suggest.data?.total ?? ''} 条结果
              </div>
            ),
          },
        ],
      });
    return out;
  }, [q, suggest.data, roles]);

  if (compact) {
    return (
      <Link to="/search" aria-label="搜索">
        <Button type="text" icon={<SearchOutlined />} aria-label="搜索" data-testid="header-search-link" />
      </Link>
    );
  }
  return (
    <AutoComplete
      className="cj-header-search"
      options={options}
      defaultActiveFirstOption={false}
      value={text}
      onChange={setText}
      popupMatchSelectWidth={420}
      onSelect={(path: string) => {
        setText('');
        void navigate(path);
      }}
    >
      <Input.Search
        placeholder="搜索学校、专业、企业、载体"
        allowClear
        data-testid="header-search"
        aria-label="全局搜索"
        onSearch={(v) => {
          if (v.trim()) {
            setText('');
            void navigate(searchPath(v.trim()));
          }
        }}
      />
    </AutoComplete>
  );
}

export function TypeTag({ type }: { type: keyof typeof TYPE_COLORS }) {
  return (
    <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
      {SEARCH_ENTITY_LABELS[type]}
    </Tag>
  );
}
