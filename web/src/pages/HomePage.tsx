import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import type { DashboardSection, HomeResponse } from '../../../contracts/dashboard.ts';
import { get } from '../api/client.ts';
import { rolesOf, useMe } from '../auth/session.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { StatCard } from '../components/StatCard.tsx';
import { PLATFORM_NAME } from '../layout/AppLayout.tsx';
import { HomeTable } from './home/HomeTable.tsx';
import { TodoList } from './home/TodoList.tsx';

const EChart = lazy(() => import('../components/EChart.tsx'));

/** The role's home page, rendered from GET /api/home: figure cards, tables and charts in the order given. */
export function HomePage() {
  const me = useMe();
  const home = useQuery({ queryKey: ['home'], queryFn: ({ signal }) => get<HomeResponse>('/api/home', undefined, { signal }) });
  const role = home.data?.role ?? rolesOf(me)[0] ?? '';

  useEffect(() => {
    document.title = `${home.data?.title ?? '首页'} · ${PLATFORM_NAME}`;
  }, [home.data?.title]);

  return (
    <div data-testid="home" data-role={role}>
      {home.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {home.error && <QueryError error={home.error} onRetry={() => void home.refetch()} />}
      {home.data && (
        <>
          <div className="cj-page-head">
            <Typography.Title level={3}>{home.data.title}</Typography.Title>
            <Typography.Text type="secondary">{home.data.organisation}</Typography.Text>
            {(home.data.isDemoData || me.user.isDemo) && (
              <Tag color="orange" title="本页数字来自自动生成的演示数据，不代表真实情况">
                演示数据
              </Tag>
            )}
          </div>
          {home.data.sections.length === 0 && (
            <Card>
              <Empty description="暂无数据" />
            </Card>
          )}
          <Row gutter={[16, 16]}>
            {home.data.sections.map((section, i) => (
              <Col key={section.key} xs={24} xxl={wideSpan(home.data.sections, i)}>
                <Section section={section} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}

/**
 * Width of a section on large screens (≥ 1600 px): figure cards take the whole row; tables and charts
 * that follow each other go two to a row, and one left without a partner takes the whole row.
 */
function wideSpan(sections: DashboardSection[], i: number): number {
  if (sections[i]!.kind === 'stats' || sections[i]!.kind === 'todo') return 24;
  let start = i;
  const fullWidth = (s: DashboardSection) => s.kind === 'stats' || s.kind === 'todo';
  while (start > 0 && !fullWidth(sections[start - 1]!)) start--;
  let end = i;
  while (end + 1 < sections.length && !fullWidth(sections[end + 1]!)) end++;
  const runLength = end - start + 1;
  const last = i === end && (i - start) % 2 === 0;
  return runLength === 1 || last ? 24 : 12;
}

function Section({ section }: { section: DashboardSection }) {
  switch (section.kind) {
    case 'stats':
      return (
        <Card title={section.title} className="cj-section" data-section={section.key} styles={{ body: { padding: 16 } }}>
          {section.items.length === 0 ? (
            <Empty description="暂无数据" />
          ) : (
            <Row gutter={[12, 12]}>
              {section.items.map((item) => (
                <Col key={item.key} xs={24} sm={12} md={8} lg={8} xl={6} xxl={4}>
                  <StatCard item={item} />
                </Col>
              ))}
            </Row>
          )}
        </Card>
      );
    case 'todo':
      return <TodoList section={section} />;
    case 'table':
      return <HomeTable section={section} />;
    case 'chart':
      return (
        <Card title={section.title} className="cj-section" data-section={section.key}>
          {section.data.length === 0 ? (
            <Empty description="暂无数据" />
          ) : (
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
              <EChart kind={section.chart} data={section.data} title={section.title} />
            </Suspense>
          )}
        </Card>
      );
  }
}
