import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Tag, Typography } from 'antd';
import type { HomeResponse } from '../../../contracts/dashboard.ts';
import { get } from '../api/client.ts';
import { Dashboard } from '../components/Dashboard.tsx';

export default function HomePage() {
  const home = useQuery({ queryKey: ['home'], queryFn: () => get<HomeResponse>('/api/home') });
  if (home.isPending) return <Skeleton active />;
  if (home.error) return <Alert type="error" showIcon message={home.error.message} />;
  const h = home.data;
  return (
    <div data-testid="home" data-role={h.role}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: 8, marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{h.title}</Typography.Title>
        <Typography.Text type="secondary">{h.organisation}</Typography.Text>
        {h.isDemoData && <Tag color="orange">演示数据：由程序生成，非真实统计</Tag>}
      </div>
      <Dashboard sections={h.sections} />
    </div>
  );
}
