import { Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { STATUS_COLORS, useDemoSchools, type DemoApplication } from './api.ts';
import { ReviewButtons } from './ReviewButtons.tsx';

type Status = DemoApplication['status'] | 'all';

/**
 * 智慧职教示范校 (二 (四) 11): schools' applications with their smart-campus standing; the bureau approves (counted
 * toward smart_demo_schools, 20) or rejects with reasons; districts and departments follow.
 */
export default function DemoSchoolsPage() {
  const isBureau = rolesOf(useMe()).includes('city_admin');
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const q = useDemoSchools({ status: status === 'all' ? undefined : status, page, pageSize: 20 });
  const primary: Column<DemoApplication> = { key: 'school', title: '学校', render: (a) => a.schoolName };
  const columns: Column<DemoApplication>[] = [
    { key: 'district', title: '所在区域', render: (a) => a.districtName ?? '—' },
    { key: 'campus', title: '智慧校园自评', render: (a) => a.smartCampus },
    { key: 'statement', title: '申报说明', render: (a) => a.statement },
    { key: 'applied', title: '申报时间', render: (a) => a.appliedAt },
    {
      key: 'status',
      title: '认定',
      render: (a) =>
        isBureau && a.status === 'submitted' ? (
          <ReviewButtons
            path={`/api/digital/demo-schools/${a.id}/decision`}
            version={a.version}
            yes={{ value: 'approved', label: '认定' }}
            no={{ value: 'rejected', label: '不予认定' }}
            testId="demo-decision"
          />
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>
            {a.decisionNote && <Typography.Text type="secondary">{a.decisionNote}</Typography.Text>}
          </Space>
        ),
    },
  ];
  return (
    <div data-testid="demo-schools-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>智慧职教示范校</Typography.Title>
      </div>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => (setStatus(v as Status), setPage(1))}
        options={[
          { value: 'all', label: '全部' },
          { value: 'submitted', label: '待认定' },
          { value: 'approved', label: '已认定' },
          { value: 'rejected', label: '未认定' },
        ]}
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<DemoApplication>
          rows={q.data?.items ?? []}
          rowKey={(a) => a.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={q.data?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="还没有学校申报智慧职教示范校"
          rowTestId="demo-row"
        />
      )}
    </div>
  );
}
