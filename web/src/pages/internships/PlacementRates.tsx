import { Card, Segmented, Space, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { orderPlacementRows, type PlacementOrder } from '../../../../core/internships/placement-rate.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { formatDate } from '../../components/format.ts';
import { percent, usePlacementRates, type PlacementRates as Rates } from './stats-api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));
const BY = [
  { value: 'school', label: '按学校' },
  { value: 'major', label: '按专业' },
  { value: 'cluster', label: '按产业集群' },
];
const ORDERS: { value: PlacementOrder; label: string }[] = [
  { value: 'rate', label: '按实习率' },
  { value: 'placed', label: '按已安排人数' },
];
/** Bars charted: the first rows of the chosen order; the table below lists them all. */
const CHARTED = 20;

type Row = Rates['rows'][number];
const columns: Column<Row>[] = [
  { key: 'eligible', title: '可参加岗位实习', align: 'right', render: (r) => r.eligible },
  { key: 'placed', title: '已安排', align: 'right', render: (r) => r.placed },
  { key: 'rate', title: '实习率', align: 'right', render: (r) => percent(r.rate) },
];

/** Students on a 岗位实习 post / students old enough for one, by school, major or cluster, highest first. */
export function PlacementRates({ year }: { year?: number }) {
  const [by, setBy] = useState('school');
  const [order, setOrder] = useState<PlacementOrder>('rate');
  const rates = usePlacementRates({ year, by });
  const d = rates.data;
  const rows = useMemo(() => orderPlacementRows(d?.rows ?? [], order), [d, order]);
  const charted = rows.filter((r) => (order === 'rate' ? r.rate !== null : r.placed > 0)).slice(0, CHARTED);
  const chart = charted.map((r) =>
    order === 'rate' ? { name: r.name, value: Math.round(r.rate! * 1000) / 10 } : { name: r.name, value: r.placed },
  );
  const unit = order === 'rate' ? '%' : '人';
  const summary = `${order === 'rate' ? '岗位实习率' : '已安排岗位实习人数'}（由高到低）：${chart.map((c) => `${c.name} ${c.value}${unit}`).join('、')}`;
  const dimension = BY.find((b) => b.value === by)!.label.slice(1);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="placement-rates">
      <Space wrap>
        <Segmented options={BY} value={by} onChange={(v) => setBy(String(v))} />
        <Segmented options={ORDERS} value={order} onChange={(v) => setOrder(v as PlacementOrder)} data-testid="placement-order" />
      </Space>
      {rates.error ? (
        <QueryError error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <>
          {d && <RateExplained data={d} />}
          <Card
            size="small"
            title={order === 'rate' ? `实习率（%），前 ${CHARTED} 名` : `已安排岗位实习（人），前 ${CHARTED} 名`}
            loading={rates.isLoading}
          >
            {chart.length ? (
              <Suspense fallback={null}>
                <EChart kind="bar" data={chart} title={summary} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">暂无已安排的岗位实习</Typography.Text>
            )}
          </Card>
          <ResponsiveTable<Row>
            rowKey={(r) => r.key ?? r.name}
            rowTestId="placement-row"
            loading={rates.isLoading}
            rows={rows}
            pageSize={20}
            empty="暂无可参加岗位实习的学生"
            primary={{ key: 'name', title: dimension, render: (r) => r.name }}
            columns={columns}
          />
        </>
      )}
    </Space>
  );
}

/** The rate of the whole scope with what it divides: who counts as placed, who as eligible, and the rule. */
function RateExplained({ data: d }: { data: Rates }) {
  return (
    <Card size="small" data-testid="placement-total">
      <div className="cj-rate-explained">
        <div className="cj-rate-figure">
          <div className="cj-rate-value">{percent(d.totals.rate)}</div>
          <Typography.Text type="secondary">{d.year}年岗位实习率</Typography.Text>
        </div>
        <div className="cj-rate-terms">
          <div>
            = 已安排岗位实习的学生 <b>{d.totals.placed}</b> 人 ÷ 可参加岗位实习的学生 <b>{d.totals.eligible}</b> 人
          </div>
          <Typography.Text type="secondary">
            已安排：{d.year}年内开展的岗位实习岗位已由企业接收的学生，每人计一次。 可参加：在读的{d.newestEligibleCohort}
            级及以前入学的学生（{d.rule.name}，{d.rule.article}；按{formatDate(d.asOf)}的年级计）。
          </Typography.Text>
        </div>
      </div>
    </Card>
  );
}
