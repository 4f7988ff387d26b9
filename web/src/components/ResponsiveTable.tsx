import { List, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from '../hooks/useMediaQuery.ts';

export interface Column<T> {
  key: string;
  /** Empty for a column of actions: on phones its content stands on its own line without a label. */
  title: string;
  render: (row: T) => ReactNode;
  width?: number;
}

interface Props<T> {
  rows: T[];
  rowKey: (row: T) => string;
  /** The column that names the row: a table column on wide screens, the card title on phones. */
  primary: Column<T>;
  columns: Column<T>[];
  loading?: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  empty: string;
  /** data-testid of each row (table row or phone card). */
  rowTestId?: string;
  onRowClick?: (row: T) => void;
}

/** A table from tablets up; on phones one card per row (title, then "label：value" lines), so nothing scrolls sideways. */
export function ResponsiveTable<T>({ rows, rowKey, primary, columns, loading, total, page, pageSize, onPage, empty, rowTestId = 'directory-row', onRowClick }: Props<T>) {
  const phone = useIsPhone();
  const pagination = { current: page, pageSize, total, onChange: onPage, showSizeChanger: false, hideOnSinglePage: true, size: phone ? ('small' as const) : undefined, showTotal: (t: number) => `共 ${t} 条` };
  if (phone) {
    return (
      <List
        dataSource={rows} rowKey={rowKey} loading={loading} pagination={total > pageSize ? pagination : false}
        locale={{ emptyText: empty }}
        renderItem={(row) => (
          <List.Item data-testid={rowTestId} onClick={onRowClick && (() => onRowClick(row))} style={onRowClick && { cursor: 'pointer' }}>
            <List.Item.Meta
              title={primary.render(row)}
              description={columns.map((c) => <div key={c.key} className="cj-list-card-line">{c.title && `${c.title}：`}{c.render(row)}</div>)}
            />
          </List.Item>
        )}
      />
    );
  }
  const tableColumns: TableColumnsType<T> = [primary, ...columns].map((c) => ({ key: c.key, title: c.title, width: c.width, render: (_: unknown, row: T) => c.render(row) }));
  return (
    <Table
      size="middle" dataSource={rows} rowKey={rowKey} loading={loading} columns={tableColumns}
      pagination={pagination} locale={{ emptyText: empty }}
      onRow={(row) => ({ 'data-testid': rowTestId, ...(onRowClick && { onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) }) as object}
    />
  );
}
