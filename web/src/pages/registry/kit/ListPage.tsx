import { FilterOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, Table, Typography, type TableColumnType } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useMediaQuery } from '../../../hooks/useMediaQuery.ts';
import { ExportButton } from './ExportButton.tsx';
import { useListState } from './list-state.ts';

export interface Option {
  value: string;
  label: string;
}

/** A filter of a list: free text, or a choice among options (yes/no filters are choices of "true"/"false"). */
export type FilterDef =
  | { name: string; label: string; kind: 'text'; placeholder?: string }
  | { name: string; label: string; kind: 'select'; options: readonly Option[]; loading?: boolean };

/** A column; `sortKey` names the list endpoint's sort field it orders by (`-key` descending). */
export type ListColumn<Row> = TableColumnType<Row> & { sortKey?: string };

export const yesNo = (yes: string, no: string): Option[] => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];
export const optionsOf = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

export interface ListPageProps<Row> {
  testId: string;
  title: string;
  subtitle?: ReactNode;
  /** The list endpoint, e.g. /api/schools; it answers { items, total }. */
  endpoint: string;
  /** The .xlsx export of the same list (same filters), when the server has one. */
  exportPath?: string;
  /** Further exports of the same list with extra parameters (e.g. personal data in clear, for those allowed). */
  extraExports?: { label: string; query: Record<string, string> }[];
  filters: readonly FilterDef[];
  /** The list endpoint's sort choices; none for lists that keep their own order (then defaultSort is ''). */
  sorts: readonly Option[];
  defaultSort: string;
  /** Offer "含已归档" (the list endpoint's includeArchived). */
  archivable?: boolean;
  columns: ListColumn<Row>[];
  /** The one stacked cell a phone shows per row instead of the columns. */
  phoneCard: (row: Row) => ReactNode;
  detailPath: (row: Row) => string;
  /** Buttons beside the title (e.g. 新增), already limited to what the role may do. */
  actions?: ReactNode;
  /** Something above the table (e.g. a create drawer's host). */
  children?: ReactNode;
}

interface Page<Row> {
  items: Row[];
  total: number;
}

/**
 * The register's list page, one implementation for every resource: filters and sort in the address,
 * server-side paging, a full table on tablets and desktops and stacked rows on phones, the .xlsx export of
 * exactly what is filtered, and a click on a row to open its detail.
 */
