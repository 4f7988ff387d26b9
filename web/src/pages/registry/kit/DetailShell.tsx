import { ArrowLeftOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Skeleton, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../../components/QueryError.tsx';
import { usePageTitle } from './page-title.ts';

/**
 * The frame of a detail page: back to the list, the record's name with its status tags, the actions the
 * role may take, and the body once loaded (or the server's error, e.g. 404 for a record outside one's scope).
 */
export function DetailShell<T>({
  testId,
  query,
  backTo,
  backLabel,
  title,
  tags,
  actions,
  children,
}: {
  testId: string;
  query: UseQueryResult<T>;
  backTo: string;
  backLabel: string;
  title: (data: T) => string;
  tags?: (data: T) => ReactNode;
  actions?: (data: T) => ReactNode;
  children: (data: T) => ReactNode;
}) {
  usePageTitle(query.data ? title(query.data) : undefined);
  return (
    <div data-testid={testId}>
      <Link to={backTo} className="cj-back">
        <ArrowLeftOutlined /> {backLabel}
      </Link>
      {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {query.error && !query.data && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <div className="cj-page-head cj-list-head">
            <Typography.Title level={3}>{title(query.data)}</Typography.Title>
            {tags?.(query.data)}
            <div className="cj-head-actions">
              <Space wrap>{actions?.(query.data)}</Space>
            </div>
          </div>
          {children(query.data)}
        </>
      )}
    </div>
  );
}

/** Edit button for detail pages. */
export const EditButton = ({ onClick }: { onClick: () => void }) => (
  <Button type="primary" onClick={onClick} data-testid="edit">
    编辑
  </Button>
);
