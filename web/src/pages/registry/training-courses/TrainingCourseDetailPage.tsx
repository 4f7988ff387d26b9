import { Card, Descriptions } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { TRAINING_MODE_LABELS, type TrainingCourse } from '../../../../../contracts/training-courses.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { StatusTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { RECORD_STATUS_LABELS } from '../labels.ts';
import { TrainingCourseForm } from './TrainingCourseForm.tsx';

export default function TrainingCourseDetailPage() {
  const query = useRecord<TrainingCourse>('/api/training-courses');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-training-course"
      query={query}
      backTo="/registry/training-courses"
      backLabel="培训课程"
      title={(c) => c.name}
      tags={(c) => <StatusTag status={c.status} labels={RECORD_STATUS_LABELS} />}
      actions={(c) => {
        const target = { organisationId: c.schoolId, districtId: c.districtId };
        return (
          <>
            {can({ resource: 'trainingCourse', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/training-courses" record={c} archived={c.status === 'archived'} />
            )}
            {c.status !== 'archived' && can({ resource: 'trainingCourse', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(c) => (
        <>
          <Card className="cj-section">
            <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
              <Descriptions.Item label="学校">
                <Link to={`/registry/schools/${c.schoolId}`}>{c.schoolName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="专业领域">
                {c.majorName ?? ''}（{c.majorCode}）
              </Descriptions.Item>
              <Descriptions.Item label="学时">{c.hours}</Descriptions.Item>
              <Descriptions.Item label="培训方式">{TRAINING_MODE_LABELS[c.mode]}</Descriptions.Item>
              <Descriptions.Item label="年培训能力">{c.capacityPerYear} 人</Descriptions.Item>
              <Descriptions.Item label="培训对象">{c.trainees ?? '未填写'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <RecordDrawer open={editing} title={`编辑：${c.name}`} onClose={() => setEditing(false)}>
            <TrainingCourseForm record={c} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
          </RecordDrawer>
        </>
      )}
    </DetailShell>
  );
}
