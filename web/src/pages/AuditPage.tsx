import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { auditQuery, type AuditPage as AuditPageData } from '../../../contracts/audit.ts';
import { get } from '../api/client.ts';
import { QueryError } from '../components/QueryError.tsx';
import { fieldRules } from '../forms/zod.ts';
import { useMediaQuery } from '../hooks/useMediaQuery.ts';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, labelOr } from '../labels.ts';

type Entry = AuditPageData['items'][number];

interface FilterValues {
  entityType?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const rules = fieldRules(auditQuery);
const DAY = 'YYYY-MM-DD';
const PAGE_SIZES = ['10', '20', '50', '100'];

/** Filters live in the address (?action=sign_in&from=2025-01-01 …) so a page can be bookmarked, shared and reloaded. */
function readFilters(params: URLSearchParams) {
  const text = (k: string) => params.get(k)?.trim() || undefined;
  const day = (k: string) => {
    const v = text(k);
    return v && dayjs(v, DAY, true).isValid() ? v : undefined;
  };
  const int = (k: string, d: number, max: number) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : d;
  };
  return {
    entityType: text('entityType'),
    entityId: text('entityId'),
    action: text('action'),
    actor: text('actor'),
    from: day('from'),
    to: day('to'),
    page: int('page', 1, 1_000_000),
    pageSize: int('pageSize', 20, 200),
  };
}

function options(table: Record<string, string>, current?: string) {
  const entries = Object.entries(table);
  if (current && !(current in table)) entries.unshift([current, current]);
  return entries.map(([value, label]) => ({ value, label: label === value ? value : `${label}（${value}）` }));
}

/** 审计日志: who changed what and when, filtered on the server, each row expandable to its field changes. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const [form] = Form.useForm<FilterValues>();
  // The full table and the range picker from tablets up; phones get one stacked column and two date pickers.
  const wide = useMediaQuery('(min-width: 768px)');

  const query = {
    entityType: filters.entityType,
    entityId: filters.entityId,
    action: filters.action,
    actor: filters.actor,
    from: filters.from ? dayjs(filters.from, DAY).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to, DAY).endOf('day').toISOString() : undefined,
    page: filters.page,
    pageSize: filters.pageSize,
  };
  const audit = useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => get<AuditPageData>('/api/audit', query, { signal }),
    placeholderData: keepPreviousData,
  });

  // The form follows the address (back/forward, shared links).
  useEffect(() => {
    const from = filters.from ? dayjs(filters.from, DAY) : null;
    const to = filters.to ? dayjs(filters.to, DAY) : null;
    form.setFieldsValue({
      entityType: filters.entityType,
      entityId: filters.entityId,
      action: filters.action,
      actor: filters.actor,
      range: from || to ? [from, to] : null,
      from,
      to,
    });
  }, [filters, form]);

  const apply = (values: FilterValues) => {
    const [from, to] = wide ? (values.range ?? [null, null]) : [values.from ?? null, values.to ?? null];
    const next = new URLSearchParams();
    const set = (k: string, v: string | undefined | null) => {
      if (v && v.trim()) next.set(k, v.trim());
    };
    set('entityType', values.entityType);
    set('entityId', values.entityId);
    set('action', values.action);
    set('actor', values.actor);
    set('from', from?.format(DAY));
    set('to', to?.format(DAY));
    if (filters.pageSize !== 20) next.set('pageSize', String(filters.pageSize));
    setParams(next);
  };

  const reset = () => {
    form.resetFields();
    setParams(new URLSearchParams());
  };

  const changePage = (page: number, pageSize: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(pageSize !== filters.pageSize ? 1 : page));
    next.set('pageSize', String(pageSize));
    setParams(next);
  };

  // Phones get one column that stacks what the desktop spreads over five.
  const phoneColumns: TableColumnsType<Entry> = [
    {
      key: 'entry',
      title: '操作记录',
      render: (_: unknown, e: Entry) => (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
            <Tag color={actionColor(e.action)} title={e.action} style={{ marginInlineEnd: 0 }}>
              {labelOr(AUDIT_ACTIONS, e.action)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
          </div>
          <div>
            {actorText(e)}
            {e.actorOrganisationName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                · {e.actorOrganisationName}
              </Typography.Text>
            )}
          </div>
          <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {labelOr(AUDIT_ENTITY_TYPES, e.entityType)}{' '}
            <span className="cj-mono" style={{ color: 'rgba(0,0,0,0.45)' }}>
              {e.entityId}
            </span>
          </div>
        </div>
      ),
    },
  ];

  const columns: TableColumnsType<Entry> = [
    {
      key: 'at',
      title: '时间',
      dataIndex: 'at',
      width: 168,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      key: 'actor',
      title: '操作人',
      render: (_: unknown, e: Entry) => (
        <div style={{ minWidth: 120 }}>
          <div>{actorText(e)}</div>
          {e.actorOrganisationName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorOrganisationName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'action',
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={actionColor(action)} title={action}>
          {labelOr(AUDIT_ACTIONS, action)}
        </Tag>
      ),
    },
    {
      key: 'entity',
      title: '对象',
      render: (_: unknown, e: Entry) => (
        <div style={{ minWidth: 140, maxWidth: 320 }}>
          <div>{labelOr(AUDIT_ENTITY_TYPES, e.entityType)}</div>
          <Typography.Text className="cj-mono" type="secondary" copyable={{ text: e.entityId, tooltips: ['复制编号', '已复制'] }}>
            {e.entityId}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'changes',
      title: '变更字段',
      responsive: ['sm'],
      width: 96,
      align: 'right',
      render: (_: unknown, e: Entry) => `${Object.keys(e.changes).length} 项`,
    },
  ];

  const rangeRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: async () => {
      const [from, to] = wide
        ? ((getFieldValue('range') as FilterValues['range']) ?? [null, null])
        : [getFieldValue('from') as Dayjs | null, getFieldValue('to') as Dayjs | null];
      if (from && to && to.isBefore(from, 'day')) throw new Error('结束日期不能早于开始日期');
    },
  });

  return (
    <div data-testid="audit">
      <div className="cj-page-head">
        <Typography.Title level={3}>审计日志</Typography.Title>
        <Typography.Text type="secondary">平台上每一次写入的操作人、时间和变更内容</Typography.Text>
      </div>
      <Card className="cj-section cj-filter" styles={{ body: { paddingBottom: 4 } }}>
        <Form form={form} layout="vertical" onFinish={apply}>
          <Row gutter={[16, 0]}>
            <Col xs={24} sm={12} md={8} xl={4}>
              <Form.Item name="entityType" label="对象类型">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部"
                  options={options(AUDIT_ENTITY_TYPES, filters.entityType)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8} xl={4}>
              <Form.Item name="entityId" label="对象编号" rules={rules.entityId}>
                <Input allowClear placeholder="完整编号" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8} xl={4}>
              <Form.Item name="action" label="操作">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="全部"
                  options={options(AUDIT_ACTIONS, filters.action)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8} xl={4}>
              <Form.Item name="actor" label="操作人" rules={rules.actor}>
                <Input allowClear placeholder="用户名或姓名" />
              </Form.Item>
            </Col>
            {wide ? (
              <Col xs={24} md={16} xl={5}>
                <Form.Item name="range" label="时间范围" rules={[rangeRule]}>
                  <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col xs={12}>
                  <Form.Item name="from" label="开始日期">
                    <DatePicker style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name="to" label="结束日期" dependencies={['from']} rules={[rangeRule]}>
                    <DatePicker style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col xs={24} md={8} xl={3}>
              <Form.Item label={wide ? ' ' : undefined} colon={false}>
                <div style={{ display: 'flex', gap: 8 }}>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} style={{ flex: 1 }}>
                    查询
                  </Button>
                  <Button onClick={reset} icon={<UndoOutlined />} style={{ flex: 1 }}>
                    重置
                  </Button>
                </div>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {audit.error && !audit.data ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Card className="cj-section" styles={{ body: { padding: 0 } }}>
          <Table<Entry>
            size="middle"
            rowKey="id"
            columns={wide ? columns : phoneColumns}
            dataSource={audit.data?.items}
            loading={audit.isFetching}
            scroll={wide ? { x: 'max-content' } : undefined}
            locale={{ emptyText: '没有符合条件的记录' }}
            expandable={{
              expandedRowRender: (e) => <ChangesTable entry={e} />,
              rowExpandable: (e) => Object.keys(e.changes).length > 0 || Boolean(e.requestId),
            }}
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              onChange: changePage,
              showTotal: (total) => `共 ${total} 条`,
              simple: !wide,
              style: { marginInline: 16 },
            }}
          />
        </Card>
      )}
    </div>
  );
}

/** Who acted: the user's name, or for entries without a signed-in actor, the system (a sign-in is the user's own). */
function actorText(e: Entry): string {
  if (e.actorName) return e.actorName;
  if (e.actorUserId) return '（未知用户）';
  return e.action === 'sign_in' && e.entityType === 'user' ? '用户本人（登录）' : '系统';
}

