import { Alert, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { COURSE_STAGE_LABELS } from '../../../../core/practical-courses/rules.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { PublicShell } from '../directory/PublicShell.tsx';
import { stagesText, usePublicCourses, type PublicCoursePage } from './api.ts';

type Row = PublicCoursePage['items'][number];

/** 劳动技术与职业体验课程目录, for anyone (中小学 choosing a course): open courses with their school and partner enterprises. */
export default function PublicCoursesPage() {
  const [stage, setStage] = useState<string>('all');
  const [page, setPage] = useState(1);
  const q = usePublicCourses({ stage: stage === 'all' ? undefined : stage, page, pageSize: 20 });
  return (
    <PublicShell>
      <div data-testid="public-courses">
        <Typography.Title level={3}>郑州市中小学劳动技术与职业体验课程目录</Typography.Title>
        <Segmented
          style={{ marginBottom: 12 }}
          value={stage}
          onChange={(v) => (setStage(String(v)), setPage(1))}
          options={[
            { value: 'all', label: '全部学段' },
            ...Object.entries(COURSE_STAGE_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        {q.isPending && <Skeleton active />}
        {q.error && <Alert type="error" showIcon message={q.error.message} />}
        {q.data && (
          <ResponsiveTable<Row>
            rows={q.data.items}
            rowKey={(r) => r.id}
            total={q.data.total}
            page={page}
            onPage={setPage}
            pageSize={20}
            empty="暂无课程"
            rowTestId="public-course-row"
            primary={{ key: 'title', title: '课程名称', render: (r) => r.title }}
            columns={[
              { key: 'kind', title: '类型', render: (r) => r.kindLabel },
              { key: 'stages', title: '面向学段', render: (r) => stagesText(r.stages) },
              { key: 'hours', title: '课时', align: 'right', render: (r) => r.hours },
              { key: 'school', title: '开设学校', render: (r) => r.schoolName },
              { key: 'partners', title: '合作企业', render: (r) => r.partners.map((p) => p.name).join('、') || '—' },
            ]}
          />
        )}
      </div>
    </PublicShell>
  );
}
