import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEMAND_KIND_LABELS, DEMAND_KINDS, DEMAND_STATUSES, type Demand } from '../../../../contracts/matching.ts';
import { ApiError, errorMessage, patch } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useOwnOrganisations } from '../registry/kit/can.ts';
import { RecordDrawer } from '../registry/kit/RecordDrawer.tsx';
import { DemandForm } from './DemandForm.tsx';
import { KEY, useDemands } from './api.ts';

export const DEMAND_STATUS_LABELS: Record<Demand['status'], string> = { draft: '草稿', open: '开放中', filled: '已满足', closed: '已关闭' };
const STATUS_COLORS: Record<Demand['status'], string> = { draft: 'default', open: 'green', filled: 'blue', closed: 'red' };

const DONE: Record<Demand['status'], string> = { draft: '已存为草稿', open: '需求已开放', filled: '已标记为已满足', closed: '需求已关闭' };

/** Open, close, reopen or mark filled, at the version read; a stale version says so and reloads the list. */
function StatusActions({ d }: { d: Demand }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (status: Demand['status']) => patch<Demand>(`/api/demands/${d.id}`, { status, version: d.version }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(DONE[saved.status]);
    },
    onError: (e) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.error(
        e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? '其他人刚刚修改了这项需求，列表已刷新，请重试' : errorMessage(e),
      );
    },
  });
  const to = (status: Demand['status'], label: string, confirm?: string) =>
    confirm ? (
      <Popconfirm key={status} title={confirm} okText={label} cancelText="取消" onConfirm={() => change.mutate(status)}>
        <Button size="small" danger loading={change.isPending} data-testid={`demand-${status}`}>
          {label}
        </Button>
      </Popconfirm>
    ) : (
      <Button key={status} size="small" loading={change.isPending} onClick={() => change.mutate(status)} data-testid={`demand-${status}`}>
        {label}
      </Button>
    );
  if (d.status === 'closed') return to('open', '重新开放');
  if (d.status === 'draft')
    return (
      <>
        {to('open', '开放')}
        {to('closed', '关闭', '关闭后学校和学生不再看到这项需求，可随时重新开放。')}
      </>
    );
  if (d.status === 'filled')
    return (
      <>
        {to('open', '重新开放')}
        {to('closed', '关闭', '确定关闭这项需求？')}
      </>
    );
  return (
    <>
      {to('filled', '已满足')}
      {to('closed', '关闭', '关闭后学校和学生不再看到这项需求，可随时重新开放。')}
    </>
  );
}

/** 需求管理: an enterprise's demands (the bureau: every enterprise's), to post, edit, close and reopen. */
export default function DemandsPage() {
  const own = useOwnOrganisations('enterprise');
  const [status, setStatus] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [page, setPage] = useState(1);
  const demands = useDemands({ enterpriseId: own[0]?.id, status, kind, page, pageSize: 20 });
  const [editing, setEditing] = useState<Demand | null>(null);
  const [creating, setCreating] = useState(false);
  const columns = [
    {
      title: '需求',
      key: 'title',
      render: (_: unknown, d: Demand) => (
        <Space direction="vertical" size={0}>
          <Space size={4} wrap>
            <Tag>{DEMAND_KIND_LABELS[d.kind]}</Tag>
            <Typography.Text strong>{d.title}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              own.length ? null : d.enterpriseName,
              d.headcount ? `${d.headcount} 人` : null,
              d.budgetYuan != null ? `预算 ${d.budgetYuan} 元` : null,
              d.majorCodes.join('、') || '不限专业',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, d: Demand) => (
        <Tag color={STATUS_COLORS[d.status]} data-testid="demand-status">
          {DEMAND_STATUS_LABELS[d.status]}
        </Tag>
      ),
    },
    { title: '区县', dataIndex: 'districtName', key: 'district', responsive: ['lg' as const] },
    { title: '发布于', key: 'created', responsive: ['md' as const], render: (_: unknown, d: Demand) => d.createdAt.slice(0, 10) },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, d: Demand) => (
        <Space wrap size={4}>
          {d.status !== 'closed' && (
            <Button size="small" type="link" onClick={() => setEditing(d)} data-testid="demand-edit">
              编辑
            </Button>
          )}
          <StatusActions d={d} />
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="matching-demands">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>{own.length ? '本企业需求' : '企业需求管理'}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="demand-create">
          {own.length ? '发布需求' : '代企业发布需求'}
        </Button>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={DEMAND_STATUSES.map((s) => ({ value: s, label: DEMAND_STATUS_LABELS[s] }))}
          />
          <Select
            allowClear
            placeholder="全部类型"
            style={{ width: 140 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={DEMAND_KINDS.map((k) => ({ value: k, label: DEMAND_KIND_LABELS[k] }))}
          />
        </Space>
      </Card>
      {demands.error ? (
        <QueryError error={demands.error} onRetry={() => void demands.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={demands.isFetching}
          dataSource={demands.data?.items ?? []}
          columns={columns}
          pagination={{
            current: page,
            pageSize: 20,
            total: demands.data?.total ?? 0,
            onChange: setPage,
            showTotal: (t) => `共 ${t} 项`,
            simple: true,
          }}
        />
      )}
      <RecordDrawer open={creating} title={own.length ? '发布需求' : '代企业发布需求'} onClose={() => setCreating(false)}>
        <DemandForm onSaved={() => setCreating(false)} />
      </RecordDrawer>
      <RecordDrawer open={!!editing} title={editing ? `修改：${editing.title}` : ''} onClose={() => setEditing(null)}>
        {editing && (
          <DemandForm
            record={editing}
            onSaved={() => setEditing(null)}
            onReload={async () => {
              const fresh = await demands.refetch();
              const d = fresh.data?.items.find((x) => x.id === editing.id);
              if (d) setEditing(d);
            }}
          />
        )}
      </RecordDrawer>
    </div>
  );
}
