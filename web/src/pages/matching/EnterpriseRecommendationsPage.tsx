import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEMAND_KIND_LABELS, DEMAND_KINDS } from '../../../../contracts/matching.ts';
import { errorMessage, post } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { KEY, useDemands, useEnterpriseRecommendations, type Recommendation } from './api.ts';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';

/** A short form for a new demand (internship posts are published on the internship pages and linked there). */
function NewDemand({ open, onClose }: { open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => post('/api/demands', v),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: [KEY] }); form.resetFields(); onClose(); void message.success('需求已发布'); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal open={open} title="发布需求" onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} okText="发布" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'talent' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={DEMAND_KINDS.filter((k) => k !== 'internship').map((k) => ({ value: k, label: DEMAND_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, min: 2, message: '需求名称至少2个字' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="majorCodes" label="需要的专业（6位专业代码）"><Select mode="tags" placeholder="如 460103" tokenSeparators={[',', '，', ' ']} /></Form.Item>
        <Form.Item name="skills" label="技能"><Select mode="tags" tokenSeparators={[',', '，']} /></Form.Item>
        <Form.Item name="certificates" label="证书"><Select mode="tags" tokenSeparators={[',', '，']} /></Form.Item>
        <Space wrap>
          <Form.Item name="headcount" label="人数"><InputNumber min={1} /></Form.Item>
          <Form.Item name="budgetYuan" label="预算（元，技术难题）"><InputNumber min={0} style={{ width: 160 }} /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

const columns = [
  { title: '推荐对象', key: 'title', render: (_: unknown, r: Recommendation) => <Space direction="vertical" size={0}><Typography.Text strong>{r.title}</Typography.Text><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.subtitle}</Typography.Text></Space> },
  { title: '学校', dataIndex: 'organisationName', key: 'org', responsive: ['md' as const] },
  { title: '区县', dataIndex: 'districtName', key: 'district', responsive: ['lg' as const] },
  { title: '匹配分与构成', key: 'score', render: (_: unknown, r: Recommendation) => <ScoreBreakdown score={r.score} parts={r.parts} /> },
];

/** For an enterprise: its demands, and for the chosen one the schools' programs or opted-in students that fit best. */
export default function EnterpriseRecommendationsPage() {
  const me = useMe();
  const enterpriseId = me.roles.find((r) => r.role === 'enterprise_admin')?.organisation.id;
  const demands = useDemands({ enterpriseId, status: 'open', pageSize: 100 });
  const [demandId, setDemandId] = useState<string>();
  const [target, setTarget] = useState<'programs' | 'students'>('programs');
  const [creating, setCreating] = useState(false);
  const chosen = demandId ?? demands.data?.items[0]?.id;
  const recs = useEnterpriseRecommendations(chosen, target);
  return (
    <div data-testid="matching-enterprise">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>需求与推荐</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>发布需求</Button>
      </div>
      <NewDemand open={creating} onClose={() => setCreating(false)} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%' }}>
          <Select style={{ minWidth: 260, maxWidth: '100%' }} placeholder="选择需求" value={chosen} onChange={setDemandId} loading={demands.isLoading}
            options={(demands.data?.items ?? []).map((d) => ({ value: d.id, label: `${DEMAND_KIND_LABELS[d.kind]} · ${d.title}` }))} data-testid="demand-select" />
          <Segmented value={target} onChange={(v) => setTarget(v as 'programs' | 'students')} options={[{ value: 'programs', label: '学校专业' }, { value: 'students', label: '愿被发现的学生' }]} />
        </Space>
        {demands.data?.items.find((d) => d.id === chosen) && (
          <Space wrap size={4} style={{ marginTop: 8 }}>
            {demands.data.items.find((d) => d.id === chosen)!.majorCodes.map((c) => <Tag key={c}>{c}</Tag>)}
            {demands.data.items.find((d) => d.id === chosen)!.certificates.map((c) => <Tag key={c} color="blue">{c}</Tag>)}
          </Space>
        )}
      </Card>
      {!chosen && !demands.isLoading ? <Empty description="还没有开放中的需求，先发布一项" /> : recs.error ? <QueryError error={recs.error} onRetry={() => void recs.refetch()} /> : (
        <Table rowKey="id" size="small" loading={recs.isLoading} dataSource={recs.data?.items ?? []} columns={columns} pagination={false}
          locale={{ emptyText: <Empty description={target === 'students' ? '暂无对口且愿被发现的学生' : '暂无对口的学校专业'} /> }} />
      )}
    </div>
  );
}
