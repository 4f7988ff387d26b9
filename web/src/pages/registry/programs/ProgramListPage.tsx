import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Program } from '../../../../../contracts/programs.ts';
import { useCan } from '../kit/can.ts';
import { MetTag, NameCell, num, PhoneRow, StatusTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useSchoolChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label, MAJOR_LEVEL_LABELS, percent, RECORD_STATUS_LABELS } from '../labels.ts';
import { ProgramForm } from './ProgramForm.tsx';

const to = (p: Program) => `/registry/programs/${p.id}`;

const columns: ListColumn<Program>[] = [
  {
    key: 'name',
    title: '专业',
    sortKey: 'name',
    render: (_, p) => <NameCell to={to(p)} name={p.majorName} sub={`${p.majorCode} · 目录 ${p.edition}`} />,
  },
  { key: 'school', title: '学校', dataIndex: 'schoolName' },
  { key: 'level', title: '层次', render: (_, p) => label(MAJOR_LEVEL_LABELS, p.majorLevel) },
  { key: 'startYear', title: '开设年份', dataIndex: 'startYear' },
  { key: 'enrolment', title: '当年招生', align: 'right', sortKey: 'enrolment', render: (_, p) => num(p.enrolment) },
  { key: 'students', title: '在籍学生', align: 'right', render: (_, p) => num(p.studentCount) },
  {
    key: 'practice',
    title: '实践课时占比',
    sortKey: 'practiceShare',
    render: (_, p) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        {percent(p.practiceShare)} <MetTag met={p.practiceShareMet} yes="≥50%" no="<50%" />
      </span>
    ),
  },
  { key: 'status', title: '状态', render: (_, p) => <StatusTag status={p.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function ProgramListPage() {
  const can = useCan();
  const schools = useSchoolChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<Program>
      testId="registry-programs"
      title="开设专业"
      subtitle="学校开设的专业、招生规模和实践性教学课时占比（二 (三) 8：不低于50%）"
      endpoint="/api/programs"
      exportPath="/api/exports/programs"
      archivable={can({ resource: 'program', action: 'archive' })}
      filters={[
        { name: 'q', label: '专业名称或代码', kind: 'text' },
        { name: 'schoolId', label: '学校', kind: 'select', options: schools.options, loading: schools.loading },
        { name: 'majorLevel', label: '层次', kind: 'select', options: optionsOf(MAJOR_LEVEL_LABELS) },
        { name: 'practiceMet', label: '实践课时', kind: 'select', options: yesNo('达到50%', '未达到50%') },
      ]}
      sorts={[
        { value: 'code', label: '专业代码 ↑' },
        { value: 'name', label: '专业名称 ↑' },
        { value: '-enrolment', label: '招生 多→少' },
        { value: 'enrolment', label: '招生 少→多' },
        { value: '-practiceShare', label: '实践占比 高→低' },
        { value: 'practiceShare', label: '实践占比 低→高' },
      ]}
      defaultSort="code"
      columns={columns}
      detailPath={to}
      phoneCard={(p) => (
        <PhoneRow
          to={to(p)}
          title={`${p.majorName}（${p.majorCode}）`}
          tags={<MetTag met={p.practiceShareMet} yes="实践≥50%" no="实践<50%" />}
          lines={[
            p.schoolName,
            `${label(MAJOR_LEVEL_LABELS, p.majorLevel)} · ${p.startYear}年开设 · 招生 ${num(p.enrolment)} · 实践 ${percent(p.practiceShare)}`,
          ]}
        />
      )}
      actions={
        can({ resource: 'program', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记开设专业
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记开设专业" onClose={() => setCreating(false)}>
        <ProgramForm
          onSaved={(p) => {
            setCreating(false);
            navigate(to(p));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
