import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { STUDENT_STATUSES, type Student } from '../../../../../contracts/registry.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, PhoneRow } from '../kit/cells.tsx';
import { ListPage, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useSchoolChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label, SEX_LABELS, STUDENT_STATUS_LABELS } from '../labels.ts';
import { StudentForm } from './StudentForm.tsx';

const to = (s: Student) => `/registry/students/${s.id}`;
const statusTag = (s: Student) =>
  s.archived ? <Tag>已归档</Tag> : <Tag color={s.status === 'enrolled' ? 'blue' : 'default'}>{label(STUDENT_STATUS_LABELS, s.status)}</Tag>;

const columns: ListColumn<Student>[] = [
  { key: 'name', title: '姓名', sortKey: 'name', render: (_, s) => <NameCell to={to(s)} name={s.name} sub={label(SEX_LABELS, s.sex)} /> },
  { key: 'school', title: '学校', dataIndex: 'schoolName' },
  { key: 'program', title: '专业', render: (_, s) => s.programName ?? '—' },
  { key: 'cohort', title: '入学年份', dataIndex: 'cohort', sortKey: 'cohort' },
  { key: 'id', title: '身份证号', render: (_, s) => <span className="cj-mono">{s.idNumberMasked}</span> },
  { key: 'phone', title: '手机', render: (_, s) => <span className="cj-mono">{s.phoneMasked ?? '—'}</span> },
  { key: 'account', title: '账号', render: (_, s) => (s.hasAccount ? <Tag color="blue">已开通</Tag> : <Tag>未开通</Tag>) },
  { key: 'status', title: '学籍', render: (_, s) => statusTag(s) },
];

export default function StudentListPage() {
  const can = useCan();
  const schools = useSchoolChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<Student>
      testId="registry-students"
      title="学生"
      subtitle="身份证号和手机号已脱敏显示"
      endpoint="/api/students"
      exportPath="/api/exports/students"
      archivable={can({ resource: 'student', action: 'archive' })}
      extraExports={
        can({ resource: 'studentPersonalInfo', action: 'read' })
          ? [{ label: '导出（含身份证号原文）', query: { personalInfo: 'true' } }]
          : undefined
      }
      filters={[
        { name: 'q', label: '姓名', kind: 'text' },
        { name: 'schoolId', label: '学校', kind: 'select', options: schools.options, loading: schools.loading },
        { name: 'cohort', label: '入学年份', kind: 'text', placeholder: '如 2024' },
        {
          name: 'status',
          label: '学籍状态',
          kind: 'select',
          options: STUDENT_STATUSES.map((s) => ({ value: s, label: label(STUDENT_STATUS_LABELS, s) })),
        },
        { name: 'hasAccount', label: '账号', kind: 'select', options: yesNo('已开通', '未开通') },
      ]}
      sorts={[
        { value: 'name', label: '姓名 ↑' },
        { value: '-name', label: '姓名 ↓' },
        { value: '-cohort', label: '入学年份 新→旧' },
        { value: 'cohort', label: '入学年份 旧→新' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(s) => (
        <PhoneRow
          to={to(s)}
          title={s.name}
          tags={statusTag(s)}
          lines={[`${s.schoolName}${s.programName ? ` · ${s.programName}` : ''}`, `${s.cohort}级 · ${s.idNumberMasked}`]}
        />
      )}
      actions={
        can({ resource: 'student', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记学生
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记学生" onClose={() => setCreating(false)}>
        <StudentForm
          onSaved={(s) => {
            setCreating(false);
            navigate(to(s));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
