import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Empty, Input, List, Pagination, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { usePageTitle } from '../registry/kit/page-title.ts';
import { Link, useSearchParams } from 'react-router-dom';
import { SEARCH_ENTITY_TYPES, type SearchEntityType, type SearchResult } from '../../../../contracts/search.ts';
import { get } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TypeTag } from './HeaderSearch.tsx';
import { hitPath, SEARCH_ENTITY_LABELS } from './links.ts';

const PAGE_SIZE = 20;
const isType = (v: string | null): v is SearchEntityType => !!v && (SEARCH_ENTITY_TYPES as readonly string[]).includes(v);

/** 搜索结果: every match of a query, one tab per type with its count; query, tab and page in the address. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const roles = rolesOf(useMe());
  const q = params.get('q')?.trim() ?? '';
  const type = isType(params.get('type')) ? (params.get('type') as SearchEntityType) : undefined;
  const page = Math.max(1, Math.min(50, Number(params.get('page')) || 1));
  // The box follows the address when it changes (back/forward, a link), and is the user's own in between.
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    setText(q);
  }
  usePageTitle(q ? `搜索「${q}」` : undefined);

  const query = { q, types: type, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => get<SearchResult>('/api/search', query, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  const go = (next: { q?: string; type?: SearchEntityType | undefined; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    const nt = 'type' in next ? next.type : type;
    if (nt) p.set('type', nt);
    if (next.page && next.page > 1) p.set('page', String(next.page));
    setParams(p);
  };

  const data = result.data;
  const allCount = data ? Object.values(data.typeCounts).reduce((a, b) => a + b, 0) : undefined;
  const tabs = [
    { key: 'all', label: `全部${allCount !== undefined ? ` ${allCount}` : ''}` },
    ...SEARCH_ENTITY_TYPES.map((t) => ({ key: t, label: `${SEARCH_ENTITY_LABELS[t]}${data ? ` ${data.typeCounts[t] ?? 0}` : ''}` })),
  ];

  return (
    <div data-testid="search-page" style={{ maxWidth: 960 }}>
      <div className="cj-page-head">
        <Typography.Title level={3}>搜索</Typography.Title>
      </div>
      <Input.Search
        value={text}
        onChange={(e) => setText(e.target.value)}
        enterButton="搜索"
        size="large"
        allowClear
        placeholder="学校、专业、企业或载体的名称，如：郑州铁路、数控"
        aria-label="搜索内容"
        data-testid="search-input"
        onSearch={(v) => {
          if (v.trim()) go({ q: v.trim(), page: 1 });
        }}
        maxLength={100}
      />
      {!q && (
        <Empty style={{ marginTop: 48 }} description="输入名称或关键词，搜索您有权查看的学校、开设专业、专业目录、企业和产教融合载体" />
      )}
      {q && (
        <>
          <Tabs
            activeKey={type ?? 'all'}
            items={tabs}
            onChange={(k) => go({ type: isType(k) ? k : undefined, page: 1 })}
            style={{ marginTop: 8 }}
          />
          {result.error && <QueryError error={result.error} onRetry={() => void result.refetch()} />}
          {result.isPending && <Skeleton active />}
          {data?.fuzzy && data.total > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title="没有完全匹配的结果，以下为相近的结果（可能有错别字或简称）" />
          )}
          {data && (
            <List
              dataSource={data.items}
              locale={{ emptyText: <Empty description={`没有找到与「${q}」相关的${type ? SEARCH_ENTITY_LABELS[type] : '内容'}`} /> }}
              renderItem={(h) => (
                <List.Item data-testid="search-hit">
                  <List.Item.Meta
                    title={
                      <span className="cj-search-hit-title">
                        <TypeTag type={h.type} /> <Link to={hitPath(h, roles)}>{h.title}</Link>
                      </span>
                    }
                    description={h.subtitle}
                  />
                </List.Item>
              )}
            />
          )}
          {data && data.total > PAGE_SIZE && (
            <Pagination
              style={{ marginTop: 16, textAlign: 'center' }}
              current={page}
              pageSize={PAGE_SIZE}
              showSizeChanger={false}
              total={Math.min(data.total, 50 * PAGE_SIZE)}
              onChange={(p) => go({ page: p })}
              size="small"
            />
          )}
        </>
      )}
    </div>
  );
}
