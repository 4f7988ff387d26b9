import { Card, Segmented, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { percent, usePlacementRates } from './stats-api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));
const BY = [{ value: 'school', label: '按学校' }, { value: 'major', label: '按专业' }, { value: 'cluster', label: '按产业集群' }];

/** Students on a 岗位实习 post / students old enough for one, by school, major or cluster (the first 20 rows charted). */
export function PlacementRates({ year }: { year?: number }) {
  const [by, setBy] = useState('school');
  const rates = usePlacementRates({ year, by });
  const d = rates.data;
  const chart = (d?.rows ?? []).filter((r) => r.rate !== null).slice(0, 20).map((r) => ({ name: r.name, value: Math.round(r.rate! * 1000) / 10 }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="placement-rates">
      <Segmented options={BY} value={by} onChange={(v) => setBy(String(v))} />
      {rates.error ? <QueryError error={rates.error} onRetry={() => void rates.refetch()} /> : (
        <>
          {d && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {d.year}年岗位实习率：{percent(d.totals.rate)}（已安排 {d.totals.placed} 人 / 可参加 {d.totals.eligible} 人，{d.newestEligibleCohort}级及以前；
              依{d.rule.name}，{d.rule.article}）
            </Typography.Paragraph>
          )}
          <Card size="small" title="实习率（%）" loading={rates.isLoading}>
            {chart.length ? <Suspense fallback={null}><EChart kind="bar" data={chart} title="岗位实习率" /></Suspense> : <Typography.Text type="secondary">暂无已安排的岗位实习</Typography.Text>}
          </Card>
          <Table
            rowKey={(r) => r.key ?? r.name} size="small" loading={rates.isLoading} dataSource={d?.rows} scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: BY.find((b) => b.value === by)?.label.slice(1), dataIndex: 'name' },
              { title: '可参加岗位实习', dataIndex: 'eligible', align: 'right' },
              { title: '已安排', dataIndex: 'placed', align: 'right' },
              { title: '实习率', dataIndex: 'rate', align: 'right', render: (v: number | null) => percent(v) },
            ]}
          />
        </>
      )}
    </Space>
  );
}
