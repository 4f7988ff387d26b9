import { Card, Col, Progress, Row, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One of the plan's rules as a record meets it: the figure, the rule with its article, and whether it is met. */
export function Standing({
  title,
  value,
  rule,
  article,
  met,
  percent,
}: {
  title: string;
  value: ReactNode;
  rule: string;
  article: string;
  met: boolean | null;
  percent?: number | null;
}) {
  const color = met === null ? undefined : met ? '#389e0d' : '#cf1322';
  return (
    <Card size="small" className="cj-standing" data-met={met === null ? 'unknown' : String(met)}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div className="cj-standing-value" style={{ color }}>
        {value}
      </div>
      {typeof percent === 'number' && (
        <Progress percent={Math.min(100, Math.round(percent * 100))} showInfo={false} size="small" strokeColor={color} />
      )}
      <div className="cj-standing-rule">
        {met === null ? '暂无数据' : met ? '达标' : '未达标'} · {rule} · <span className="cj-stat-article">{article}</span>
      </div>
    </Card>
  );
}

export const StandingRow = ({ children }: { children: ReactNode[] }) => (
  <Row gutter={[16, 16]} className="cj-section">
    {children.map((c, i) => (
      <Col key={i} xs={24} sm={12} xl={6}>
        {c}
      </Col>
    ))}
  </Row>
);
