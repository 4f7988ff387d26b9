import { Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../../../core/quality-reports/workflow.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { mayVisit } from '../../navigation.ts';
import { STATUS_COLORS, useReports, yearOptions, type ReportSummary } from './api.ts';

/**
 * 质量年度报告 in the caller's scope: the bureau's review list (reports waiting first), a district's schools', a
 * school's own and the enterprise reports it co-signs, an enterprise's own. A row opens the report.
 */
export default function ReportsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<ReportSummary['status'] | undefined>(undefined);
  const [page, setPage] = useState(1);
  const q = useReports({ year, status, page, pageSize: 20 });
  const navigate = useNavigate();
  const writes = mayVisit('/quality-reports/mine', rolesOf(useMe()));
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const primary: Column<ReportSummary> = {
    key: 'name',
    title: '报告单位',
    render: (r) => <Link to={`/quality-reports/${r.id}`}>{r.organisationName}</Link>,
  };
  const columns: Column<ReportSummary>[] = [
    { key: 'kind', title: '类型', render: (r) => r.kindLabel },
    { key: 'year', title: '年度', render: (r) => `${r.year}年度` },
    { key: 'district', title: '区县', render: (r) => r.districtName ?? '—' },
    { key: 'status', title: '状态', render: (r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
    { key: 'submitted', title: '提交时间', render: (r) => r.submittedAt ?? '—' },
    { key: 'partners', title: '待合作学校确认', align: 'right', render: (r) => (r.kind === 'enterprise' ? r.partnersWaiting : '—') },
  ];
  return (
    <div data-testid="quality-reports">
      <div className="cj-page-head">
        <Typography.Title level={4}>质量年度报告</Typography.Title>
        <Space wrap>
          <Select
            allowClear
            placeholder="年度"
            value={year}
            options={yearOptions()}
            onChange={(y) => (setYear(y), setPage(1))}
            style={{ width: 120 }}
            aria-label="年度"
          />
          <Select
            allowClear
            placeholder="状态"
            value={status}
            options={REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }))}
            onChange={(v) => (setStatus(v), setPage(1))}
            style={{ width: 120 }}
            aria-label="状态"
          />
          {writes && <Link to="/quality-reports/mine">撰写本单位报告</Link>}
          <Link to="/quality-reports/public">已公开的报告</Link>
        </Space>
      </div>
      <ResponsiveTable<ReportSummary>
        rows={q.data?.items ?? []}
        rowKey={(r) => r.id}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="暂无报告"
        pageSize={20}
        total={q.data?.total}
        page={page}
        onPage={setPage}
        rowTestId="quality-report-row"
        onRowClick={(r) => navigate(`/quality-reports/${r.id}`)}
      />
    </div>
  );
}
