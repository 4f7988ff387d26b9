import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Carrier } from '../../../../../contracts/carriers.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS, CARRIER_STATUS_LABELS } from '../../../../../core/registry/carrier-kinds.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, PhoneRow, StatusTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, type ListColumn } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label } from '../labels.ts';
import { CarrierForm } from './CarrierForm.tsx';

const to = (c: Carrier) => `/registry/carriers/${c.id}`;
/** The status, and for an operating carrier not yet verified on evidence that it waits (it counts toward no target). */
export const carrierStatus = (c: Carrier) =>
  c.archived ? (
    <Tag>已归档</Tag>
  ) : (
    <>
      <StatusTag status={c.status} labels={CARRIER_STATUS_LABELS} />
      {c.status === 'operating' && !c.operatingVerifiedAt && <Tag color="gold">待核验</Tag>}
    </>
  );
const levelTag = (c: Carrier) => (
  <Tag color={c.level === 'national' ? 'red' : c.level === 'province' ? 'gold' : 'blue'}>{label(CARRIER_LEVEL_LABELS, c.level)}</Tag>
);

const columns: ListColumn<Carrier>[] = [
  {
    key: 'name',
    title: '载体',
    sortKey: 'name',
    render: (_, c) => <NameCell to={to(c)} name={c.name} sub={label(CARRIER_KIND_LABELS, c.kind)} />,
  },
  { key: 'level', title: '级别', render: (_, c) => levelTag(c) },
  { key: 'lead', title: '牵头单位', render: (_, c) => c.lead.name },
  { key: 'partners', title: '参与单位', align: 'right', render: (_, c) => c.partners.length },
  { key: 'district', title: '区县(市)', render: (_, c) => c.districtName ?? '—' },
  { key: 'cluster', title: '产业集群', render: (_, c) => c.clusterName ?? '—' },
  { key: 'startDate', title: '成立日期', sortKey: 'startDate', render: (_, c) => c.startDate ?? '—' },
  { key: 'status', title: '状态', render: (_, c) => carrierStatus(c) },
];

export default function CarrierListPage() {
  const can = useCan();
  const choices = useChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<Carrier>
      testId="registry-carriers"
      title="产教融合载体"
      subtitle="实训基地、产业学院、职教集团、市域产教联合体等，及其牵头和参与单位"
      endpoint="/api/carriers"
      exportPath="/api/exports/carriers"
      archivable={can({ resource: 'carrier', action: 'archive' })}
      filters={[
        { name: 'q', label: '名称', kind: 'text' },
        { name: 'kind', label: '类型', kind: 'select', options: optionsOf(CARRIER_KIND_LABELS) },
        { name: 'level', label: '级别', kind: 'select', options: optionsOf(CARRIER_LEVEL_LABELS) },
        { name: 'status', label: '状态', kind: 'select', options: optionsOf(CARRIER_STATUS_LABELS) },
        { name: 'districtId', label: '区县(市)', kind: 'select', options: choices.districts, loading: choices.loading },
        { name: 'clusterCode', label: '产业集群', kind: 'select', options: choices.clusters, loading: choices.loading },
      ]}
      sorts={[
        { value: 'name', label: '名称 ↑' },
        { value: '-name', label: '名称 ↓' },
        { value: '-startDate', label: '成立 新→旧' },
        { value: 'startDate', label: '成立 旧→新' },
        { value: '-updated', label: '最近更新' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(c) => (
        <PhoneRow
          to={to(c)}
          title={c.name}
          tags={
            <>
              {levelTag(c)}
              {carrierStatus(c)}
            </>
          }
          lines={[label(CARRIER_KIND_LABELS, c.kind), `牵头：${c.lead.name}${c.partners.length ? ` 等${c.partners.length + 1}家` : ''}`]}
        />
      )}
      actions={
        can({ resource: 'carrier', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记载体
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记载体" onClose={() => setCreating(false)} wide>
        <CarrierForm
          onSaved={(c) => {
            setCreating(false);
            navigate(to(c));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
