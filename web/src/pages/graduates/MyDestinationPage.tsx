import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Drawer, Empty, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { CONFIRMATION_LABELS, KEY, SURVEY_POINT_LABELS, useMine, type Destination } from './api.ts';
import { DestinationForm } from './DestinationForm.tsx';

/** 我的毕业去向 (a student): what the school recorded at each survey point, and a correction the school will check. */
export default function MyDestinationPage() {
  const q = useMine();
  const qc = useQueryClient();
  const phone = useIsPhone();
  const [correcting, setCorrecting] = useState<Destination | null>(null);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data?.items ?? [];
  return (
    <div data-testid="my-destination">
      <div className="cj-page-head">
        <Typography.Title level={4}>我的毕业去向</Typography.Title>
      </div>
      {q.data && q.data.status !== 'graduated' && (
        <Alert type="info" showIcon message="你的学籍状态不是“毕业”，毕业后学校将为你登记毕业去向。" />
      )}
      {q.data?.status === 'graduated' && !items.length && <Empty description="学校尚未登记你的毕业去向" />}
      <Row gutter={[12, 12]}>
        {items.map((d) => (
          <Col xs={24} md={12} xl={8} key={d.id}>
            <Card
              size="small"
              title={`${d.graduationYear}届 · ${SURVEY_POINT_LABELS[d.surveyPoint]}`}
              extra={
                <Button size="small" onClick={() => setCorrecting(d)} data-testid="destination-correct">
                  申请更正
                </Button>
              }
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="去向">{d.categoryName}</Descriptions.Item>
                {d.employerName && <Descriptions.Item label="单位">{d.employerName}</Descriptions.Item>}
                {d.industryName && <Descriptions.Item label="行业">{d.industryName}</Descriptions.Item>}
                {d.studySchool && <Descriptions.Item label="录取学校">{d.studySchool}</Descriptions.Item>}
                {['employed', 'selfEmployed', 'flexible', 'furtherStudy'].includes(d.categoryGroup) && (
                  <Descriptions.Item label="地点">{d.districtName ?? '郑州市外'}</Descriptions.Item>
                )}
                {d.confirmation !== 'none' && <Descriptions.Item label="单位确认">{CONFIRMATION_LABELS[d.confirmation]}</Descriptions.Item>}
              </Descriptions>
              {d.correction && (
                <Tag color="blue" style={{ marginTop: 8 }}>
                  已申请更正为“{String(d.correction.categoryName ?? '')}”，等待学校核实
                </Tag>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Drawer open={!!correcting} onClose={() => setCorrecting(null)} title="申请更正毕业去向" width={phone ? '100%' : 560} destroyOnHidden>
        {correcting && (
          <DestinationForm
            initial={correcting}
            graduationYear={correcting.graduationYear}
            noteRequired
            submitText="提交给学校"
            submit={async (values) => {
              await post(`/api/my/graduate-destinations/${correcting.id}/correction`, { ...values, version: correcting.version });
              await qc.invalidateQueries({ queryKey: [KEY] });
              setCorrecting(null);
            }}
          />
        )}
      </Drawer>
    </div>
  );
}
