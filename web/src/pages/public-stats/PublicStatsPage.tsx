import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { publicStatistics } from '../../../../contracts/cockpit.ts';
import { Link } from 'react-router-dom';
import { get } from '../../api/client.ts';
import { Downloads } from '../employment-report/Downloads.tsx';
import { usePublicReports } from '../employment-report/api.ts';
import { PublicShell } from '../directory/PublicShell.tsx';

type Stats = z.infer<typeof publicStatistics>;
const COLOR = { green: '#2fbf71', amber: '#f5a623', red: '#e5484d', unknown: '#8a94a6' };
const LABEL = { green: '进度正常', amber: '略有滞后', red: '明显滞后', unknown: '暂无数据' };

/** The statistics the bureau publishes, for anyone (no sign-in): city-wide values against the plan. */
export default function PublicStatsPage() {
  const q = useQuery({ queryKey: ['public-statistics'], queryFn: () => get<Stats>('/api/public/statistics') });
  return (
    <PublicShell>
      <div className="cj-public-stats" data-testid="public-statistics">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          郑州市产教融合公开统计
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {q.data ? `依据《${q.data.plan.title}》（${q.data.plan.document}）` : ''}
          {q.data?.computedAt ? ` · 数据更新于 ${new Date(q.data.computedAt).toLocaleString('zh-CN', { hour12: false })}` : ''}
        </Typography.Paragraph>
        <Typography.Paragraph>
          <Link to="/quality-reports/public" data-testid="link-quality-reports">
            各职业学校、企业及全市中职质量年度报告 →
          </Link>
        </Typography.Paragraph>
        {q.isPending && <Skeleton active />}
        {q.error && <Alert type="error" showIcon message={q.error.message} />}
        {q.data && !q.data.items.length && <Empty description="暂无公开的统计指标" />}
        <Row gutter={[16, 16]}>
          {q.data?.items.map((s) => (
            <Col key={s.code} xs={24} sm={12} lg={8}>
              <Card
                size="small"
                title={s.name}
                data-testid="public-indicator"
                extra={
                  <Tag
                    color={s.status === 'unknown' ? 'default' : undefined}
                    style={{ color: COLOR[s.status], borderColor: COLOR[s.status] }}
                  >
                    {LABEL[s.status]}
                  </Tag>
                }
              >
                <div style={{ fontSize: 30, fontWeight: 600 }}>
                  {s.value ?? '—'}
                  <span style={{ fontSize: 14, marginLeft: 4, color: 'rgba(0,0,0,.55)' }}>{s.unit}</span>
                </div>
                <Typography.Text type="secondary">
                  目标：{s.comparator === 'between' ? `${s.min}–${s.max}` : `${s.comparator === '>=' ? '≥' : '≤'}${s.goal}`}
                  {s.unit}
                  {s.deadline ? `（${s.deadline.slice(0, 4)}年底）` : ''}
                </Typography.Text>
                <Progress percent={Math.min(100, Math.round((s.progress ?? 0) * 100))} strokeColor={COLOR[s.status]} size="small" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.article.join('；')}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
        <AnnualReports />
      </div>
    </PublicShell>
  );
}

/** 人才供需与就业状况年度报告 the bureau has published (二 (五) 16): each as an A4 PDF to print and its tables as .xlsx. */
function AnnualReports() {
  const q = usePublicReports();
  if (!q.data?.items.length) return null;
  return (
    <Card size="small" title="年度报告" style={{ marginTop: 16 }} data-testid="public-reports">
      {q.data.items.map((r) => (
        <div key={r.year} className="cj-public-report" data-testid="public-report">
          <div>
            <Typography.Text strong>{r.title}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              数据日期 {r.dataDate} · 发布于 {r.publishedAt}
            </Typography.Text>
          </div>
          <Downloads year={r.year} prefix="/api/public/employment-reports" />
        </div>
      ))}
    </Card>
  );
}
