import { Card, Space, Tag, Typography } from 'antd';
import type { TaskReport } from '../../../../contracts/supervision.ts';

/** One progress report as read: who, when, figures, evidence files (downloadable), the bureau's rating. */
export function ReportCard({ report: r, extra }: { report: TaskReport; extra?: React.ReactNode }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={
        <Space wrap size={4}>
          <span>{r.organisationName}</span>
          <Tag>{r.period}</Tag>
          {r.late && <Tag color="orange">逾期报送</Tag>}
        </Space>
      }
      extra={r.status === 'rated' ? <Tag color="green">{r.score}分</Tag> : <Tag>待评分</Tag>}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph>
      {r.figures.length > 0 && (
        <Space wrap>
          {r.figures.map((f, i) => (
            <Tag key={i} color="blue">
              {f.label}：{f.value}
              {f.unit ?? (f.kind === 'share' ? '%' : '')}
            </Tag>
          ))}
        </Space>
      )}
      {r.evidence.length > 0 && (
        <div style={{ marginTop: 8 }}>
          佐证材料：
          {r.evidence.map((f) => (
            <a key={f.id} href={`/api/reports/${r.id}/evidence/${f.id}`} style={{ marginRight: 12 }}>
              {f.fileName}
            </a>
          ))}
        </div>
      )}
      {r.ratingComment && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          评语：{r.ratingComment}
        </Typography.Paragraph>
      )}
      {extra}
    </Card>
  );
}
