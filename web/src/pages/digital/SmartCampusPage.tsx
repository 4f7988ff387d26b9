import { Card, Collapse, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { STATUS_COLORS, useAssessments, useStandard, type Assessment } from './api.ts';
import { ReviewButtons } from './ReviewButtons.tsx';
import { StandardCard } from './StandardCard.tsx';

type Status = Assessment['status'] | 'all';

/**
 * 智慧校园 (二 (四) 11): the standard in force and the schools' self-assessments against it. The bureau publishes
 * the standard and accepts or returns each self-assessment; a district and the departments follow their schools.
 * Accepted and meeting the standard counts toward smart_campus_share (30% of 职业学校).
 */
export default function SmartCampusPage() {
  const isBureau = rolesOf(useMe()).includes('city_admin');
  const standard = useStandard();
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const q = useAssessments({ status: status === 'all' ? undefined : status, page, pageSize: 20 });
  const d = q.data;
  const primary: Column<Assessment> = { key: 'school', title: '学校', render: (a) => a.schoolName };
  const columns: Column<Assessment>[] = [
    { key: 'district', title: '所在区域', render: (a) => a.districtName ?? '—' },
    { key: 'met', title: '达到条目', align: 'right', render: (a) => `${a.metItems} / ${a.totalItems}` },
    { key: 'meets', title: '对照标准', render: (a) => (a.meets ? <Tag color="green">达标</Tag> : <Tag color="orange">未达标</Tag>) },
    {
      key: 'items',
      title: '逐条自评',
      render: (a) => (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'x',
              label: `未达到 ${a.items.filter((i) => !i.met).length} 条`,
              children: a.items.map((i) => (
                <div key={i.code}>
                  <Tag color={i.met ? 'green' : i.required ? 'red' : 'default'}>{i.met ? '达到' : '未达到'}</Tag>
                  {i.name}
                  {i.note && <Typography.Text type="secondary">：{i.note}</Typography.Text>}
                </div>
              )),
            },
          ]}
        />
      ),
    },
    { key: 'submitted', title: '提交时间', render: (a) => a.submittedAt },
    {
      key: 'status',
      title: '审核',
      render: (a) =>
        isBureau && a.status === 'submitted' ? (
          <ReviewButtons
            path={`/api/digital/smart-campus/assessments/${a.id}/review`}
            version={a.version}
            yes={{ value: 'accepted', label: '通过' }}
            no={{ value: 'returned', label: '退回' }}
            testId="assessment-review"
          />
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color={STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>
            {a.reviewNote && <Typography.Text type="secondary">{a.reviewNote}</Typography.Text>}
          </Space>
        ),
    },
  ];
  return (
    <div data-testid="smart-campus-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>智慧校园建设标准与学校自评</Typography.Title>
      </div>
      {standard.error && <QueryError error={standard.error} onRetry={() => void standard.refetch()} />}
      {standard.data && <StandardCard standard={standard.data} canPublish={isBureau} />}
      {d && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space size={32} wrap>
            <Statistic title="审核通过且达标的职业学校" value={d.meeting} suffix={`/ ${d.schools} 所`} />
            <Statistic title="达标占比" value={d.schools ? ((d.meeting / d.schools) * 100).toFixed(1) : '—'} suffix="%（目标 ≥ 30%）" />
          </Space>
        </Card>
      )}
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => (setStatus(v as Status), setPage(1))}
        options={[
          { value: 'all', label: '全部' },
          { value: 'submitted', label: '待审核' },
          { value: 'accepted', label: '审核通过' },
          { value: 'returned', label: '退回修改' },
        ]}
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Assessment>
          rows={d?.items ?? []}
          rowKey={(a) => a.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={d?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="还没有学校按现行标准自评"
          rowTestId="assessment-row"
        />
      )}
    </div>
  );
}
