import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { useSupplyDemand, type SupplyDemand } from './api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));
type By = 'cluster' | 'major' | 'district';
type Row = SupplyDemand['rows'][number];

const columns = [
  { title: '分组', dataIndex: 'name', key: 'name' },
  { title: '未满足需求（人）', dataIndex: 'demandOpen', key: 'd', align: 'right' as const },
  { title: '未落实的求实习学生', dataIndex: 'supplySeeking', key: 's', align: 'right' as const },
  {
    title: '缺口',
    dataIndex: 'gap',
    key: 'g',
    align: 'right' as const,
    render: (g: number) => (
      <Typography.Text type={g > 0 ? 'danger' : g < 0 ? 'warning' : undefined}>
        {g > 0 ? `缺人 ${g}` : g < 0 ? `缺岗位 ${-g}` : '平衡'}
      </Typography.Text>
    ),
  },
];

/** The bureau's supply–demand view: unmet demand against unplaced students by cluster, major or district. */
export default function SupplyDemandPage() {
  const [by, setBy] = useState<By>('cluster');
  const data = useSupplyDemand(by);
  return (
    <div data-testid="matching-supply-demand">
      <div className="cj-page-head">
        <Typography.Title level={4}>人才供需总览</Typography.Title>
      </div>
      <Segmented
        style={{ marginBottom: 12 }}
        value={by}
        onChange={(v) => setBy(v as By)}
        options={[
          { value: 'cluster', label: '按产业集群' },
          { value: 'major', label: '按专业' },
          { value: 'district', label: '按区县' },
        ]}
      />
      {data.error ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="未满足需求（人）" value={data.data?.totals.demandOpen ?? 0} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="未落实的求实习学生" value={data.data?.totals.supplySeeking ?? 0} />
              </Card>
            </Col>
          </Row>
          {by === 'cluster' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="一个专业可对接多个产业集群，学生在每个对接的集群下各计一次，故各行之和可大于合计。"
            />
          )}
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={10}>
              <Card size="small" title="缺口（需求 − 供给）最大的前 12 项">
                <Suspense fallback={null}>
                  <EChart
                    kind="bar"
                    title="供需缺口"
                    data={(data.data?.rows ?? []).slice(0, 12).map((r: Row) => ({ name: r.name, value: r.gap }))}
                  />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Table
                rowKey="key"
                size="small"
                loading={data.isLoading}
                dataSource={data.data?.rows ?? []}
                columns={columns}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
