import { Button, Card, Empty, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DEMAND_KIND_LABELS } from '../../../../contracts/matching.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RecordDrawer } from '../registry/kit/RecordDrawer.tsx';
import { useDemands, useEnterpriseRecommendations, type Recommendation } from './api.ts';
import { DemandForm } from './DemandForm.tsx';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';

const columns = [
  {
    title: '推荐对象',
    key: 'title',
    render: (_: unknown, r: Recommendation) => (
      <Space direction="vertical" size={0}>
        <Typography.Text strong>{r.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.subtitle}
        </Typography.Text>
      </Space>
    ),
  },
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
        <Space wrap>
          <Link to="/matching/demands">管理需求（修改、关闭、重新开放）</Link>
          <Button type="primary" onClick={() => setCreating(true)}>
            发布需求
          </Button>
        </Space>
      </div>
      <RecordDrawer open={creating} title="发布需求" onClose={() => setCreating(false)}>
        <DemandForm
          onSaved={(d) => {
            setCreating(false);
            if (d.status === 'open') setDemandId(d.id);
          }}
        />
      </RecordDrawer>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap style={{ width: '100%' }}>
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            placeholder="选择需求"
            value={chosen}
            onChange={setDemandId}
            loading={demands.isLoading}
            options={(demands.data?.items ?? []).map((d) => ({ value: d.id, label: `${DEMAND_KIND_LABELS[d.kind]} · ${d.title}` }))}
            data-testid="demand-select"
          />
          <Segmented
            value={target}
            onChange={(v) => setTarget(v as 'programs' | 'students')}
            options={[
              { value: 'programs', label: '学校专业' },
              { value: 'students', label: '愿被发现的学生' },
            ]}
          />
        </Space>
        {demands.data?.items.find((d) => d.id === chosen) && (
          <Space wrap size={4} style={{ marginTop: 8 }}>
            {demands.data.items
              .find((d) => d.id === chosen)!
              .majorCodes.map((c) => (
                <Tag key={c}>{c}</Tag>
              ))}
            {demands.data.items
              .find((d) => d.id === chosen)!
              .certificates.map((c) => (
                <Tag key={c} color="blue">
                  {c}
                </Tag>
              ))}
          </Space>
        )}
      </Card>
      {!chosen && !demands.isLoading ? (
        <Empty description="还没有开放中的需求，先发布一项" />
      ) : recs.error ? (
        <QueryError error={recs.error} onRetry={() => void recs.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={recs.isLoading}
          dataSource={recs.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={target === 'students' ? '暂无对口且愿被发现的学生' : '暂无对口的学校专业'} /> }}
        />
      )}
    </div>
  );
}
