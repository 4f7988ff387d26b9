import { Card, Descriptions, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ProgramDetail } from '../../../../../contracts/programs.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { MetTag, num, StatusTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { Standing, StandingRow } from '../kit/Standing.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label, MAJOR_LEVEL_LABELS, percent, RECORD_STATUS_LABELS } from '../labels.ts';
import { ProgramForm } from './ProgramForm.tsx';

export default function ProgramDetailPage() {
  const query = useRecord<ProgramDetail>('/api/programs');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-program"
      query={query}
      backTo="/registry/programs"
      backLabel="开设专业"
      title={(p) => `${p.majorName}（${p.majorCode}）`}
      tags={(p) => (
        <>
          <StatusTag status={p.status} labels={RECORD_STATUS_LABELS} />
          <MetTag met={p.practiceShareMet} yes="实践课时达标" no="实践课时未达标" />
        </>
      )}
      actions={(p) => {
        const target = { organisationId: p.schoolId, districtId: p.districtId };
        return (
          <>
            {can({ resource: 'program', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/programs" record={p} archived={p.status === 'archived'} />
            )}
            {p.status !== 'archived' && can({ resource: 'program', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(p) => (
        <>
          <Card className="cj-section">
            <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
              <Descriptions.Item label="学校">
                <Link to={`/registry/schools/${p.schoolId}`}>{p.schoolName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="专业代码">
                <span className="cj-mono">{p.majorCode}</span>（目录 {p.edition}）
              </Descriptions.Item>
              <Descriptions.Item label="层次">{label(MAJOR_LEVEL_LABELS, p.majorLevel)}</Descriptions.Item>
              <Descriptions.Item label="开设年份">{p.startYear}</Descriptions.Item>
              <Descriptions.Item label="当年招生">{num(p.enrolment)}</Descriptions.Item>
              <Descriptions.Item label="在籍学生">
                <Link to={`/registry/students?schoolId=${p.schoolId}&programId=${p.id}`}>{num(p.studentCount)} 人</Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <StandingRow>
            {[
              <Standing
                key="practice"
                title="实践性教学课时占总课时比例"
                value={percent(p.practice.share)}
                percent={p.practice.share}
                met={p.practice.met}
                rule={`${p.practice.comparator === '>=' ? '不低于' : '不高于'} ${percent(p.practice.limit)}`}
                article={p.practice.article}
              />,
            ]}
          </StandingRow>
          <Card title="逐年招生和毕业人数" className="cj-section" styles={{ body: { padding: 0 } }}>
            <Table
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={[...p.years].sort((a, b) => b.year - a.year)}
              locale={{ emptyText: '尚未填报' }}
              columns={[
                { key: 'year', title: '年份', dataIndex: 'year' },
                { key: 'enrolment', title: '招生人数', align: 'right', render: (_, y) => num(y.enrolment) },
                { key: 'graduates', title: '毕业人数', align: 'right', render: (_, y) => num(y.graduates) },
              ]}
            />
          </Card>
          <RecordDrawer open={editing} title={`编辑：${p.majorName}`} onClose={() => setEditing(false)}>
            <ProgramForm record={p} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
          </RecordDrawer>
        </>
      )}
    </DetailShell>
  );
}
