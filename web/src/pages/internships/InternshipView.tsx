import { Alert, Card, Col, Descriptions, Row, Tag } from 'antd';
import { INTERNSHIP_STATUS_LABELS } from '../../../../contracts/internship-lifecycle.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AgreementCard } from './AgreementCard.tsx';
import { CheckinCard } from './CheckinCard.tsx';
import { EndingCard } from './EndingCard.tsx';
import { EvaluationsCard } from './EvaluationsCard.tsx';
import { useInternship, type InternshipDetail, type Side } from './lifecycle-api.ts';
import { LogsCard } from './LogsCard.tsx';
import { MentorsCard } from './MentorsCard.tsx';
import { SetupCard } from './SetupCard.tsx';

/** One internship as the side the user acts for sees it: the facts, mentors, the agreement, insurance, logs, check-ins, evaluations, how it ends. */
const STATUS_COLOURS: Record<InternshipDetail['status'], string> = {
  accepted: 'blue',
  active: 'green',
  completed: 'cyan',
  withdrawn: 'default',
  terminated: 'red',
  reassigned: 'orange',
};

export function InternshipView({ id, side }: { id: string; side: Side }) {
  const q = useInternship(id);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const i = q.data;
  if (!i) return <Card loading />;
  const half = { xs: 24, xl: 12 };
  return (
    <Row gutter={[12, 12]} data-testid="internship-view">
      <Col span={24}>
        <Card
          size="small"
          title={i.postTitle}
          extra={
            <Tag color={STATUS_COLOURS[i.status]} data-testid="internship-status">
              {INTERNSHIP_STATUS_LABELS[i.status]}
            </Tag>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="学生">
              {i.studentName}（{i.schoolName}）
            </Descriptions.Item>
            <Descriptions.Item label="实习单位">{i.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="实习期">
              {i.startedOn ?? i.plannedStart} 至 {i.endedOn ?? i.plannedEnd}
            </Descriptions.Item>
            <Descriptions.Item label="月报酬">{i.monthlyPayYuan.toLocaleString('zh-CN')} 元</Descriptions.Item>
            <Descriptions.Item label="工作时间">
              每天 {i.dailyHours} 小时，每周 {i.weeklyHours} 小时
            </Descriptions.Item>
            <Descriptions.Item label="最近周志">{i.lastLogWeek ?? '—'}</Descriptions.Item>
          </Descriptions>
          {i.endReason && <Alert type="warning" showIcon message={`结束原因：${i.endReason}`} />}
        </Card>
      </Col>
      <Col {...half}>
        <AgreementCard internship={i} side={side} />
      </Col>
      <Col {...half}>
        <SetupCard internship={i} side={side} />
      </Col>
      <Col {...half}>
        <MentorsCard internship={i} />
      </Col>
      {side === 'student' && (
        <Col {...half}>
          <CheckinCard internship={i} side={side} />
        </Col>
      )}
      <Col {...half}>
        <LogsCard internship={i} side={side} />
      </Col>
      {side !== 'student' && (
        <Col {...half}>
          <CheckinCard internship={i} side={side} />
        </Col>
      )}
      <Col {...half}>
        <EvaluationsCard internship={i} />
      </Col>
      <Col {...half}>
        <EndingCard internship={i} side={side} />
      </Col>
    </Row>
  );
}
