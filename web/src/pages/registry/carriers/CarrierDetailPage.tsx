import { Card, Descriptions, List, Tag } from 'antd';
import { useState } from 'react';
import type { Carrier } from '../../../../../contracts/carriers.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS } from '../../../../../core/registry/carrier-kinds.ts';
import { ArchiveButton } from '../kit/ArchiveButton.tsx';
import { useCan } from '../kit/can.ts';
import { DetailShell, EditButton } from '../kit/DetailShell.tsx';
import { RecordDrawer } from '../kit/RecordDrawer.tsx';
import { useRecord } from '../kit/useRecord.ts';
import { label } from '../labels.ts';
import { carrierStatus } from './CarrierListPage.tsx';
import { CarrierForm } from './CarrierForm.tsx';
import { OperatingCheck } from './OperatingCheck.tsx';

const KIND_OF_ORG: Record<string, string> = {
  school: '学校',
  enterprise: '企业',
  district: '区县',
  bureau: '市教育局',
  department: '市直部门',
};
const yesNoUnknown = (v: boolean | null) => (v === null ? '—' : v ? '是' : '否');

export default function CarrierDetailPage() {
  const query = useRecord<Carrier & { evidence: Array<{ id: string; fileName: string }> }>('/api/carriers');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  return (
    <DetailShell
      testId="registry-carrier"
      query={query}
      backTo="/registry/carriers"
      backLabel="产教融合载体"
      title={(c) => c.name}
      tags={(c) => (
        <>
          <Tag>{label(CARRIER_KIND_LABELS, c.kind)}</Tag>
          <Tag color="blue">{label(CARRIER_LEVEL_LABELS, c.level)}</Tag>
          {carrierStatus(c)}
        </>
      )}
      actions={(c) => {
        // The lead's side keeps the carrier; partners only read it.
        const target = { organisationId: c.lead.id, districtId: c.districtId };
        return (
          <>
            {can({ resource: 'carrier', action: 'archive' }, target) && (
              <ArchiveButton endpoint="/api/carriers" record={c} archived={c.archived} />
            )}
            {!c.archived && can({ resource: 'carrier', action: 'update' }, target) && <EditButton onClick={() => setEditing(true)} />}
          </>
        );
      }}
    >
      {(c) => (
        <>
          <Card className="cj-section">
            <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small">
              <Descriptions.Item label="牵头单位">
                {c.lead.name}（{label(KIND_OF_ORG, c.lead.kind)}）
              </Descriptions.Item>
              <Descriptions.Item label="所在区县(市)">{c.districtName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="对接产业集群">{c.clusterName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="法人资格">{yesNoUnknown(c.legalPerson)}</Descriptions.Item>
              <Descriptions.Item label="合作国家或地区">{c.country ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="起止日期">
                {c.startDate ?? '—'} 至 {c.endDate ?? '今'}
              </Descriptions.Item>
              <Descriptions.Item label="认定">{c.certifiedAt ? `${c.certifiedAt} · ${c.certifyingBody ?? ''}` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <OperatingCheck c={c} onChanged={() => void query.refetch()} />
          <Card title={`参与单位（${c.partners.length}）`} className="cj-section">
            <List
              size="small"
              dataSource={c.partners}
              locale={{ emptyText: '尚无参与单位' }}
              renderItem={(p) => (
                <List.Item>
                  {p.name}
                  <Tag>{label(KIND_OF_ORG, p.kind)}</Tag>
                </List.Item>
              )}
            />
          </Card>
          <RecordDrawer open={editing} title={`编辑：${c.name}`} onClose={() => setEditing(false)} wide>
            <CarrierForm record={c} onSaved={() => setEditing(false)} onReload={() => query.refetch()} />
          </RecordDrawer>
        </>
      )}
    </DetailShell>
  );
}
