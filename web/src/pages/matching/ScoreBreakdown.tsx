import { Progress, Space, Tag, Tooltip, Typography } from 'antd';

export interface Part {
  part: string;
  label: string;
  points: number;
  max: number;
  reason: string;
}

const colour = (share: number) => (share >= 0.8 ? 'green' : share >= 0.4 ? 'gold' : share > 0 ? 'orange' : 'default');

/**
 * A score and its named parts ("专业对口 40 · 技能证书 20 · 通勤 10 …"): each part a tag with its points out of
 * its maximum; the reason shows on hover, and in full below when `detailed` (phones have no hover).
 */
export function ScoreBreakdown({ score, parts, detailed = false }: { score: number; parts: Part[]; detailed?: boolean }) {
  const max = parts.reduce((a, p) => a + p.max, 0);
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="score-breakdown">
      <Space size={8} align="center">
        <Progress type="circle" size={40} percent={Math.round((score / (max || 1)) * 100)} format={() => score} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          匹配分（满分 {max}）
        </Typography.Text>
      </Space>
      <Space wrap size={4}>
        {parts.map((p) => (
          <Tooltip key={p.part} title={p.reason}>
            <Tag color={colour(p.max ? p.points / p.max : 0)} style={{ marginInlineEnd: 0 }}>
              {p.label} {p.points}/{p.max}
            </Tag>
          </Tooltip>
        ))}
      </Space>
      {detailed && (
        <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
          {parts.map((p) => (
            <li key={p.part}>
              {p.label}：{p.reason}
            </li>
          ))}
        </ul>
      )}
    </Space>
  );
}