export function ListPage<Row extends { id: string }>(props: ListPageProps<Row>) {
  const { filters: defs, defaultSort } = props;
  const names = defs.map((f) => f.name);
  const { state, update, query } = useListState(names, defaultSort);
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const wide = useMediaQuery('(min-width: 768px)');
  const navigate = useNavigate();

  const list = useQuery({
    queryKey: [props.endpoint, 'list', query],
    queryFn: ({ signal }) => get<Page<Row>>(props.endpoint, query, { signal }),
    placeholderData: keepPreviousData,
  });

  // The form follows the address (back/forward, shared links).
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ ...state.filters, sort: state.sort });
  }, [state.filters, state.sort, form]);

  // Phones show the first filter and fold the others away (with the number in use) to reach the rows sooner.
  const [expanded, setExpanded] = useState(false);
  const active = Object.keys(state.filters).filter((k) => k !== defs[0]?.name).length + (state.sort !== defaultSort ? 1 : 0);
  const shownDefs = wide || expanded ? defs : defs.slice(0, 1);

  const apply = () => {
    const values = form.getFieldsValue();
    const filters: Record<string, string> = {};
    for (const name of names) {
      // A filter folded away on a phone keeps the value it has in the address.
      const v = shownDefs.some((d) => d.name === name) ? values[name] : state.filters[name];
      if (typeof v === 'string' && v.trim()) filters[name] = v.trim();
    }
    update({ filters, sort: values.sort || state.sort || defaultSort });
  };

  const columns = props.columns.map((c) => {
    if (!c.sortKey) return c;
    const order = state.sort === c.sortKey ? ('ascend' as const) : state.sort === `-${c.sortKey}` ? ('descend' as const) : null;
    return { ...c, sorter: true, sortOrder: order, sortDirections: ['ascend', 'descend', 'ascend'] as const } as ListColumn<Row>;
  });

  const onTableChange = (_p: unknown, _f: unknown, sorter: SorterResult<Row> | SorterResult<Row>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = (s?.column as ListColumn<Row> | undefined)?.sortKey;
    if (!key || !s?.order) return update({ sort: defaultSort });
    update({ sort: s.order === 'descend' ? `-${key}` : key });
  };

  const exportQuery = { ...query, page: undefined, pageSize: undefined };

  return (
    <div data-testid={props.testId}>
      <div className="cj-page-head cj-list-head">
        <Typography.Title level={3}>{props.title}</Typography.Title>
        {props.subtitle && <Typography.Text type="secondary">{props.subtitle}</Typography.Text>}
        <div className="cj-head-actions">
          {props.exportPath && <ExportButton path={props.exportPath} query={exportQuery} />}
          {props.exportPath &&
            props.extraExports?.map((e) => (
              <ExportButton key={e.label} path={props.exportPath!} query={{ ...exportQuery, ...e.query }} label={e.label} />
            ))}
          {props.actions}
        </div>
      </div>
      {props.children}
      <Card className="cj-section cj-filter" styles={{ body: { paddingBottom: 4 } }}>
        <Form form={form} name="filters" layout="vertical" onFinish={apply}>
          <Row gutter={[16, 0]}>
            {shownDefs.map((f) => (
              <Col key={f.name} xs={24} sm={12} md={8} xl={4}>
                <Form.Item name={f.name} label={f.label}>
                  {f.kind === 'text' ? (
                    <Input allowClear placeholder={f.placeholder ?? '输入后按回车'} onPressEnter={() => form.submit()} />
                  ) : (
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder="全部"
                      options={[...f.options]}
                      loading={f.loading}
                      onChange={() => form.submit()}
                    />
                  )}
                </Form.Item>
              </Col>
            ))}
            {props.sorts.length > 0 && (wide || expanded) && (
              <Col xs={24} sm={12} md={8} xl={4}>
                <Form.Item name="sort" label="排序">
                  <Select options={[...props.sorts]} onChange={() => form.submit()} />
                </Form.Item>
              </Col>
            )}
            <Col flex="auto">
              <Form.Item label={wide ? ' ' : undefined} colon={false}>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                    查询
                  </Button>
                  <Button icon={<UndoOutlined />} onClick={() => update({ filters: {}, sort: defaultSort, includeArchived: false })}>
                    重置
                  </Button>
                  {!wide && defs.length > 1 && (
                    <Button type="link" icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} data-testid="more-filters">
                      {expanded ? '收起筛选' : `更多筛选${active ? `（${active}）` : ''}`}
                    </Button>
                  )}
                  {props.archivable && (
                    <span className="cj-inline-switch">
                      <Switch
                        size="small"
                        checked={state.includeArchived}
                        aria-label="含已归档"
                        onChange={(v) => update({ includeArchived: v })}
                      />
                      含已归档
                    </span>
                  )}
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {list.error && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card className="cj-section" styles={{ body: { padding: 0 } }}>
          <Table<Row>
            size="middle"
            rowKey="id"
            columns={wide ? columns : [{ key: 'card', title: props.title, render: (_: unknown, row: Row) => props.phoneCard(row) }]}
            dataSource={list.data?.items}
            loading={list.isFetching}
            scroll={wide ? { x: 'max-content' } : undefined}
            locale={{ emptyText: '没有符合条件的记录' }}
            onChange={onTableChange}
            onRow={(row) => ({
              onClick: (e) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                navigate(props.detailPath(row));
              },
              className: 'cj-click-row',
            })}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: ['10', '20', '50', '100'],
              simple: !wide,
              showTotal: (total) => `共 ${total} 条`,
              style: { marginInline: 16 },
              onChange: (page, pageSize) => update({ page: pageSize !== state.pageSize ? 1 : page, pageSize }),
            }}
          />
        </Card>
      )}
    </div>
  );
}
