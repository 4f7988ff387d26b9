import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MajorGroup } from '../../../../../contracts/major-groups.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, num, PhoneRow, StatusTag, YesTag } from '../kit/cells.tsx';
import { ListPage, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useChoices, useSchoolChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { RECORD_STATUS_LABELS } from '../labels.ts';
import { MajorGroupForm } from './MajorGroupForm.tsx';

const to = (g: MajorGroup) => `/registry/major-groups/${g.id}`;

const columns: ListColumn<MajorGroup>[] = [
  { key: 'name', title: '专业群', sortKey: 'name', render: (_, g) => <NameCell to={to(g)} name={g.name} /> },
  { key: 'school', title: '学校', dataIndex: 'schoolName' },
  { key: 'cluster', title: '对接产业集群', sortKey: 'cluster', dataIndex: 'clusterName' },
  { key: 'key', title: '重点专业', render: (_, g) => <YesTag yes={g.keyMajor} label="产教融合型重点专业" color="gold" /> },
  { key: 'programs', title: '成员专业', align: 'right', render: (_, g) => num(g.programCount) },
  { key: 'status', title: '状态', render: (_, g) => <StatusTag status={g.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function MajorGroupListPage() {
  const can = useCan();
  const choices = useChoices();
  const schools = useSchoolChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<MajorGroup>
      testId="registry-major-groups"
      title="专业群"
      subtitle="对接产业集群的专业群和产教融合型重点专业（二 (一) 3）"
      endpoint="/api/major-groups"
      exportPath="/api/exports/major-groups"
      archivable={can({ resource: 'majorGroup', action: 'archive' })}
      filters={[
        { name: 'q', label: '名称', kind: 'text' },
        { name: 'schoolId', label: '学校', kind: 'select', options: schools.options, loading: schools.loading },
        { name: 'clusterCode', label: '产业集群', kind: 'select', options: choices.clusters, loading: choices.loading },
        { name: 'keyMajor', label: '重点专业', kind: 'select', options: yesNo('产教融合型重点专业', '其他') },
      ]}
      sorts={[
        { value: 'name', label: '名称 ↑' },
        { value: '-name', label: '名称 ↓' },
        { value: 'cluster', label: '产业集群 ↑' },
        { value: '-cluster', label: '产业集群 ↓' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(g) => (
        <PhoneRow
          to={to(g)}
          title={g.name}
          tags={<YesTag yes={g.keyMajor} label="重点专业" color="gold" />}
          lines={[g.schoolName, `${g.clusterName} · ${g.programCount} 个专业`]}
        />
      )}
      actions={
        can({ resource: 'majorGroup', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记专业群
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记专业群" onClose={() => setCreating(false)}>
        <MajorGroupForm
          onSaved={(g) => {
            setCreating(false);
            navigate(to(g));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
