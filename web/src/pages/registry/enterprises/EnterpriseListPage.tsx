import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ENTERPRISE_SIZE_LABELS, INTEGRATION_STATUS_LABELS, type Enterprise } from '../../../../../contracts/enterprises.ts';
import { useCan } from '../kit/can.ts';
import { NameCell, num, PhoneRow, StatusTag, YesTag } from '../kit/cells.tsx';
import { ListPage, optionsOf, yesNo, type ListColumn } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { label, RECORD_STATUS_LABELS } from '../labels.ts';
import { EnterpriseForm } from './EnterpriseForm.tsx';

const to = (e: Enterprise) => `/registry/enterprises/${e.id}`;

export const IntegrationTag = ({ status }: { status: Enterprise['integrationStatus'] }) =>
  status === 'none' ? null : <Tag color={status.startsWith('certified') ? 'gold' : 'cyan'}>{label(INTEGRATION_STATUS_LABELS, status)}</Tag>;

const columns: ListColumn<Enterprise>[] = [
  { key: 'name', title: '企业', sortKey: 'name', render: (_, e) => <NameCell to={to(e)} name={e.name} sub={e.districtName} /> },
  { key: 'uscc', title: '统一社会信用代码', sortKey: 'uscc', render: (_, e) => <span className="cj-mono">{e.uscc}</span> },
  {
    key: 'size',
    title: '规模',
    render: (_, e) => (
      <>
        {label(ENTERPRISE_SIZE_LABELS, e.size)} <YesTag yes={e.aboveDesignatedSize} label="规上" color="blue" />
      </>
    ),
  },
  { key: 'industry', title: '行业', render: (_, e) => <span title={e.industryCode}>{e.industryName ?? e.industryCode}</span> },
  { key: 'cluster', title: '产业集群', render: (_, e) => e.clusterName ?? '—' },
  { key: 'staff', title: '职工', align: 'right', sortKey: 'staff', render: (_, e) => num(e.staffCount) },
  { key: 'integration', title: '产教融合', render: (_, e) => <IntegrationTag status={e.integrationStatus} /> },
  { key: 'status', title: '状态', render: (_, e) => <StatusTag status={e.status} labels={RECORD_STATUS_LABELS} /> },
];

export default function EnterpriseListPage() {
  const can = useCan();
  const choices = useChoices();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <ListPage<Enterprise>
      testId="registry-enterprises"
      title="企业"
      subtitle="统一社会信用代码、规模、行业和产业集群"
      endpoint="/api/enterprises"
      exportPath="/api/exports/enterprises"
      archivable={can({ resource: 'enterprise', action: 'archive' })}
      filters={[
        { name: 'q', label: '名称或信用代码', kind: 'text' },
        { name: 'districtId', label: '区县(市)', kind: 'select', options: choices.districts, loading: choices.loading },
        { name: 'size', label: '规模', kind: 'select', options: optionsOf(ENTERPRISE_SIZE_LABELS) },
        { name: 'industryCode', label: '行业代码', kind: 'text', placeholder: '如 C 或 34' },
        { name: 'clusterCode', label: '产业集群', kind: 'select', options: choices.clusters, loading: choices.loading },
        { name: 'aboveDesignatedSize', label: '规模以上', kind: 'select', options: yesNo('规上企业', '非规上企业') },
        { name: 'integrationStatus', label: '产教融合型企业', kind: 'select', options: optionsOf(INTEGRATION_STATUS_LABELS) },
        { name: 'status', label: '状态', kind: 'select', options: optionsOf(RECORD_STATUS_LABELS) },
      ]}
      sorts={[
        { value: 'name', label: '名称 ↑' },
        { value: '-name', label: '名称 ↓' },
        { value: 'uscc', label: '信用代码 ↑' },
        { value: '-staff', label: '职工 多→少' },
        { value: 'staff', label: '职工 少→多' },
        { value: '-updated', label: '最近更新' },
      ]}
      defaultSort="name"
      columns={columns}
      detailPath={to}
      phoneCard={(e) => (
        <PhoneRow
          to={to(e)}
          title={e.name}
          tags={<IntegrationTag status={e.integrationStatus} />}
          lines={[
            <span className="cj-mono" key="u">
              {e.uscc}
            </span>,
            `${label(ENTERPRISE_SIZE_LABELS, e.size)}${e.aboveDesignatedSize ? '·规上' : ''} · ${e.industryName ?? e.industryCode} · 职工 ${num(e.staffCount)}`,
          ]}
        />
      )}
      actions={
        can({ resource: 'enterprise', action: 'create' }) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create">
            登记企业
          </Button>
        )
      }
    >
      <RecordDrawer open={creating} title="登记企业" onClose={() => setCreating(false)}>
        <EnterpriseForm
          onSaved={(e) => {
            setCreating(false);
            navigate(to(e));
          }}
        />
      </RecordDrawer>
    </ListPage>
  );
}
