import { Card, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { RAG_STATUS_LABELS, type EnterprisePostShare } from '../../../../contracts/internship-stats.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { percent, RAG_COLORS, usePostShareRollups, usePostShares } from './stats-api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));

const shareColumns: Column<EnterprisePostShare>[] = [
  { key: 'district', title: '区县', render: (r) => r.districtName ?? '—' },
  { key: 'staff', title: '在岗职工', align: 'right', render: (r) => r.staffCount },
  { key: 'due', title: '应提供岗位', align: 'right', render: (r) => (r.aboveDesignatedSize ? `${r.minPosts}—${r.maxPosts}` : '—') },
  { key: 'offered', title: '已提供', align: 'right', render: (r) => r.placesOffered },
  { key: 'share', title: '岗位占比', align: 'right', render: (r) => percent(r.placesShare, 2) },
  { key: 'accepted', title: '已接收', align: 'right', render: (r) => r.internsAccepted },
  { key: 'status', title: '达标情况', render: (r) => <Tag color={RAG_COLORS[r.placesStatus]}>{RAG_STATUS_LABELS[r.placesStatus]}</Tag> },
];

/** Each enterprise's internship places against the plan's 2%–3% of its staff, with the rollup by district or cluster. */
export function PostShares({ year }: { year?: number }) {
  const [by, setBy] = useState('district');
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const rollup = usePostShareRollups({ year, by });
  const list = usePostShares({ year, status, q, page, pageSize: 20 });
  const target = list.data?.target ?? rollup.data?.target;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="post-shares">
      {target && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          规模以上企业提供实习岗位应占在岗职工的 {percent(target.min, 0)}—{percent(target.max, 0)}（{target.article}）。
          {list.data && (
            <>
              全部适用企业：岗位占比 {percent(list.data.totals.placesShare, 2)}，接收实习生占比 {percent(list.data.totals.internsShare, 2)}
              。
            </>
          )}
        </Typography.Paragraph>
      )}
      <Card
        size="small"
        title="岗位占比（%）"
        extra={
          <Segmented
            size="small"
            value={by}
            onChange={(v) => setBy(String(v))}
            options={[
              { value: 'district', label: '按区县' },
              { value: 'cluster', label: '按产业集群' },
            ]}
          />
        }
      >
        {rollup.error ? (
          <QueryError error={rollup.error} />
        ) : (
          <Suspense fallback={null}>
            <EChart
              kind="bar"
              title="实习岗位占在岗职工比例"
              data={(rollup.data?.rows ?? [])
                .map((r) => ({ name: r.name, value: Math.round((r.placesShare ?? 0) * 10000) / 100 }))
                .sort((a, b) => b.value - a.value)}
            />
          </Suspense>
        )}
      </Card>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="企业名称"
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder="全部达标情况"
          style={{ width: 200 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(RAG_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Space>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<EnterprisePostShare>
          rowKey={(r) => r.enterpriseId}
          rowTestId="post-share-row"
          loading={list.isLoading}
          rows={list.data?.items ?? []}
          empty="没有符合条件的企业"
          page={page}
          pageSize={20}
          total={list.data?.total ?? 0}
          onPage={setPage}
          primary={{ key: 'enterprise', title: '企业', render: (r) => r.enterpriseName }}
          columns={shareColumns}
        />
      )}
    </Space>
  );
}
