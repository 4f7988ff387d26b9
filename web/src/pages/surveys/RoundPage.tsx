import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Drawer, Empty, List, Popconfirm, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { INSUFFICIENT, KEY, rate, useRound, useUnit, type SchoolResult } from './api.ts';

/**
 * One round's results: per school in the caller's scope the invited, the answers, the response rate and the score
 * (样本不足 below the minimum); a school's per-question averages and its free text, aggregated, in a drawer.
 */
export default function RoundPage() {
  const { id = '' } = useParams();
  const q = useRound(id);
  const [school, setSchool] = useState<SchoolResult | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const close = useMutation({
    mutationFn: () => post(`/api/surveys/rounds/${id}/close`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [KEY] }),
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div data-testid="survey-round">
      <div className="cj-page-head">
        <Typography.Title level={4}>{d?.round.title ?? '调查结果'}</Typography.Title>
        {d?.round.canClose && (
          <Popconfirm title="结束后不再接受作答，确定结束？" okText="结束调查" cancelText="取消" onConfirm={() => close.mutate()}>
            <Button loading={close.isPending}>结束调查</Button>
          </Popconfirm>
        )}
      </div>
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="邀请" value={d.round.invited} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="已答" value={d.round.responses} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="应答率" value={rate(d.round.responseRate)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="状态"
                value={d.round.status === 'open' ? `进行中，${d.round.closesOn} 截止` : '已结束'}
                valueStyle={{ fontSize: 16 }}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Typography.Paragraph type="secondary">
        得分为五级量表折算的 0～100 分；答卷少于 {d?.minResponses ?? '—'} 份的学校只显示“{INSUFFICIENT}”。问卷版本 {d?.round.policyVersion}
        。
      </Typography.Paragraph>
      <ResponsiveTable<SchoolResult>
        rows={d?.schools ?? []}
        rowKey={(r) => r.schoolId}
        loading={q.isLoading}
        pageSize={50}
        rowTestId="survey-school-row"
        empty="范围内没有学校参加本轮调查"
        onRowClick={setSchool}
        primary={{ key: 'school', title: '学校', render: (r) => <Typography.Link>{r.schoolName}</Typography.Link> }}
        columns={[
          { key: 'district', title: '所在区域', render: (r) => r.districtName ?? '—' },
          { key: 'invited', title: '邀请', align: 'right', render: (r) => r.invited.toLocaleString('zh-CN') },
          { key: 'responses', title: '已答', align: 'right', render: (r) => r.responses.toLocaleString('zh-CN') },
          {
            key: 'rate',
            title: '应答率',
            render: (r) =>
              r.responseRate === null ? '—' : <Progress percent={r.responseRate} size="small" format={() => rate(r.responseRate)} />,
          },
          {
            key: 'score',
            title: '得分',
            align: 'right',
            render: (r) => (r.sufficient ? <strong>{r.score}</strong> : <Tag>{INSUFFICIENT}</Tag>),
          },
        ]}
      />
      <SchoolDrawer roundId={id} school={school} onClose={() => setSchool(null)} />
    </div>
  );
}

function SchoolDrawer({ roundId, school, onClose }: { roundId: string; school: SchoolResult | null; onClose: () => void }) {
  const q = useUnit(roundId, school?.schoolId ?? null);
  const phone = useIsPhone();
  const u = q.data;
  return (
    <Drawer open={!!school} onClose={onClose} title={school?.schoolName} width={phone ? '100%' : 560} destroyOnHidden>
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {u && !u.sufficient && <Empty description={`${INSUFFICIENT}：已答 ${u.responses} 份，少于最低样本量，不显示结果`} />}
      {u?.sufficient && (
        <div data-testid="survey-school-detail">
          <Typography.Paragraph>
            得分 <strong>{u.score}</strong>（{u.responses} 份答卷，应答率 {rate(u.responseRate)}）
          </Typography.Paragraph>
          <List
            size="small"
            header={<strong>逐题平均</strong>}
            dataSource={u.questions}
            renderItem={(x) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div>{x.text}</div>
                  <Progress percent={x.score} size="small" format={() => `${x.score}（均值 ${x.mean}）`} />
                </div>
              </List.Item>
            )}
          />
          <List
            size="small"
            style={{ marginTop: 12 }}
            header={<strong>意见和建议（汇总，不含作答人信息）</strong>}
            dataSource={u.comments}
            locale={{ emptyText: '无' }}
            renderItem={(c) => <List.Item>{c}</List.Item>}
          />
        </div>
      )}
    </Drawer>
  );
}