function actionColor(action: string): string {
  if (/sign_in|sign_out/.test(action)) return 'default';
  if (/delete|revoke|reject|archive/.test(action)) return 'red';
  if (/create|register|approve|publish|issue|activate/.test(action)) return 'green';
  return 'blue';
}

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** The changed fields of one entry: before → after. */
function ChangesTable({ entry }: { entry: Entry }) {
  const rows: ChangeRow[] = Object.entries(entry.changes).map(([field, c]) => ({ field, before: c.before, after: c.after }));
  return (
    <div style={{ maxWidth: 960 }}>
      {rows.length > 0 && (
        <Table<ChangeRow>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'field', title: '字段', dataIndex: 'field', render: (f: string) => <span className="cj-mono">{f}</span> },
            { key: 'before', title: '变更前', dataIndex: 'before', render: (v: unknown) => <Value value={v} /> },
            { key: 'arrow', title: '', width: 32, render: () => <span aria-hidden>→</span> },
            { key: 'after', title: '变更后', dataIndex: 'after', render: (v: unknown) => <Value value={v} /> },
          ]}
        />
      )}
      {entry.requestId && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          请求编号：<span className="cj-mono">{entry.requestId}</span>
        </Typography.Text>
      )}
    </div>
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (value === '***') return <Typography.Text type="secondary">（个人信息，已隐藏）</Typography.Text>;
  if (typeof value === 'boolean') return <>{value ? '是' : '否'}</>;
  if (typeof value === 'string' && ISO_TIME.test(value)) return <span title={value}>{dayjs(value).format('YYYY-MM-DD HH:mm:ss')}</span>;
  if (typeof value === 'object')
    return (
      <pre className="cj-diff-value cj-mono" style={{ margin: 0, maxWidth: 420 }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    );
  return (
    <span className="cj-diff-value" style={{ display: 'inline-block', maxWidth: 420 }}>
      {String(value)}
    </span>
  );
}
