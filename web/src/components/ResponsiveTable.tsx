import { List, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useStacksTables } from '../hooks/useMediaQuery.ts';

export interface Column<T> {
  key: string;
  /** Empty for a column of actions: on phones its content stands on its own line without a label. */
  title: string;
  render: (row: T) => ReactNode;
  width?: number;
  /** Figures line up on the right in the table (a phone's stacked rows are unaffected). */
  align?: 'right';
}

interface Props<T> {
  rows: T[];
  rowKey: (row: T) => string;
  /** The column that names the row: a table column on wide screens, the card title on phones. */
  primary: Column<T>;
  columns: Column<T>[];
  loading?: boolean;
  pageSize: number;
  /** Server-side paging: the list's total and the page shown. Without them `rows` is the whole list, paged here. */
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
  empty: ReactNode;
  /** data-testid of each row (table row or phone card). */
  rowTestId?: string;
  onRowClick?: (row: T) => void;
}

/**
 * Every list that is a table on tablets and desktops (≥ 768 px, as the register lists) and stacked rows below:
 * one card per row (title, then "label：value" lines), so nothing scrolls sideways or is cut off on a phone.
 */
export function ResponsiveTable<T>({
  rows,
  rowKey,
  primary,
  columns,
  loading,
  total,
  page,
  pageSize,
  onPage,
  empty,
  rowTestId = 'directory-row',
  onRowClick,
}: Props<T>) {
  const stacked = useStacksTables();
  const [localPage, setLocalPage] = useState(1);
  const serverPaged = page !== undefined && onPage !== undefined;
  const current = serverPaged ? page : localPage;
  const count = total ?? rows.length;
  const pagination = count > pageSize && {
    current,
    pageSize,
    total: count,
    onChange: serverPaged ? onPage : setLocalPage,
    showSizeChanger: false,
    size: stacked ? ('small' as const) : undefined,
    simple: stacked,
    showTotal: (t: number) => `共 ${t} 条`,
  };
  if (stacked) {
    return (
      <List
        dataSource={rows}
        rowKey={rowKey}
        loading={loading}
        pagination={pagination}
        locale={{ emptyText: empty }}
        renderItem={(row) => (
          <List.Item data-testid={rowTestId} onClick={onRowClick && (() => onRowClick(row))} style={onRowClick && { cursor: 'pointer' }}>
            <List.Item.Meta
              title={primary.render(row)}
              description={columns.map((c) => (
                <div key={c.key} className="cj-list-card-line">
                  {c.title && `${c.title}：`}
                  {c.render(row)}
                </div>
              ))}
            />
          </List.Item>
        )}
      />
    );
  }
  const tableColumns: TableColumnsType<T> = [primary, ...columns].map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    align: c.align,
    render: (_: unknown, row: T) => c.render(row),
  }));
  return (
    <Table
      size="middle"
      dataSource={rows}
      rowKey={rowKey}
      loading={loading}
      columns={tableColumns}
      pagination={pagination}
      locale={{ emptyText: empty }}
      onRow={(row) =>
        ({ 'data-testid': rowTestId, ...(onRowClick && { onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) }) as object
      }
    />
  );
}
