import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Skeleton, Space, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import type { z } from 'zod';
import type { conversionStats } from '../../../../contracts/credit-bank.ts';
import { OUTCOME_KIND_LABELS } from '../../../../core/credit-bank/kinds.ts';
import { get } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { StatCard } from '../../components/StatCard.tsx';

const EChart = lazy(() => import('../../components/EChart.tsx'));
type Stats = z.infer<typeof conversionStats>;
type SchoolRow = Stats['bySchool'][number];

/**
 * 学分转换统计: the bureau's (and a district's) view of the credit-bank pilot (二 (四) 11) — recognised credits by
 * school, by industry cluster of the issuer and by kind of outcome, over a chosen period.
 */
export default function BureauPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const stats = useQuery({
    queryKey: ['cb', 'stats', from, to],
    queryFn: () => get<Stats>('/api/credit-bank/stats/conversions', { from: from || undefined, to: to || undefined }),
  });
  if (stats.error) return <QueryError error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const chart = (title: string, kind: 'bar' | 'pie', data: { name: string; value: number }[]) => (
    <Card size="small" title={title}>
      {stats.isLoading ? (
        <Skeleton active />
      ) : data.length ? (
        <Suspense fallback={<div style={{ height: 300 }} />}>
          <EChart kind={kind} data={data} title={title} />
        </Suspense>
      ) : (
        <Typography.Text type="secondary">所选期间暂无认定</Typography.Text>
      )}
    </Card>
  );
  return (
    <div data-testid="cb-bureau-page" aria-busy={stats.isLoading}>
      <div className="cj-page-head">
        <Typography.Title level={3}>学分银行 · 学分转换统计</Typography.Title>
        <Typography.Text type="secondary">“学分银行”建设试点（二 (四) 11）：高校与行业企业课程学分转化互认情况。</Typography.Text>
      </div>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>认定日期</span>
        <DatePicker
          value={from ? dayjs(from) : null}
          onChange={(d) => setFrom(d ? d.format('YYYY-MM-DD') : '')}
          aria-label="起始日期"
          style={{ width: 150 }}
        />
        <span>至</span>
        <DatePicker
          value={to ? dayjs(to) : null}
          onChange={(d) => setTo(d ? d.format('YYYY-MM-DD') : '')}
          aria-label="截止日期"
          style={{ width: 150 }}
        />
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          { key: 'accounts', label: '学习账户', value: s?.totals.accounts ?? null, unit: '个' },
          { key: 'outcomes', label: '学习成果', value: s?.totals.outcomes ?? null, unit: '项' },
          { key: 'recognitions', label: '学分认定', value: s?.totals.recognitions ?? null, unit: '项' },
          { key: 'credits', label: '认定学分', value: s?.totals.recognisedCredits ?? null, unit: '学分' },
          { key: 'pending', label: '待人工认定', value: s?.totals.pendingReview ?? null, unit: '项' },
        ].map((item) => (
          <Col key={item.key} xs={12} md={8} xl={4}>
            {stats.isLoading ? <Card size="small" loading /> : <StatCard item={item} />}
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          {chart(
            '按学校：认定学分',
            'bar',
            (s?.bySchool ?? []).slice(0, 15).map((x) => ({ name: x.schoolName, value: x.credits })),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {chart(
            '按成果类型：认定学分',
            'pie',
            (s?.byKind ?? []).map((x) => ({ name: OUTCOME_KIND_LABELS[x.kind], value: x.credits })),
          )}
        </Col>
        <Col xs={24} xl={12}>
          {chart(
            '按产业集群：认定学分',
            'bar',
            (s?.byCluster ?? []).map((x) => ({ name: x.clusterName, value: x.credits })),
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="各校认定明细">
            <ResponsiveTable<SchoolRow>
              rowKey={(r) => r.schoolId}
              rowTestId="cb-school-row"
              loading={stats.isLoading}
              rows={s?.bySchool ?? []}
              pageSize={10}
              empty="暂无认定"
              primary={{ key: 'school', title: '学校', render: (r) => r.schoolName }}
              columns={[
                { key: 'n', title: '认定项数', align: 'right', render: (r) => r.recognitions },
                { key: 'credits', title: '认定学分', align: 'right', render: (r) => r.credits },
                { key: 'auto', title: '按规则自动认定占比', align: 'right', render: (r) => `${Math.round(r.autoShare * 100)}%` },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
