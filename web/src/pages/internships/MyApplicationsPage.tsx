import { Card, Empty, List, Space, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../components/QueryError.tsx';
import { useApplications, type Application } from './api.ts';
import { APPLICATION_STATUS } from './labels.ts';

/** Where an application is: the school's approval, then the enterprise's acceptance (a refusal shows its reason instead). */
function progress(a: Application) {
  if (a.status === 'rejected' || a.status === 'withdrawn') return null;
  const current = { applied: 1, school_approved: 2, accepted: 3 }[a.status];
  return (
    <Steps
      size="small"
      responsive={false}
      current={current}
      status={a.status === 'accepted' ? 'finish' : 'process'}
      items={[{ title: '已申请' }, { title: '学校审核' }, { title: '企业接收' }]}
      style={{ marginTop: 8 }}
    />
  );
}

export default function MyApplicationsPage() {
  const apps = useApplications({ pageSize: 50 });
  return (
    <div data-testid="internship-applications">
      <div className="cj-page-head">
        <Typography.Title level={4}>我的实习申请</Typography.Title>
      </div>
      {apps.error ? (
        <QueryError error={apps.error} onRetry={() => void apps.refetch()} />
      ) : (
        <List
          loading={apps.isLoading}
          dataSource={apps.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    还没有申请，<Link to="/internships">去找实习</Link>
                  </>
                }
              />
            ),
          }}
          renderItem={(a) => (
            <List.Item style={{ padding: '6px 0', border: 0 }}>
              <Card size="small" style={{ width: '100%' }} data-testid="application-card">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Link to={`/internships/post/${a.postId}`}>
                      <Typography.Text strong>{a.postTitle}</Typography.Text>
                    </Link>
                    <Tag color={APPLICATION_STATUS[a.status]?.color}>{APPLICATION_STATUS[a.status]?.label ?? a.status}</Tag>
                  </Space>
                  <Typography.Text type="secondary">
                    {a.enterpriseName} · 申请于 {a.createdAt.slice(0, 10)}
                  </Typography.Text>
                  {a.reason && <Typography.Text type={a.status === 'rejected' ? 'danger' : 'secondary'}>理由：{a.reason}</Typography.Text>}
                  {progress(a)}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
