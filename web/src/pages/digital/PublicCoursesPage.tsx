import { Card, Empty, Input, List, Pagination, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { usePublicCourses } from './api.ts';

/** The public catalogue (no sign-in): 精品在线课程 the bureau recognised, most enrolled first, with their links. */
export default function PublicCoursesPage() {
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const q = usePublicCourses({ q: text || undefined, page, pageSize: 20 });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 16 }} data-testid="public-courses">
      <Typography.Title level={3}>郑州市职业教育精品在线课程</Typography.Title>
      <Typography.Paragraph type="secondary">
        学校申报、市教育局认定的精品在线课程，面向学生、企业职工和社会学习者开放。
      </Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder="课程或学校名称"
        onSearch={(v) => (setText(v.trim()), setPage(1))}
        style={{ maxWidth: 320, marginBottom: 12 }}
      />
      <Card size="small">
        {q.data && !q.data.items.length ? (
          <Empty description="暂无认定的课程" />
        ) : (
          <List
            loading={q.isLoading}
            dataSource={q.data?.items ?? []}
            renderItem={(c) => (
              <List.Item data-testid="public-course">
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <a href={c.url} target="_blank" rel="noreferrer">
                        {c.title}
                      </a>
                      <Tag color="blue">{c.levelLabel}</Tag>
                    </Space>
                  }
                  description={
                    <>
                      <div>
                        {c.schoolName}
                        {c.partnerEnterpriseName && ` · 合作企业：${c.partnerEnterpriseName}`} · {c.credits} 学分 · 选课{' '}
                        {c.enrolments.toLocaleString('zh-CN')} 人
                      </div>
                      <div>服务专业：{c.majors.map((m) => m.name ?? m.code).join('、')}</div>
                      {c.summary && <div>{c.summary}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {(q.data?.total ?? 0) > 20 && (
        <Pagination
          style={{ marginTop: 12 }}
          current={page}
          pageSize={20}
          total={q.data?.total}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
    </div>
  );
}
