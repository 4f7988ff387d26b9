import { Button, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { PublicShell } from '../directory/PublicShell.tsx';
import { usePublicReports, yearOptions } from './api.ts';

/** The public page (no sign-in): the published 质量年度报告 of schools, enterprises with their partners, and the city, each as its PDF. */
export default function PublicReportsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  // The year's reports fit one page (a city has some 150 schools); older years are chosen above.
  const q = usePublicReports({ year, pageSize: 200 });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <PublicShell>
      <div style={{ maxWidth: 960, margin: '0 auto' }} data-testid="public-quality-reports">
        <Typography.Title level={3}>郑州市职业教育质量年度报告</Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="全部年度"
            value={year}
            options={yearOptions()}
            onChange={setYear}
            style={{ width: 140 }}
            aria-label="年度"
          />
        </Space>
        {q.data?.items.length ? (
          <List
            bordered
            dataSource={q.data.items}
            renderItem={(r) => (
              <List.Item
                data-testid="public-report-row"
                actions={[
                  <Button key="pdf" size="small" href={`/api/public/quality-reports/${r.id}/pdf`} target="_blank">
                    查看 PDF
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${r.organisationName} ${r.year}年度质量年度报告`}
                  description={
                    <Space wrap size={4}>
                      <Tag>{r.kindLabel}</Tag>
                      {r.districtName && <span>{r.districtName}</span>}
                      <span>公开于 {r.publishedAt}</span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty description={q.isLoading ? '加载中' : '暂无已公开的报告'} />
        )}
      </div>
    </PublicShell>
  );
}
