import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { SCHOOL_LEVEL_LABELS, type School } from '../../../../../contracts/registry.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, num, PhoneRow, StatusTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label, OWNERSHIP_LABELS, RECORD_STATUS_LABELS } from '../labels.ts';
import { SchoolForm } from './SchoolForm.tsx';

const to = (s: School) => `/registry/schools/${s.id}`;

const columns: ListColumn<School>[] = [
  { key: 'name', title: '学校', sortKey: 'name', render: (_, s) => <NameCell to={to(s)} name={s.name} sub={s.districtName} /> },
  { key: 'code', title: '学校标识码', dataIndex: 'code', sortKey: 'code', render: (c: string) => <span className="cj-mono">{c}</span> },
  { key: 'level', title: '办学层次', render: (_, s) => label(SCHOOL_LEVEL_LABELS, s.level) },
  {
    key: 'ownership',
    title: '性质',
    render: (_, s) => (
      <>
        {label(OWNERSHIP_LABELS, s.ownership)}
        {s.enterpriseRun && <Tag style={{ marginInlineStart: 6 }}>企业举办</Tag>}
      </>
    ),
  },
  { key: 'programs', title: '开设专业', align: 'right', render: (_, s) => num(s.programCount) },
  { key: 'teachers', title: '教师', align: 'right', render: (_, s) => num(s.teacherCount) },
  { key: 'students', title: '学生', align: 'right', sortKey: 'students', render: (_, s) => num(s.studentCount) },
  { key: 'status', title: '状态', render: (_, s) => <StatusTag status={s.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function SchoolListPage() {
  const can = useCan();
  const choices = useChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<School>
      testId="registry-schools"
      title="学校"
      subtitle="职业院校的登记信息和达标情况"
      endpoint="/api/schools"
      exportPath="/api/exports/schools"
      archivable={can({ resource: 'school', action: 'archive' })}
      filters={[
        { name: 'q', label: '名称或标识码', kind: 'text' },
        { name: 'districtId', label: '区县(市)', kind: 'select', options: choices.districts, loading: choices.loading },
        { name: 'level', label: '办学层次', kind: 'select', options: optionsOf(SCHOOL_LEVEL_LABELS) },
        { name: 'ownership', label: '办学性质', kind: 'select', options: optionsOf(OWNERSHIP_LABELS) },
        { name: 'enterpriseRun', label: '企业举办', kind: 'select', options: yesNo('企业举办', '非企业举办') },
      ]}
      sorts={[
        { value: 'name', label: '名称 ↑' },
        { value: '-name', label: '名称 ↓' },
        { value: 'code', label: '标识码 ↑' },
        { value: '-code', label: '标识码 ↓' },
        { value: '-students', label: '学生数 多→少' },
        { value: 'students', label: '学生数 少→多' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(s) => (
        <PhoneRow
          to={to(s)}
          title={s.name}
          tags={<StatusTag status={s.status} labels={RECORD_STATUS_LABELS} />}
          lines={[
            `${label(SCHOOL_LEVEL_LABELS, s.level)} · ${s.districtName ?? '—'} · ${s.code}`,
            `专业 ${num(s.programCount)} · 教师 ${num(s.teacherCount)} · 学生 ${num(s.studentCount)}`,
          ]}
        />
      )}
      actions={
        can({ resource: 'school', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记学校
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记学校" onClose={() => setCreating(false)}>
        <SchoolForm
          onSaved={(s) => {
            setCreating(false);
            navigate(to(s));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
