import { Alert, Card, Col, Descriptions, Empty, Row, Segmented, Select, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import {
  FORECAST_METHOD_LABELS,
  OUTCOME_WARNING_KIND_LABELS,
  SERIES_MEASURE_LABELS,
  SERIES_MEASURES,
  WARNING_KIND_LABELS,
  type SeriesMeasure,
} from '../../../../contracts/forecast.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useSeriesDetail, useSeriesList, useWarnings, type SeriesList, type WarningList } from './api.ts';

const ForecastChart = lazy(() => import('./ForecastChart.tsx'));
type Item = SeriesList['items'][number];
type WarningItem = WarningList['items'][number];
type OutcomeItem = WarningList['outcomes']['items'][number];
const share = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
type Dim = 'cluster' | 'major';

const fixed = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${(v * 100).toFixed(0)}%`);

/**
 * 人才需求预测 (二 (五) 16), the bureau's and departments' page: every cluster's or major's monthly series of a
 * measure with its forecast for the next 12 months, and for the one chosen its chart with the 80% and 95% bands,
 * the method the rolling-origin backtest chose and every method's backtest error beside it.
 */
export default function ForecastPage() {
  const [dimension, setDimension] = useState<Dim>('cluster');
  const [measure, setMeasure] = useState<SeriesMeasure>('headcount');
  const [picked, setPicked] = useState<string | null>(null);
  const list = useSeriesList(dimension, measure);
  const items = list.data?.items ?? [];
  const key = picked !== null && items.some((i) => i.key === picked) ? picked : (items[0]?.key ?? null);
  const detail = useSeriesDetail(dimension, key, measure);
  const f = detail.data?.forecast ?? null;
  return (
    <div data-testid="forecast-page" data-dimension={list.data?.dimension}>
      <div className="cj-page-head">
        <Typography.Title level={4}>人才需求预测</Typography.Title>
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col>
          <Segmented
            value={dimension}
            onChange={(v) => {
              setDimension(v as Dim);
              setPicked(null);
            }}
            options={[
              { value: 'cluster', label: '按产业集群' },
              { value: 'major', label: '按专业' },
            ]}
          />
        </Col>
        <Col>
          <Select
            aria-label="指标"
            style={{ minWidth: 200 }}
            value={measure}
            onChange={setMeasure}
            options={SERIES_MEASURES.map((m) => ({ value: m, label: SERIES_MEASURE_LABELS[m] }))}
          />
        </Col>
      </Row>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              data-testid="forecast-detail"
              title={detail.data ? `${detail.data.name} · ${SERIES_MEASURE_LABELS[measure]}` : '月度序列与预测'}
            >
              {detail.error ? (
                <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
              ) : detail.data ? (
                <>
                  <Suspense fallback={null}>
                    <ForecastChart detail={detail.data} />
                  </Suspense>
                  {f ? (
                    <>
                      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} data-testid="forecast-model">
                        <Descriptions.Item label="选用方法">{FORECAST_METHOD_LABELS[f.method]}</Descriptions.Item>
                        <Descriptions.Item label="回测误差（MASE，季节朴素法 = 1）">
                          {fixed(f.scores.find((s) => s.method === f.method)?.relative ?? null, 2)}
                        </Descriptions.Item>
                      </Descriptions>
                      <Table
                        size="small"
                        rowKey="method"
                        pagination={false}
                        style={{ marginTop: 8 }}
                        dataSource={f.scores}
                        columns={[
                          { title: '方法', key: 'm', render: (_: unknown, s) => FORECAST_METHOD_LABELS[s.method] },
                          { title: 'MASE', key: 'a', align: 'right', render: (_: unknown, s) => fixed(s.mase, 3) },
                          { title: '相对季节朴素法', key: 'r', align: 'right', render: (_: unknown, s) => fixed(s.relative, 2) },
                        ]}
                      />
                      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                        在最近 {f.origins}{' '}
                        个月的滚动起点上回测，每次预测其后至多12个月，误差以训练期内季节朴素法的平均误差为单位；选误差最小的方法。
                      </Typography.Paragraph>
                    </>
                  ) : (
                    <Alert type="info" showIcon style={{ marginTop: 8 }} message="历史不足24个月，暂不预测。" />
                  )}
                </>
              ) : (
                <Empty description={list.isLoading ? '加载中' : '暂无月度数据：每日任务将登记数据记入本月'} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <ResponsiveTable<Item>
              rows={items}
              rowKey={(r) => r.key}
              loading={list.isLoading}
              pageSize={15}
              rowTestId="forecast-row"
              onRowClick={(r) => {
                setPicked(r.key);
                // on a phone the chart stands above the list: bring it back into view
                document.querySelector('[data-testid="forecast-detail"]')?.scrollIntoView({ block: 'nearest' });
              }}
              empty="暂无月度数据"
              primary={{
                key: 'name',
                title: dimension === 'cluster' ? '产业集群' : '专业',
                render: (r) => (
                  <span>
                    {r.key === key ? <b>{r.name}</b> : r.name}
                    {/* 中职 and 高职 majors may share a name: the code tells them apart */}
                    {dimension === 'major' && r.key !== '_' && <Typography.Text type="secondary"> {r.key}</Typography.Text>}
                  </span>
                ),
              }}
              columns={[
                { key: 'latest', title: `本月（${list.data?.lastMonth ?? '—'}）`, align: 'right', render: (r) => r.latest },
                { key: 'next', title: '未来12月均值', align: 'right', render: (r) => fixed(r.next12Mean) },
                { key: 'change', title: '较近12月', align: 'right', render: (r) => percent(r.change) },
                { key: 'method', title: '方法', render: (r) => (r.method ? FORECAST_METHOD_LABELS[r.method] : '—') },
                { key: 'mase', title: '相对MASE', align: 'right', render: (r) => fixed(r.relativeMase, 2) },
              ]}
            />
          </Col>
        </Row>
      )}
      <Warnings />
    </div>
  );
}

/** 专业预警: majors and clusters the policy's thresholds flag, with the figures each is judged on. */
function Warnings() {
  const data = useWarnings();
  const t = data.data?.thresholds;
  return (
    <Card size="small" title="专业预警" style={{ marginTop: 12 }} data-testid="forecast-warnings">
      {data.error ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <>
          {t && (
            <Typography.Paragraph type="secondary">
              预测需求（开放人才需求人数 + 实习岗位剩余名额的月均值）较最近12个月下降超过 {Math.round(t.demandDropShare * 100)}
              %，或每百名在校生不足 {t.minDemandPer100Students} 人的专业；预测需求增长 {Math.round(t.clusterGrowthShare * 100)}%
              以上而无在校生专业对接的产业集群。阈值见政策文件（
              {data.data?.article}）。
            </Typography.Paragraph>
          )}
          <ResponsiveTable<WarningItem>
            rows={data.data?.items ?? []}
            rowKey={(w) => `${w.kind}|${w.key}`}
            loading={data.isLoading}
            pageSize={10}
            rowTestId="forecast-warning"
            empty="暂无预警"
            primary={{
              key: 'name',
              title: '专业 / 产业集群',
              render: (w) => (
                <span>
                  {w.name}
                  {w.dimension === 'major' && <Typography.Text type="secondary"> {w.key}</Typography.Text>}
                </span>
              ),
            }}
            columns={[
              {
                key: 'kind',
                title: '预警',
                render: (w) => <Typography.Text type="warning">{WARNING_KIND_LABELS[w.kind]}</Typography.Text>,
              },
              { key: 'recent', title: '近12月需求', align: 'right', render: (w) => fixed(w.recentDemand) },
              { key: 'forecast', title: '预测12月需求', align: 'right', render: (w) => fixed(w.forecastDemand) },
              { key: 'change', title: '变化', align: 'right', render: (w) => percent(w.change) },
              { key: 'students', title: '在校生', align: 'right', render: (w) => w.students },
              { key: 'per100', title: '每百名在校生', align: 'right', render: (w) => fixed(w.demandPer100Students) },
            ]}
          />
          {data.data && <OutcomeWarnings outcomes={data.data.outcomes} />}
        </>
      )}
    </Card>
  );
}

/** 专业预警 on graduates' outcomes: majors whose 去向落实率 or 留郑率 falls below the policy's shares. */
function OutcomeWarnings({ outcomes: o }: { outcomes: WarningList['outcomes'] }) {
  return (
    <div data-testid="forecast-outcome-warnings" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        {o.graduationYear ? `${o.graduationYear}届` : ''}毕业生去向落实率低于 {Math.round(o.thresholds.minPlacementShare * 100)}%
        或留郑率低于 {Math.round(o.thresholds.minRetentionShare * 100)}% 的专业（毕业生不少于 {o.thresholds.minGraduates}{' '}
        人；阈值见政策文件，{o.article}）。
      </Typography.Paragraph>
      <ResponsiveTable<OutcomeItem>
        rows={o.items}
        rowKey={(w) => `${w.kind}|${w.key}`}
        pageSize={10}
        rowTestId="forecast-outcome-warning"
        empty="暂无去向与留郑预警"
        primary={{ key: 'name', title: '专业', render: (w) => w.name }}
        columns={[
          {
            key: 'kind',
            title: '预警',
            render: (w) => <Typography.Text type="warning">{OUTCOME_WARNING_KIND_LABELS[w.kind]}</Typography.Text>,
          },
          { key: 'graduates', title: '毕业生', align: 'right', render: (w) => w.graduates },
          { key: 'placement', title: '去向落实率', align: 'right', render: (w) => share(w.placement) },
          { key: 'retention', title: '留郑率', align: 'right', render: (w) => share(w.retention) },
        ]}
      />
    </div>
  );
}
