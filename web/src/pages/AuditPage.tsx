import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import type { AuditPage as Page } from '../../../contracts/audit.ts';
import { get } from '../api/client.ts';

const ACTIONS = ['create', 'update', 'archive', 'sign_in', 'sign_out', 'change_password', 'publish', 'apply', 'school_approved', 'accepted', 'rejected', 'retry'];
type Entry = Page['items'][number];

/** The bureau's audit log: filters live in the URL so a filtered view can be shared and survives sign-in. */
export default function AuditPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const query = new URLSearchParams(params);
  query.set('page', String(page));
  query.set('pageSize', '20');
  const list = useQuery({ queryKey: ['audit', query.toString()], queryFn: () => get<Page>(`/api/audit?${query}`) });

  function apply(values: { entityType?: string; action?: string; actor?: string; range?: [dayjs.Dayjs, dayjs.Dayjs] }) {
    const next = new URLSearchParams();
    if (values.entityType) next.set('entityType', values.entityType);
    if (values.action) next.set('action', values.action);
    if (values.actor) next.set('actor', values.actor);
    if (values.range) {
      next.set('from', values.range[0].startOf('day').toISOString());
      next.set('to', values.range[1].endOf('day').toISOString());
    }
    setParams(next);
  }

  return (
    <div data-testid="audit">
      <Typography.Title level={4}>审计日志</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={apply} style={{ rowGap: 8 }}
          initialValues={{ entityType: params.get('entityType') ?? undefined, action: params.get('action') ?? undefined, actor: params.get('actor') ?? undefined }}>
          <Form.Item name="entityType" label="对象"><Input placeholder="如 school、user" allowClear style={{ width: 150 }} /></Form.Item>
          <Form.Item name="action" label="操作"><Select allowClear style={{ width: 150 }} options={ACTIONS.map((a) => ({ value: a, label: a }))} /></Form.Item>
          <Form.Item name="actor" label="操作人"><Input allowClear style={{ width: 150 }} /></Form.Item>
          <Form.Item name="range" label="时间"><DatePicker.RangePicker /></Form.Item>
          <Button type="primary" htmlType="submit">筛选</Button>
        </Form>
      </Card>
      {list.error && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 16 }} />}
      <Card size="small">
        <Table<Entry>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total, showSizeChanger: false,
            onChange: (p) => { const n = new URLSearchParams(params); n.set('page', String(p)); setParams(n); } }}
          columns={[
            { title: '时间', dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? '系统' },
            { title: '所在组织', dataIndex: 'actorOrganisationName', render: (v: string | null) => v ?? '—' },
            { title: '操作', dataIndex: 'action' },
            { title: '对象', dataIndex: 'entityType' },
            { title: '对象编号', dataIndex: 'entityId', render: (v: string) => <Typography.Text code copyable>{v.slice(0, 8)}</Typography.Text> },
          ]}
          expandable={{
            expandedRowRender: (r) => (
              <Table size="small" pagination={false} rowKey="field"
                dataSource={Object.entries(r.changes).map(([field, c]) => ({ field, before: show(c.before), after: show(c.after) }))}
                columns={[{ title: '字段', dataIndex: 'field' }, { title: '修改前', dataIndex: 'before' }, { title: '修改后', dataIndex: 'after' }]} />
            ),
          }}
        />
      </Card>
    </div>
  );
}

const show = (v: unknown) => (v == null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
