import { TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SCHOOL_LEVEL_LABELS, type SchoolDetail } from '../../../../../contracts/registry.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { num, StatusTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { Standing, StandingRow } from '../kit/Standing.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label, OWNERSHIP_LABELS, percent, RECORD_STATUS_LABELS } from '../labels.ts';
import { SchoolForm } from './SchoolForm.tsx';

export default function SchoolDetailPage() {
  const query = useRecord<SchoolDetail>('/api/schools');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-school"
      query={query}
      backTo="/registry/schools"
      backLabel="学校"
      title={(s) => s.name}
      tags={(s) => <StatusTag status={s.status} labels={RECORD_STATUS_LABELS} />}
      actions={(s) => {
        const target = { organisationId: s.id, districtId: s.districtId };
        return (
          <>
            {can({ resource: 'account', action: 'bulkCreate' }, target) && (
              <Link to={`/registry/accounts?schoolId=${s.id}`}>
                <Button icon={<TeamOutlined />}>批量开通账号</Button>
              </Link>
            )}
            {can({ resource: 'school', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/schools" record={s} archived={s.status === 'archived'} />
            )}
            {s.status !== 'archived' && can({ resource: 'school', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(s) => (
        <>
          <Card className="cj-section">
            <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
              <Descriptions.Item label="学校标识码">
                <span className="cj-mono">{s.code}</span>
              </Descriptions.Item>
              <Descriptions.Item label="办学层次">{label(SCHOOL_LEVEL_LABELS, s.level)}</Descriptions.Item>
              <Descriptions.Item label="所在区县(市)">{s.districtName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="办学性质">
                {label(OWNERSHIP_LABELS, s.ownership)}
                {s.enterpriseRun && <Tag style={{ marginInlineStart: 6 }}>企业举办</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="核定编制数">{num(s.staffingQuota)}</Descriptions.Item>
              <Descriptions.Item label="开设专业">
                <Link to={`/registry/programs?schoolId=${s.id}`}>{num(s.programCount)} 个</Link>
              </Descriptions.Item>
              <Descriptions.Item label="教师">
                <Link to={`/registry/teachers?schoolId=${s.id}`}>{num(s.teacherCount)} 人</Link>
              </Descriptions.Item>
              <Descriptions.Item label="学生">
                <Link to={`/registry/students?schoolId=${s.id}`}>{num(s.studentCount)} 人</Link>
              </Descriptions.Item>
              <Descriptions.Item label="专业群">
                <Link to={`/registry/major-groups?schoolId=${s.id}`}>查看</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <StandingRow>
            {[
              <Standing
                key="pt"
                title="兼职教师占比"
                met={s.standings.partTimeTeachers.met}
                percent={s.standings.partTimeTeachers.share}
                value={`${percent(s.standings.partTimeTeachers.share)}（${s.standings.partTimeTeachers.partTime} 人）`}
                rule={`按核定编制的 ${percent(s.standings.partTimeTeachers.limit)} 聘足配齐${
                  s.standings.partTimeTeachers.maxPartTime === null ? '' : `（应聘 ${s.standings.partTimeTeachers.maxPartTime} 人）`
                }${
                  s.standings.partTimeTeachers.fill === 'short'
                    ? `，尚差 ${s.standings.partTimeTeachers.shortfall} 人`
                    : s.standings.partTimeTeachers.fill === 'over'
                      ? '，已超过可聘比例'
                      : ''
                }`}
                article={s.standings.partTimeTeachers.article}
              />,
              <Standing
                key="dq"
                title="“双师型”教师占专业课教师比例"
                met={s.standings.dualQualifiedTeachers.met}
                percent={s.standings.dualQualifiedTeachers.share}
                value={`${percent(s.standings.dualQualifiedTeachers.share)}（${s.standings.dualQualifiedTeachers.dualQualified}/${s.standings.dualQualifiedTeachers.specialty}）`}
                rule={`不低于 ${percent(s.standings.dualQualifiedTeachers.limit)}${s.standings.dualQualifiedTeachers.shortfall > 0 ? `，尚差 ${s.standings.dualQualifiedTeachers.shortfall} 人` : ''}`}
                article={s.standings.dualQualifiedTeachers.article}
              />,
              <Standing
                key="ep"
                title="专业课教师企业实践（每5年累计满1年）"
                met={
                  s.standings.enterprisePractice.specialty
                    ? s.standings.enterprisePractice.meeting === s.standings.enterprisePractice.specialty
                    : null
                }
                percent={
                  s.standings.enterprisePractice.specialty
                    ? s.standings.enterprisePractice.meeting / s.standings.enterprisePractice.specialty
                    : null
                }
                value={`${s.standings.enterprisePractice.meeting}/${s.standings.enterprisePractice.specialty} 人`}
                rule={`截至 ${s.standings.enterprisePractice.asOf}`}
                article={s.standings.enterprisePractice.article}
              />,
              <Standing
                key="pr"
                title="实践性教学课时达标的专业"
                met={
                  s.standings.practiceTeaching.recorded
                    ? s.standings.practiceTeaching.meeting === s.standings.practiceTeaching.recorded
                    : null
                }
                percent={
                  s.standings.practiceTeaching.recorded
                    ? s.standings.practiceTeaching.meeting / s.standings.practiceTeaching.recorded
                    : null
                }
                value={`${s.standings.practiceTeaching.meeting}/${s.standings.practiceTeaching.recorded} 个`}
                rule={`占总课时 ≥ ${percent(s.standings.practiceTeaching.limit)}`}
                article={s.standings.practiceTeaching.article}
              />,
            ]}
          </StandingRow>
          <RecordDrawer open={editing} title={`编辑：${s.name}`} onClose={() => setEditing(false)}>
            <SchoolForm record={s} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
          </RecordDrawer>
        </>
      )}
    </DetailShell>
  );
}
