import { Button, Input, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { STATUS_COLORS, useCourses, type Course } from './api.ts';
import { CompletionForm } from './CompletionForm.tsx';
import { CourseForm } from './CourseForm.tsx';
import { ReviewButtons } from './ReviewButtons.tsx';

type Status = Course['status'] | 'all';

/**
 * 精品在线课程 (二 (四) 11): a school declares and corrects its courses, a partner enterprise and a district read
 * theirs, the bureau recognises or rejects what waits (recognised courses count toward online_courses, 50).
 */
export default function CoursesPage() {
  const me = useMe();
  const roles = rolesOf(me);
  const isSchool = roles.includes('school_admin');
  const isBureau = roles.includes('city_admin');
  const [status, setStatus] = useState<Status>('all');
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Course | null | 'new'>(null);
  const [completing, setCompleting] = useState<Course | null>(null);
  const filter = { status: status === 'all' ? undefined : status, q: text || undefined };
  const q = useCourses({ ...filter, page, pageSize: 20 });
  const primary: Column<Course> = {
    key: 'title',
    title: '课程',
    render: (c) => (
      <a href={c.url} target="_blank" rel="noreferrer">
        {c.title}
      </a>
    ),
  };
  const columns: Column<Course>[] = [
    { key: 'school', title: '开设学校', render: (c) => c.schoolName },
    { key: 'level', title: '级别', render: (c) => c.levelLabel },
    { key: 'majors', title: '服务专业', render: (c) => c.majors.map((m) => m.name ?? m.code).join('、') },
    { key: 'partner', title: '合作企业', render: (c) => c.partnerEnterpriseName ?? '—' },
    { key: 'credits', title: '学分', align: 'right', render: (c) => c.credits },
    { key: 'enrolments', title: '选课人数', align: 'right', render: (c) => c.enrolments.toLocaleString('zh-CN') },
    {
      key: 'status',
      title: '认定状态',
      render: (c) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
          {c.reviewNote && <Typography.Text type="secondary">{c.reviewNote}</Typography.Text>}
        </Space>
      ),
    },
  ];
  if (isBureau || isSchool)
    columns.push({
      key: 'action',
      title: '操作',
      render: (c) =>
        isBureau && c.status === 'submitted' ? (
          <ReviewButtons
            path={`/api/digital/courses/${c.id}/review`}
            version={c.version}
            yes={{ value: 'recognised', label: '认定' }}
            no={{ value: 'rejected', label: '不予认定' }}
            testId="course-review"
          />
        ) : isSchool && c.status !== 'recognised' ? (
          <Button size="small" onClick={() => setEditing(c)}>
            更正
          </Button>
        ) : isSchool ? (
          <Button size="small" onClick={() => setCompleting(c)} data-testid="course-complete">
            登记学生结业
          </Button>
        ) : null,
    });
  return (
    <div data-testid="courses-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>精品在线课程</Typography.Title>
        <Space wrap>
          {isSchool && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="course-new">
              申报课程
            </Button>
          )}
          <ExportButton path="/api/exports/online-courses" query={filter} />
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }} size={16}>
        <Statistic title="已认定课程" value={q.data?.recognised ?? '—'} suffix="门" />
        <Segmented
          value={status}
          onChange={(v) => (setStatus(v as Status), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'submitted', label: '待认定' },
            { value: 'recognised', label: '已认定' },
            { value: 'rejected', label: '未认定' },
          ]}
        />
        <Input.Search allowClear placeholder="课程或学校名称" onSearch={(v) => (setText(v.trim()), setPage(1))} style={{ width: 220 }} />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Course>
          rows={q.data?.items ?? []}
          rowKey={(c) => c.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={q.data?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="没有符合条件的在线课程"
          rowTestId="course-row"
        />
      )}
      {completing && <CompletionForm course={completing} onClose={() => setCompleting(null)} />}
      {editing && <CourseForm course={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
