import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { scoreText, SOURCE_LABELS, valueText, type QualitySchoolResult } from './api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));

type Indicator = QualitySchoolResult['dimensions'][number]['indicators'][number];

/** The parts behind a value: a share's numerator/denominator, a survey's answers/invited. */
const basis = (i: Indicator) =>
  i.numerator === null || i.denominator === null
    ? '—'
    : i.source === 'survey'
      ? `${i.numerator} / ${i.denominator} 人作答`
      : `${i.numerator.toLocaleString('zh-CN')} / ${i.denominator.toLocaleString('zh-CN')}`;

/**
 * One school's evaluation of a year (the school itself, the bureau's drill-down, a commissioned evaluator): total
 * and rank, the trend over the years, each dimension with the parties' views and every indicator's value, score and
 * the data behind it, and the third-party findings.
 */
export function SchoolResultView({ r }: { r: QualitySchoolResult }) {
  const primary: Column<Indicator> = { key: 'name', title: '指标', render: (i) => i.name };
  const columns: Column<Indicator>[] = [
    { key: 'value', title: '数值', align: 'right', render: (i) => <strong>{valueText(i.value, i.unit)}</strong> },
    { key: 'score', title: '得分', align: 'right', render: (i) => scoreText(i.score) },
    { key: 'floor', title: '底线 / 目标', align: 'right', render: (i) => `${i.floor} / ${i.target}` },
    { key: 'basis', title: '数据依据', render: basis },
    { key: 'source', title: '来源', render: (i) => `${SOURCE_LABELS[i.source]}（${i.party}）` },
  ];
  return (
    <div data-testid="quality-school-result">
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="总分">
          <strong data-testid="quality-total">{scoreText(r.total)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="排名">{r.rank === null ? '暂无' : `第 ${r.rank} 名 / ${r.ranked} 所`}</Descriptions.Item>
        <Descriptions.Item label="数据截至">{r.dataDate}</Descriptions.Item>
        <Descriptions.Item label="计算时间">
          {r.computedAt}（指标体系第 {r.systemVersion} 版）
        </Descriptions.Item>
      </Descriptions>
      {r.trend.length > 0 && (
        <Card size="small" title="历年总分走势" style={{ marginBottom: 12 }}>
          <Suspense fallback={null}>
            <EChart
              kind="bar"
              data={r.trend.filter((t) => t.total !== null).map((t) => ({ name: `${t.year}年度`, value: t.total! }))}
              title={`${r.schoolName}历年质量评价总分`}
            />
          </Suspense>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {r.trend
              .map((t) => `${t.year}年度 ${scoreText(t.total)}${t.change === null ? '' : `（${t.change >= 0 ? '+' : ''}${t.change}）`}`)
              .join('；')}
          </Typography.Paragraph>
        </Card>
      )}
      {r.dimensions.map((d) => (
        <Card
          key={d.code}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${d.name}（权重 ${Math.round(d.weight * 100)}%）：${scoreText(d.score)} 分`}
          data-testid={`quality-dimension-${d.code}`}
        >
          <Space wrap style={{ marginBottom: 8 }}>
            {d.parties.map((p) => (
              <Tag key={p.code}>
                {p.name}：{scoreText(p.score)}
              </Tag>
            ))}
            {d.adjustment !== 0 && (
              <Tag color={d.adjustment > 0 ? 'green' : 'red'}>
                第三方评价调整 {d.adjustment > 0 ? '+' : ''}
                {d.adjustment}
              </Tag>
            )}
          </Space>
          <ResponsiveTable<Indicator>
            rows={d.indicators}
            rowKey={(i) => i.code}
            primary={primary}
            columns={columns}
            empty="无指标"
            pageSize={20}
            rowTestId="quality-indicator-row"
          />
        </Card>
      ))}
      <Card size="small" title="第三方评价意见" style={{ marginBottom: 12 }}>
        {r.findings.length === 0 ? (
          <Typography.Text type="secondary">暂无第三方评价意见</Typography.Text>
        ) : (
          r.findings.map((f) => (
            <Typography.Paragraph key={`${f.dimension}-${f.evaluatorName}`}>
              <strong>{r.dimensions.find((d) => d.code === f.dimension)?.name}</strong>（{f.evaluatorName}，{f.updatedAt}
              {f.adjustment !== 0 && `，调整 ${f.adjustment > 0 ? '+' : ''}${f.adjustment} 分`}）：{f.text}
            </Typography.Paragraph>
          ))
        )}
      </Card>
    </div>
  );
}
