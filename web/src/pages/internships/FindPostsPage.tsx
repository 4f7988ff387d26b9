import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Empty, Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useDistricts, usePosts, useSchoolMajors } from './api.ts';
import { KIND_LABELS } from './labels.ts';

const PAGE_SIZE = 10;

/** Published posts for a student on a phone: search by words, filter by major (of the student's school) and district. */
export default function FindPostsPage() {
  const me = useMe();
  const schoolId = me.roles.find((r) => r.role === 'student')?.organisation.id;
  const [q, setQ] = useState('');
  const [majorCode, setMajorCode] = useState<string>();
  const [districtId, setDistrictId] = useState<string>();
  const [page, setPage] = useState(1);
  const posts = usePosts({ status: 'published', q, majorCode, districtId, page, pageSize: PAGE_SIZE });
  const majors = useSchoolMajors(schoolId);
  const districts = useDistricts();
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <div data-testid="internship-find">
      <div className="cj-page-head">
        <Typography.Title level={4}>找实习</Typography.Title>
      </div>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Input.Search allowClear placeholder="岗位、企业或地点" onSearch={reset(setQ)} enterButton="搜索" data-testid="post-search" />
        <Space wrap style={{ width: '100%' }}>
          <Select
            allowClear
            placeholder="全部专业"
            style={{ width: 168 }}
            value={majorCode}
            onChange={reset(setMajorCode)}
            showSearch
            optionFilterProp="label"
            options={(majors.data ?? []).map((m) => ({ value: m.code, label: m.name }))}
          />
          <Select
            allowClear
            placeholder="全部区县"
            style={{ width: 168 }}
            value={districtId}
            onChange={reset(setDistrictId)}
            showSearch
            optionFilterProp="label"
            options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Space>
      </Space>
      {posts.error ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} />
      ) : (
        <List
          loading={posts.isLoading}
          dataSource={posts.data?.items ?? []}
          locale={{ emptyText: <Empty description="没有符合条件的实习岗位" /> }}
          renderItem={(p) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Link to={`/internships/post/${p.id}`} style={{ width: '100%' }}>
                <Card size="small" hoverable data-testid="post-card">
                  <Space direction="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                      <Typography.Text strong>{p.title}</Typography.Text>
                      <Typography.Text style={{ color: '#d4523f' }}>{p.monthlyPayYuan.toLocaleString('zh-CN')} 元/月</Typography.Text>
                    </Space>
                    <Typography.Text type="secondary">{p.enterpriseName}</Typography.Text>
                    <Space wrap size={4}>
                      <Tag>{KIND_LABELS[p.kind]}</Tag>
                      <Tag>每天{p.dailyHours}小时</Tag>
                      <Tag color={p.places > p.placesTaken ? 'green' : 'default'}>剩余{Math.max(0, p.places - p.placesTaken)}个名额</Tag>
                      {p.districtName && <Tag icon={<EnvironmentOutlined />}>{p.districtName}</Tag>}
                      {p.internRating && (
                        <Tag color="gold" data-testid="post-intern-rating">
                          实习生评价 {p.internRating.score} 分（{p.internRating.responses}人）
                        </Tag>
                      )}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.startDate} 至 {p.endDate}
                    </Typography.Text>
                  </Space>
                </Card>
              </Link>
            </List.Item>
          )}
        />
      )}
      <Pagination
        simple
        current={page}
        pageSize={PAGE_SIZE}
        total={posts.data?.total ?? 0}
        onChange={setPage}
        style={{ marginTop: 12 }}
        hideOnSinglePage
      />
    </div>
  );
}
