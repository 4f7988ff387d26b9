import { Button, Card, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { KIND_OPTIONS, stagesText, useCourses, type PracticalCourse } from './api.ts';
import { CourseForm } from './CourseForm.tsx';

/**
 * 劳动技术与职业体验课程 (二 (三) 7): the school's catalogue of courses developed with enterprises for 中小学 (it
 * enters and corrects them); its district, the bureau and the departments read them. Counted toward the plan's
 * 300: open and developed with at least one enterprise.
 */
export default function CoursesPage() {
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PracticalCourse | 'new' | null>(null);
  const q = useCourses({ kind, page, pageSize: 20 });
  const d = q.data;
  const primary: Column<PracticalCourse> = { key: 'title', title: '课程名称', render: (r) => r.title };
  const columns: Column<PracticalCourse>[] = [
    { key: 'kind', title: '类型', render: (r) => r.kindLabel },
    { key: 'school', title: '开设学校', render: (r) => r.schoolName },
    { key: 'stages', title: '面向学段', render: (r) => stagesText(r.stages) },
    { key: 'hours', title: '课时', align: 'right', render: (r) => r.hours },
    { key: 'partners', title: '合作企业', render: (r) => (r.partners.length ? r.partners.map((p) => p.name).join('、') : '—') },
    {
      key: 'counted',
      title: '计入目标',
      render: (r) => (r.counted ? <Tag color="green">计入</Tag> : <Tag>{r.status === 'closed' ? '已停开' : '无合作企业'}</Tag>),
    },
  ];
  return (
    <div data-testid="courses-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>劳动技术与职业体验课程</Typography.Title>
        {d?.canEnter && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="course-add">
            登记课程
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        职业学校与企业合作开发、面向中小学开设的课程计入“优质劳动技术课程与职业体验课程”目标（郑政办〔2023〕38号 二 (三) 7）。公开目录见
        <a href="/practical-courses/public">课程目录</a>。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        {d && (
          <Card size="small">
            <Statistic title="计入目标的课程" value={d.counted} suffix="门" />
          </Card>
        )}
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 150 }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={KIND_OPTIONS}
        />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<PracticalCourse>
          rows={d?.items ?? []}
          rowKey={(r) => r.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={d?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="尚未登记课程"
          rowTestId="course-row"
          onRowClick={d?.canEnter ? (r) => setEditing(r) : undefined}
        />
      )}
      {editing && <CourseForm course={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
