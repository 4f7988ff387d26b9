import { Card, Descriptions, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { MajorGroupDetail } from '../../../../../contracts/major-groups.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { StatusTag, YesTag } from '../kit/cells.tsx';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { RECORD_STATUS_LABELS } from '../labels.ts';
import { MajorGroupForm } from './MajorGroupForm.tsx';

type Member = MajorGroupDetail['programs'][number];

export default function MajorGroupDetailPage() {
  const query = useRecord<MajorGroupDetail>('/api/major-groups');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-major-group"
      query={query}
      backTo="/registry/major-groups"
      backLabel="专业群"
      title={(g) => g.name}
      tags={(g) => (
        <>
          <StatusTag status={g.status} labels={RECORD_STATUS_LABELS} />
          <YesTag yes={g.keyMajor} label="产教融合型重点专业" color="gold" />
        </>
      )}
      actions={(g) => {
        const target = { organisationId: g.schoolId, districtId: g.districtId };
        return (
          <>
            {can({ resource: 'majorGroup', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/major-groups" record={g} archived={g.status === 'archived'} />
            )}
            {g.status !== 'archived' && can({ resource: 'majorGroup', action: 'update' }, target) && (
              <EditButton onClick={() => setEditing(true)} />
            )}
          </>
        );
      }}
    >
      {(g) => {
        const aligned = g.programs.filter((p) => p.inCluster).length;
        return (
          <>
            <Card className="cj-section">
              <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
                <Descriptions.Item label="学校">
                  <Link to={`/registry/schools/${g.schoolId}`}>{g.schoolName}</Link>
                </Descriptions.Item>
                <Descriptions.Item label="对接产业集群">
                  <Link to={`/registry/clusters#${g.clusterCode}`}>{g.clusterName}</Link>
                </Descriptions.Item>
                <Descriptions.Item label="与集群对应的专业">
                  {aligned}/{g.programs.length}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title="成员专业" className="cj-section" styles={{ body: { padding: 0 } }}>
              <Table<Member>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={g.programs}
                locale={{ emptyText: '尚无成员专业' }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'name', title: '专业', render: (_, p) => <Link to={`/registry/programs/${p.id}`}>{p.majorName}</Link> },
                  { key: 'code', title: '代码', dataIndex: 'majorCode' },
                  {
                    key: 'aligned',
                    title: '属于该集群对应专业',
                    render: (_, p) => (p.inCluster ? <Tag color="green">是</Tag> : <Tag color="orange">否</Tag>),
                  },
                  { key: 'status', title: '状态', render: (_, p) => <StatusTag status={p.status} labels={RECORD_STATUS_LABELS} /> },
                ]}
              />
            </Card>
            <RecordDrawer open={editing} title={`编辑：${g.name}`} onClose={() => setEditing(false)}>
              <MajorGroupForm record={g} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
            </RecordDrawer>
          </>
        );
      }}
    </DetailShell>
  );
}
