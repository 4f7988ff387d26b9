import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { TRAINING_MODE_LABELS, type TrainingCourse } from '../../../../../contracts/training-courses.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, num, PhoneRow, StatusTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, type ListColumn } from '../kit/ListPage.tsx';
import { useSchoolChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { RECORD_STATUS_LABELS } from '../labels.ts';
import { TrainingCourseForm } from './TrainingCourseForm.tsx';

const to = (c: TrainingCourse) => `/registry/training-courses/${c.id}`;

const columns: ListColumn<TrainingCourse>[] = [
  { key: 'name', title: '培训课程', sortKey: 'name', render: (_, c) => <NameCell to={to(c)} name={c.name} /> },
  { key: 'school', title: '学校', dataIndex: 'schoolName' },
  { key: 'major', title: '专业领域', render: (_, c) => `${c.majorName ?? ''}（${c.majorCode}）` },
  { key: 'hours', title: '学时', align: 'right', render: (_, c) => num(c.hours) },
  { key: 'mode', title: '方式', render: (_, c) => TRAINING_MODE_LABELS[c.mode] },
  { key: 'capacity', title: '年培训能力', sortKey: 'capacity', align: 'right', render: (_, c) => `${num(c.capacityPerYear)} 人` },
  { key: 'status', title: '状态', render: (_, c) => <StatusTag status={c.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function TrainingCourseListPage() {
  const can = useCan();
  const schools = useSchoolChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<TrainingCourse>
      testId="registry-training-courses"
      title="培训课程"
      subtitle="学校面向企业员工的培训课程（二 (二) 5），用于与企业的员工培训需求匹配"
      endpoint="/api/training-courses"
      archivable={can({ resource: 'trainingCourse', action: 'archive' })}
      filters={[
        { name: 'q', label: '名称', kind: 'text' },
        { name: 'schoolId', label: '学校', kind: 'select', options: schools.options, loading: schools.loading },
        { name: 'mode', label: '方式', kind: 'select', options: optionsOf(TRAINING_MODE_LABELS) },
      ]}
      sorts={[
        { value: 'name', label: '名称 ↑' },
        { value: '-name', label: '名称 ↓' },
        { value: '-capacity', label: '年培训能力 ↓' },
        { value: 'capacity', label: '年培训能力 ↑' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(c) => (
        <PhoneRow
          to={to(c)}
          title={c.name}
          tags={<StatusTag status={c.status} labels={RECORD_STATUS_LABELS} />}
          lines={[
            c.schoolName,
            `${c.majorName ?? c.majorCode} · ${c.hours} 学时 · ${TRAINING_MODE_LABELS[c.mode]} · 年 ${c.capacityPerYear} 人`,
          ]}
        />
      )}
      actions={
        can({ resource: 'trainingCourse', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记培训课程
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记培训课程" onClose={() => setCreating(false)}>
        <TrainingCourseForm
          onSaved={(c) => {
            setCreating(false);
            navigate(to(c));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
