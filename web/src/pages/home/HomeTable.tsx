import { Card, Descriptions, List, Table } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { DashboardSection } from '../../../../contracts/dashboard.ts';
import { formatCell } from '../../components/format.ts';
import { useMediaQuery } from '../../hooks/useMediaQuery.ts';

type TableSectionData = Extract<DashboardSection, { kind: 'table' }>;
type TableRow = TableSectionData['rows'][number];
/** Rows have no id of their own: their position is their key (the rows are shown as given, never reordered in place). */
const ROW_KEY = '__row';

/**
 * A home table. Facts (the columns 项目/内容) read as a list of labelled values on every screen; other tables are
 * a table from 768 px up and stacked rows below, like the register lists — the first column names the row, the
 * others follow as "label：value" lines, so nothing scrolls sideways on a phone.
 */
export function HomeTable({ section }: { section: TableSectionData }) {
  const wide = useMediaQuery('(min-width: 768px)');
  const facts = section.columns.length === 2 && section.columns[0]!.key === 'item' && section.columns[1]!.key === 'value';
  const card = (body: ReactNode) => (
    <Card title={section.title} className="cj-section" data-section={section.key} styles={{ body: { padding: facts ? 16 : 0 } }}>
      {body}
    </Card>
  );
  if (facts) {
    return card(
      <Descriptions
        column={1}
        size="small"
        bordered={wide}
        items={section.rows.map((r, i) => ({ key: i, label: formatCell(r.item), children: formatCell(r.value) }))}
      />,
    );
  }
  return card(wide ? <WideTable section={section} /> : <StackedRows section={section} />);
}

function StackedRows({ section }: { section: TableSectionData }) {
  const [first, ...rest] = section.columns;
  return (
    <List
      dataSource={section.rows}
      rowKey={(r) => section.rows.indexOf(r)}
      locale={{ emptyText: '暂无数据' }}
      pagination={section.rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      style={{ padding: '0 16px' }}
      renderItem={(row) => (
        <List.Item data-testid="home-row">
          <List.Item.Meta
            title={formatCell(row[first!.key])}
            description={rest.map((c) => (
              <div key={c.key} className="cj-list-card-line">
                {c.title}：{formatCell(row[c.key])}
              </div>
            ))}
          />
        </List.Item>
      )}
    />
  );
}

function WideTable({ section }: { section: TableSectionData }) {
  // A column whose values are all numbers is right-aligned, like figures on paper.
  const numeric = (key: string) => section.rows.length > 0 && section.rows.every((r) => r[key] === null || typeof r[key] === 'number');
  const columns = section.columns.map((c, i) => ({
    key: c.key,
    dataIndex: c.key,
    title: c.title,
    align: numeric(c.key) ? ('right' as const) : undefined,
    fixed: i === 0 && section.columns.length > 3 ? ('left' as const) : undefined,
    render: (v: TableRow[string]) => formatCell(v),
    sorter: numeric(c.key) ? (a: TableRow, b: TableRow) => Number(a[c.key] ?? -Infinity) - Number(b[c.key] ?? -Infinity) : undefined,
  }));
  const rows = useMemo(() => section.rows.map((r, i) => ({ ...r, [ROW_KEY]: i })), [section.rows]);
  return (
    <Table<TableRow>
      size="small"
      columns={columns}
      dataSource={rows}
      rowKey={ROW_KEY}
      scroll={{ x: 'max-content' }}
      pagination={section.rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
      locale={{ emptyText: '暂无数据' }}
      onRow={() => ({ 'data-testid': 'home-row' }) as object}
    />
  );
}
