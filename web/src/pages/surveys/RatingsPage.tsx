import { Card, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { INSUFFICIENT, useRatings } from './api.ts';

/**
 * 实习生评价 (an enterprise): what its interns said at the end of their internships, per year — aggregated, and
 * only from the minimum number of ratings on, so no single intern's rating can be told apart.
 */
export default function RatingsPage() {
  const me = useMe();
  const enterpriseId = me.roles.find((r) => r.role === 'enterprise_admin')?.organisation.id;
  const q = useRatings(enterpriseId);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div data-testid="enterprise-ratings">
      <div className="cj-page-head">
        <Typography.Title level={4}>实习生评价</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        学生在岗位实习结束时匿名评价实习单位。评价少于 {d?.minResponses ?? '—'} 份的年度只显示“{INSUFFICIENT}
        ”；学校和学生选岗时也能看到这里的汇总。
      </Typography.Paragraph>
      {d && !d.years.length && <Empty description="还没有实习生评价" />}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {d?.years.map((y) => (
          <Card
            key={y.year}
            size="small"
            title={`${y.year}年度`}
            extra={y.sufficient ? <strong>{y.score} 分</strong> : <Tag>{INSUFFICIENT}</Tag>}
            data-testid="rating-year"
          >
            <Typography.Paragraph>{y.responses} 份评价</Typography.Paragraph>
            {y.sufficient && (
              <>
                <List
                  size="small"
                  dataSource={y.questions}
                  renderItem={(x) => (
                    <List.Item>
                      <div style={{ width: '100%' }}>
                        <div>{x.text}</div>
                        <Progress percent={x.score} size="small" format={() => `${x.score}`} />
                      </div>
                    </List.Item>
                  )}
                />
                <List
                  size="small"
                  style={{ marginTop: 8 }}
                  header={<strong>实习生的话（汇总）</strong>}
                  dataSource={y.comments}
                  locale={{ emptyText: '无' }}
                  renderItem={(c) => <List.Item>{c}</List.Item>}
                />
              </>
            )}
          </Card>
        ))}
      </Space>
    </div>
  );
}
