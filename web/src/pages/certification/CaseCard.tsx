import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Steps, Tag, Typography } from 'antd';
import type { Case } from './api.ts';
import { LEVEL_LABELS, PIPELINE, REASON_LABELS, STAGE_COLORS, STAGE_LABELS } from './labels.ts';

/** One case: its stage on the pipeline, the days of each step and the deadlines the rules give (overdue in red). */
export function CaseCard({ c }: { c: Case }) {
  const at = PIPELINE.indexOf(c.stage);
  const d = c.deadlines;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="case-card">
      <Space wrap>
        <Tag color={STAGE_COLORS[c.stage]} data-testid="case-stage">
          {STAGE_LABELS[c.stage]}
        </Tag>
        {c.level && <Tag>{LEVEL_LABELS[c.level]}</Tag>}
        {d.planOverdue && <Tag color="red">建设规划逾期未公开</Tag>}
        {d.reportsOverdue.length > 0 && <Tag color="red">{d.reportsOverdue.join('、')}年度报告逾期</Tag>}
        {d.expired && <Tag color="red">认定已过有效期</Tag>}
      </Space>
      {at >= 0 && (
        <Steps size="small" progressDot current={at} direction="vertical" items={PIPELINE.map((s) => ({ title: STAGE_LABELS[s] }))} />
      )}
      {c.stage === 'revoked' && (
        <Alert
          type="error"
          message={`${c.revokedOn} 取消认定：${c.revocationReason ? REASON_LABELS[c.revocationReason] : ''}；${c.bannedUntil}前不得再次申报`}
          description={c.lastComment}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="申报日期">{c.appliedOn}</Descriptions.Item>
        <Descriptions.Item label="纳入储备库">{c.reserveOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="建设规划">
          {c.planPublishedOn ? (
            <a href={c.planUrl ?? undefined} target="_blank" rel="noreferrer">
              {c.planTitle}（{c.planPublishedOn}公开）
            </a>
          ) : c.planDueOn ? (
            <Typography.Text type={d.planOverdue ? 'danger' : undefined}>应于{c.planDueOn}前公开</Typography.Text>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="培育期满">{d.cultivationEndsOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="专家评审">
          {c.expertReviewScore !== null
            ? `专家评分汇总 ${c.expertReviewScore} 分${c.expertReviewFileId ? '（附评审意见）' : ''}`
            : c.reviewRound
              ? '评审中'
              : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="认定">
          {c.certifiedOn
            ? `${c.documentNo ?? ''} ${c.certifiedOn}${c.objectionUntil && c.stage === 'publicNotice' ? `，公示至${c.objectionUntil}` : ''}`
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="有效期至">{c.validUntil ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="年度报告">
          {c.reportedYears.length ? `已报送${c.reportedYears.join('、')}年度` : '—'}
          {d.reportDue ? `；${d.reportDue.year}年度报告应于${d.reportDue.dueOn}前报送` : ''}
        </Descriptions.Item>
      </Descriptions>
      {c.lastComment && c.stage !== 'revoked' && <Typography.Text type="secondary">最近意见：{c.lastComment}</Typography.Text>}
      <Space wrap data-testid="case-documents">
        <Button size="small" icon={<FilePdfOutlined />} href={`/api/certification/cases/${c.id}/application.pdf`} target="_blank">
          申报书（PDF）
        </Button>
        {c.reportedYears.map((y) => (
          <Button
            key={y}
            size="small"
            icon={<FilePdfOutlined />}
            href={`/api/certification/cases/${c.id}/annual-reports/${y}/report.pdf`}
            target="_blank"
          >
            {y}年度报告（PDF）
          </Button>
        ))}
      </Space>
    </Space>
  );
}
