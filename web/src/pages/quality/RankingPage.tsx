import { todayOf } from '../../../../core/calendar.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Job } from '../../../../contracts/jobs.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { useMeQuery } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { KEY, scoreText, useRanking, type QualityRanking } from './api.ts';

const EChart = lazy(() => import('../../components/EChart.tsx'));

type Row = QualityRanking['items'][number];

/**
 * 质量评价 by dimension across schools (the bureau, departments, districts; a 第三方评价机构 sees the schools it is
 * commissioned for): the year's ranking table, one dimension's scores as a chart, a school's result one click away.
 * The bureau runs the year's evaluation here (a background job).
 */
export default function RankingPage() {
  const [year, setYear] = useState<number | undefined>();
  const [dimension, setDimension] = useState<string>('total');
  const q = useRanking(year);
  const me = useMeQuery();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [run, setRun] = useState<{ busy: boolean; message: string | null; error: string | null }>({
    busy: false,
    message: null,
    error: null,
  });
  const isBureau = me.data?.roles.some((r) => r.role === 'city_admin') ?? false;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  const shownYear = data?.year ?? Number(todayOf(new Date()).slice(0, 4));
  const evaluate = async () => {
    setRun({ busy: true, message: '已提交，正在计算…', error: null });
    try {
      let job = await post<Job>(`/api/quality/evaluations/${shownYear}`, {});
      while (job.status === 'queued' || job.status === 'running') {
        setRun({ busy: true, message: job.progress.message || '正在计算…', error: null });
        await new Promise((r) => setTimeout(r, 800));
        job = await get<Job>(`/api/jobs/${job.id}`);
      }
      if (job.status === 'failed') throw new Error(job.error?.message ?? '计算失败');
      setRun({ busy: false, message: job.progress.message, error: null });
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      setRun({ busy: false, message: null, error: errorMessage(e) });
    }
  };
  const valueOf = (r: Row) => (dimension === 'total' ? r.total : (r.dimensions[dimension] ?? null));
  const chartData = (data?.items ?? [])
    .filter((r) => valueOf(r) !== null)
    .sort((a, b) => valueOf(b)! - valueOf(a)!)
    .slice(0, 30)
    .map((r) => ({ name: r.schoolName, value: valueOf(r)! }));
  const dimName = dimension === 'total' ? '总分' : (data?.dimensions.find((d) => d.code === dimension)?.name ?? '');
  const primary: Column<Row> = { key: 'school', title: '学校', render: (r) => r.schoolName };
  const columns: Column<Row>[] = [
    { key: 'rank', title: '排名', align: 'right', render: (r) => (r.rank === null ? '—' : `第 ${r.rank} 名`) },
    { key: 'district', title: '所在区域', render: (r) => r.districtName ?? '—' },
    { key: 'total', title: '总分', align: 'right', render: (r) => <strong>{scoreText(r.total)}</strong> },
    ...(data?.dimensions ?? []).map((d) => ({
      key: d.code,
      title: `${d.name}（${Math.round(d.weight * 100)}%）`,
      align: 'right' as const,
      render: (r: Row) => scoreText(r.dimensions[d.code]),
    })),
  ];
  return (
    <div data-testid="quality-ranking">
      <div className="cj-page-head">
        <Typography.Title level={4}>职业教育质量评价</Typography.Title>
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="政府、行业、企业、学校多方评价，以产教融合、技能水平、就业质量、服务贡献为核心指标（郑政办〔2023〕38号 三 18；任务清单 27）。得分满分100；“—”表示暂无数据。"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="年度"
          style={{ width: 140 }}
          value={data?.year}
          onChange={setYear}
          options={(data?.years.length ? data.years : [shownYear]).map((y) => ({ value: y, label: `${y}年度` }))}
        />
        <Select
          aria-label="维度"
          style={{ width: 160 }}
          value={dimension}
          onChange={setDimension}
          options={[{ value: 'total', label: '总分' }, ...(data?.dimensions ?? []).map((d) => ({ value: d.code, label: d.name }))]}
        />
        {isBureau && (
          <Button type="primary" loading={run.busy} onClick={() => void evaluate()} data-testid="quality-evaluate">
            计算{shownYear}年度评价
          </Button>
        )}
      </Space>
      {run.message && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={run.message} />}
      {run.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={run.error} />}
      {data?.dataDate && (
        <Typography.Paragraph type="secondary">
          数据截至 {data.dataDate}，计算于 {data.computedAt}；全市参与排名 {data.ranked} 所学校。
        </Typography.Paragraph>
      )}
      {chartData.length > 0 && (
        <Card size="small" title={`${dimName}（前${chartData.length}所）`} style={{ marginBottom: 12 }}>
          <Suspense fallback={null}>
            <EChart kind="bar" data={chartData} title={`${shownYear}年度各学校${dimName}`} />
          </Suspense>
        </Card>
      )}
      <ResponsiveTable<Row>
        rows={data?.items ?? []}
        rowKey={(r) => r.schoolId}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="该年度尚未计算评价结果"
        pageSize={50}
        rowTestId="quality-ranking-row"
        onRowClick={(r) => navigate(`/quality/schools/${shownYear}/${r.schoolId}`)}
      />
    </div>
  );
}
