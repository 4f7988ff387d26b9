import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError.tsx';
import { yuan } from './CallsPage.tsx';
import { usePublicCalls } from './api.ts';

/** The public page (no sign-in): calls taking applications and the published results with their objection period. */
export default function PublicCallsPage() {
  const data = usePublicCalls();
  if (data.error) return <QueryError error={data.error} onRetry={() => void data.refetch()} />;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 16 }} data-testid="public-calls">
      <Typography.Title level={3}>郑州市产教融合项目申报与立项公示</Typography.Title>
      <Card title="正在申报" size="small" style={{ marginBottom: 16 }}>
        {data.data?.open.length ? (
          <List
            dataSource={data.data.open}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={c.title}
                  description={`${c.kindName} · ${c.organisationName} · ${c.opensOn} 至 ${c.closesOn} · 预算 ${yuan(c.budgetYuan)}`}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty description="暂无正在申报的项目" />
        )}
      </Card>
      {data.data?.results.map((r) => (
        <Card
          key={r.id}
          size="small"
          style={{ marginBottom: 16 }}
          title={r.title}
          extra={
            <Space size={4}>
              <Tag color="purple">公示</Tag>
              <Button size="small" href={`/api/public/calls/${r.id}/decision-list`} target="_blank" data-testid="public-decision-list">
                名单PDF
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            {r.kindName} · {r.organisationName} · {r.publishedOn} 公示，异议期至 {r.objectionEndsOn}
          </Typography.Paragraph>
          <List
            dataSource={r.funded}
            locale={{ emptyText: '本批无立项项目' }}
            renderItem={(f) => (
              <List.Item>
                <Space wrap>
                  <Tag>{f.rank ?? '—'}</Tag>
                  <Typography.Text strong>{f.title}</Typography.Text>
                  <Typography.Text>{f.applicantName}</Typography.Text>
                  <Typography.Text type="secondary">{yuan(f.awardYuan)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </div>
  );
}
