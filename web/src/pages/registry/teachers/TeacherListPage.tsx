import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { EMPLOYMENT_LABELS, SUBJECT_LABELS, type Teacher } from '../../../../../contracts/teachers.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, PhoneRow, StatusTag, YesTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useSchoolChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label, RECORD_STATUS_LABELS } from '../labels.ts';
import { TeacherForm } from './TeacherForm.tsx';

const to = (t: Teacher) => `/registry/teachers/${t.id}`;

const columns: ListColumn<Teacher>[] = [
  { key: 'name', title: '姓名', sortKey: 'name', render: (_, t) => <NameCell to={to(t)} name={t.name} sub={t.subjectName} /> },
  { key: 'school', title: '学校', dataIndex: 'schoolName' },
  { key: 'employment', title: '聘用类型', render: (_, t) => label(EMPLOYMENT_LABELS, t.employment) },
  { key: 'subject', title: '任教类别', render: (_, t) => label(SUBJECT_LABELS, t.subject) },
  { key: 'dual', title: '“双师型”', render: (_, t) => <YesTag yes={t.dualQualified} label="双师型" /> },
  { key: 'account', title: '账号', render: (_, t) => (t.hasAccount ? <Tag color="blue">已开通</Tag> : <Tag>未开通</Tag>) },
  { key: 'status', title: '状态', render: (_, t) => <StatusTag status={t.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function TeacherListPage() {
  const can = useCan();
  const schools = useSchoolChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<Teacher>
      testId="registry-teachers"
      title="教师"
      subtitle="专兼职教师、“双师型”认定和企业实践（二 (三) 10）"
      endpoint="/api/teachers"
      exportPath="/api/exports/teachers"
      archivable={can({ resource: 'teacher', action: 'archive' })}
      filters={[
        { name: 'q', label: '姓名', kind: 'text' },
        { name: 'schoolId', label: '学校', kind: 'select', options: schools.options, loading: schools.loading },
        { name: 'employment', label: '聘用类型', kind: 'select', options: optionsOf(EMPLOYMENT_LABELS) },
        { name: 'subject', label: '任教类别', kind: 'select', options: optionsOf(SUBJECT_LABELS) },
        { name: 'dualQualified', label: '“双师型”', kind: 'select', options: yesNo('是', '否') },
        { name: 'hasAccount', label: '账号', kind: 'select', options: yesNo('已开通', '未开通') },
      ]}
      sorts={[
        { value: 'name', label: '姓名 ↑' },
        { value: '-name', label: '姓名 ↓' },
        { value: '-updated', label: '最近更新' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(t) => (
        <PhoneRow
          to={to(t)}
          title={t.name}
          tags={<YesTag yes={t.dualQualified} label="双师型" />}
          lines={[
            t.schoolName,
            `${label(EMPLOYMENT_LABELS, t.employment)} · ${label(SUBJECT_LABELS, t.subject)}${t.subjectName ? ` · ${t.subjectName}` : ''}`,
          ]}
        />
      )}
      actions={
        can({ resource: 'teacher', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记教师
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记教师" onClose={() => setCreating(false)}>
        <TeacherForm
          onSaved={(t) => {
            setCreating(false);
            navigate(to(t));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
