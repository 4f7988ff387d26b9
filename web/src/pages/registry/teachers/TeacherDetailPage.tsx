import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EMPLOYMENT_LABELS, SUBJECT_LABELS, type TeacherDetail } from '../../../../../contracts/teachers.ts';
import { errorMessage, get } from '../../../api/client.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { StatusTag, YesTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { Standing, StandingRow } from '../kit/Standing.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label, RECORD_STATUS_LABELS } from '../labels.ts';
import { TeacherForm } from './TeacherForm.tsx';

type Period = TeacherDetail['practicePeriods'][number];

export default function TeacherDetailPage() {
  const [asOf, setAsOf] = useState<string | undefined>();
  const query = useRecord<TeacherDetail>('/api/teachers', { asOf });
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const { message } = App.useApp();
  // As for students: the clear number only on request (each read is logged on the server), never cached.
  const reveal = useMutation({
    mutationFn: (id: string) => get<{ idNumber: string | null }>(`/api/teachers/${id}/personal-info`),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <DetailShell
      testId="registry-teacher"
      query={query}
      backTo="/registry/teachers"
      backLabel="教师"
      title={(t) => t.name}
      tags={(t) => (
        <>
          <StatusTag status={t.status} labels={RECORD_STATUS_LABELS} />
          <YesTag yes={t.dualQualified} label="“双师型”" />
        </>
      )}
      actions={(t) => {
        const target = { organisationId: t.schoolId, districtId: t.districtId };
        return (
          <>
            {t.idNumberMasked && can({ resource: 'teacherPersonalInfo', action: 'read' }, target) && !reveal.data && (
              <Button icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate(t.id)} data-testid="reveal">
                查看身份证号原文
              </Button>
            )}
            {can({ resource: 'teacher', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/teachers" record={t} archived={t.status === 'archived'} />
            )}
            {t.status !== 'archived' && can({ resource: 'teacher', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(t) => {
        const ep = t.enterprisePractice;
        return (
          <>
            <Card className="cj-section">
              <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
                <Descriptions.Item label="学校">
                  <Link to={`/registry/schools/${t.schoolId}`}>{t.schoolName}</Link>
                </Descriptions.Item>
                <Descriptions.Item label="聘用类型">{label(EMPLOYMENT_LABELS, t.employment)}</Descriptions.Item>
                <Descriptions.Item label="任教类别">
                  {label(SUBJECT_LABELS, t.subject)}
                  {t.subjectName ? ` · ${t.subjectName}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="身份证号">
                  <span className="cj-mono">{reveal.data?.idNumber ?? t.idNumberMasked ?? '未登记'}</span>
                  {reveal.data && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      本次查看已记录
                    </Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="平台账号">{t.hasAccount ? '已开通' : '未开通'}</Descriptions.Item>
              </Descriptions>
            </Card>
            <StandingRow>
              {[
                <Standing
                  key="ep"
                  title="企业实践（每5年累计满1年）"
                  met={ep.met}
                  percent={ep.requiredDays ? ep.days / ep.requiredDays : null}
                  value={`${ep.days}/${ep.requiredDays} 天`}
                  rule={`${ep.windowStart} 至 ${ep.windowEnd}${ep.met ? '' : `，尚差 ${ep.remainingDays} 天`}${t.subject === 'specialty' ? '' : '（该要求针对专业课教师）'}`}
                  article={ep.article}
                />,
                <Card key="dq" size="small" className="cj-standing" title="“双师型”认定佐证">
                  {t.dualQualified && t.dualQualifiedEvidence ? (
                    <Descriptions column={1} size="small">
                      <Descriptions.Item label="证书">{t.dualQualifiedEvidence.certificateName}</Descriptions.Item>
                      <Descriptions.Item label="编号">{t.dualQualifiedEvidence.certificateNumber ?? '—'}</Descriptions.Item>
                      <Descriptions.Item label="发证机构">{t.dualQualifiedEvidence.issuer ?? '—'}</Descriptions.Item>
                      <Descriptions.Item label="发证日期">{t.dualQualifiedEvidence.issuedOn ?? '—'}</Descriptions.Item>
                    </Descriptions>
                  ) : (
                    <Typography.Text type="secondary">{t.dualQualified ? '未登记佐证' : '未认定为“双师型”教师'}</Typography.Text>
                  )}
                </Card>,
              ]}
            </StandingRow>
            <Card
              title="企业实践记录"
              className="cj-section"
              styles={{ body: { padding: 0 } }}
              extra={
                <Space size={4}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    计算截至
                  </Typography.Text>
                  <DatePicker
                    size="small"
                    allowClear
                    inputReadOnly
                    value={dayjs(ep.asOf)}
                    aria-label="计算截至日期"
                    onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
                  />
                </Space>
              }
            >
              {t.practicePeriods.length === 0 ? (
                <Empty description="尚无企业实践记录" style={{ padding: 24 }} />
              ) : (
                <Table<Period>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={t.practicePeriods}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    {
                      key: 'e',
                      title: '企业',
                      render: (_, p) =>
                        p.enterpriseId ? (
                          <>
                            {p.enterpriseName} <Tag>已登记企业</Tag>
                          </>
                        ) : (
                          p.enterpriseName
                        ),
                    },
                    { key: 's', title: '开始', dataIndex: 'startDate' },
                    { key: 'end', title: '结束', render: (_, p) => p.endDate ?? <Tag color="blue">进行中</Tag> },
                  ]}
                />
              )}
            </Card>
            <RecordDrawer open={editing} title={`编辑：${t.name}`} onClose={() => setEditing(false)}>
              <TeacherForm record={t} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
            </RecordDrawer>
          </>
        );
      }}
    </DetailShell>
  );
}
