import { Card, Col, Empty, Progress, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import type { DashboardSection, StatItem } from '../../../contracts/dashboard.ts';

const Chart = lazy(() => import('./Chart.tsx'));

/** Renders a role's home page from data: figure cards, tables and charts. */
export function Dashboard({ sections }: { sections: DashboardSection[] }) {
  if (!sections.length) return <Empty description="暂无内容" />;
  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      {sections.map((s) => <Section key={s.key} section={s} />)}
    </div>
  );
}

function Section({ section }: { section: DashboardSection }) {
  if (section.kind === 'stats') {
    return (
      <Card title={section.title} size="small">
        <Row gutter={[12, 12]}>
          {section.items.map((item) => (
            <Col key={item.key} xs={24} sm={12} lg={8} xl={6} xxl={4}>
              <Figure item={item} />
            </Col>
          ))}
        </Row>
      </Card>
    );
  }
  if (section.kind === 'table') {
    return (
      <Card title={section.title} size="small">
        <Table
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={section.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          columns={section.columns.map((c) => ({ key: c.key, dataIndex: c.key, title: c.title, render: (v: unknown) => (v == null ? '—' : String(v)) }))}
          dataSource={section.rows}
        />
      </Card>
    );
  }
  return (
    <Card title={section.title} size="small">
      <Suspense fallback={<div style={{ height: 300 }} />}>
        <Chart kind={section.chart} data={section.data} />
      </Suspense>
    </Card>
  );
}

function Figure({ item }: { item: StatItem }) {
  const body = (
    <div style={{ padding: '12px 14px', background: '#fafbfc', borderRadius: 8, border: '1px solid #eef0f3', height: '100%' }}>
      <Statistic
        title={<Tooltip title={item.hint}><span>{item.label}</span></Tooltip>}
        value={item.value ?? '暂无数据'}
        suffix={item.value == null ? undefined : item.unit}
        valueStyle={{ fontSize: item.value == null ? 16 : 24, color: '#1f1f1f' }}
      />
      {item.target && item.value != null && <TargetProgress value={item.value} target={item.target} unit={item.unit} />}
    </div>
  );
  return item.href ? <Link to={item.href}>{body}</Link> : body;
}

function TargetProgress({ value, target, unit }: { value: number; target: NonNullable<StatItem['target']>; unit?: string }) {
  const percent = target.comparator === '>=' ? Math.min(100, Math.round((value / target.value) * 100)) : value <= target.value ? 100 : 0;
  const met = target.comparator === '>=' ? value >= target.value : value <= target.value;
  return (
    <div style={{ marginTop: 6 }}>
      <Progress percent={percent} size="small" status={met ? 'success' : 'active'} showInfo={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标 {target.comparator === '>=' ? '≥' : '≤'} {target.value}{unit} · {target.article}
      </Typography.Text>
    </div>
  );
}
