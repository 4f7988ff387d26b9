import { Card, Descriptions, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useSchoolProfile, useSchoolRecommendations, type Recommendation } from './api.ts';
import { ScoreBreakdown } from './ScoreBreakdown.tsx';

const TYPE_LABEL: Record<Recommendation['type'], string> = {
  post: '实习岗位',
  demand: '企业需求',
  enterprise: '企业',
  program: '专业',
  student: '学生',
};

const columns = [
  {
    title: '推荐',
    key: 'title',
    render: (_: unknown, r: Recommendation) => (
      <Space direction="vertical" size={0}>
        <Space size={4}>
          <Tag>{TYPE_LABEL[r.type]}</Tag>
          <Typography.Text strong>{r.title}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.type === 'enterprise' ? r.subtitle : `${r.organisationName} · ${r.subtitle}`}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '区县', dataIndex: 'districtName', key: 'district', responsive: ['lg' as const] },
  {
    title: '匹配分与构成（按本校最对口的专业计）',
    key: 'score',
    render: (_: unknown, r: Recommendation) => <ScoreBreakdown score={r.score} parts={r.parts} />,
  },
];

/** For a school: its capability profile in brief, and the enterprises and demands that fit its programs. */
export default function SchoolRecommendationsPage() {
  const me = useMe();
  const schoolId = me.roles.find((r) => r.role === 'school_admin' || r.role === 'teacher')?.organisation.id;
  const [target, setTarget] = useState<'demands' | 'enterprises'>('demands');
  const recs = useSchoolRecommendations(target);
  const profile = useSchoolProfile(schoolId);
  return (
    <div data-testid="matching-school">
      <div className="cj-page-head">
        <Typography.Title level={4}>校企对接推荐</Typography.Title>
      </div>
      {profile.data && (
        <Card size="small" title="本校能力画像" style={{ marginBottom: 12 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'p', label: '开设专业', children: `${profile.data.programs.length} 个` },
              {
                key: 't',
                label: '教师专业领域',
                children:
                  profile.data.teacherFields
                    .slice(0, 5)
                    .map((f) => `${f.field} ${f.teachers}`)
                    .join('、') || '—',
              },
              { key: 'c', label: '参与载体', children: `${profile.data.carriers.length} 个` },
              {
                key: 'tc',
                label: '培训课程',
                children: (
                  <Link to={`/registry/training-courses?schoolId=${profile.data.schoolId}`} data-testid="school-courses">
                    {profile.data.trainingCourses.length} 门（面向企业员工）
                  </Link>
                ),
              },
            ]}
          />
          <Space wrap size={4}>
            {profile.data.programs.map((p) => (
              <Tag key={p.programId}>
                {p.majorName}
                {p.clusters.length ? ' ★' : ''}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
      <Segmented
        style={{ marginBottom: 12 }}
        value={target}
        onChange={(v) => setTarget(v as 'demands' | 'enterprises')}
        options={[
          { value: 'demands', label: '需求与岗位' },
          { value: 'enterprises', label: '企业' },
        ]}
      />
      {recs.error ? (
        <QueryError error={recs.error} onRetry={() => void recs.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={recs.isLoading}
          dataSource={recs.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description="暂无与本校专业对口的需求" /> }}
        />
      )}
    </div>
  );
}
