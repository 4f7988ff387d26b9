import { DatePicker, Form, Input, Select } from 'antd';
import { carrierCreate, type Carrier } from '../../../../../contracts/carriers.ts';
import { grantsFor } from '../../../../../core/authz/index.ts';
import { CARRIER_KIND_LABELS, CARRIER_LEVEL_LABELS, CARRIER_STATUS_LABELS } from '../../../../../core/registry/carrier-kinds.ts';
import { useMe } from '../../../auth/session.tsx';
import { useCan } from '../kit/can.ts';
import { dateValue, rulesOf } from '../kit/forms.ts';
import { optionsOf } from '../kit/ListPage.tsx';
import { SearchSelect, useChoices } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';

const rules = rulesOf(carrierCreate, { kind: '载体类型', level: '级别', leadOrganisationId: '牵头单位' });
const CERTIFYING = ['certifiedAt', 'certifyingBody'] as const;

/**
 * 登记 / 编辑载体. A school or an enterprise registers carriers it leads itself; partners are found by name.
 * Certification (status 已认定, its date and body) is recorded by the bureau only.
 */
export function CarrierForm({
  record,
  onSaved,
  onReload,
}: {
  record?: Carrier;
  onSaved: (c: Carrier) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const me = useMe();
  const can = useCan();
  const choices = useChoices();
  const mayCertify = can({ resource: 'carrier', action: 'certify' });
  const own = me.roles.map((r) => ({ value: r.organisation.id, label: r.organisation.name }));
  // School and enterprise admins lead only their own carriers; districts and the bureau pick the lead.
  const createGrants = grantsFor({ resource: 'carrier', action: 'create' });
  const ownLeadOnly = !me.roles.some((r) => createGrants[r.role] === 'city' || createGrants[r.role] === 'district');
  const known = [...own, ...(record ? [record.lead, ...record.partners].map((o) => ({ value: o.id, label: o.name })) : [])];
  const initialValues = record
    ? {
        kind: record.kind,
        name: record.name,
        level: record.level,
        leadOrganisationId: record.lead.id,
        districtId: record.districtId,
        clusterCode: record.clusterCode,
        legalPerson: record.legalPerson,
        country: record.country,
        startDate: record.startDate,
        endDate: record.endDate,
        status: record.status,
        partnerIds: record.partners.map((p) => p.id),
        ...(mayCertify ? { certifiedAt: record.certifiedAt, certifyingBody: record.certifyingBody } : {}),
      }
    : { level: 'city', status: 'building', partnerIds: [], leadOrganisationId: ownLeadOnly ? own[0]?.value : undefined };
  const statusOptions = optionsOf(CARRIER_STATUS_LABELS).filter(
    (o) => mayCertify || o.value !== 'certified' || record?.status === 'certified',
  );
  return (
    <RecordForm form={form} endpoint="/api/carriers" record={record} initialValues={initialValues} onSaved={onSaved} onReload={onReload}>
      <Form.Item name="name" label="载体名称" rules={rules.name}>
        <Input maxLength={100} />
      </Form.Item>
      <div className="cj-two">
        <Form.Item name="kind" label="载体类型" rules={rules.kind}>
          <Select options={optionsOf(CARRIER_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={rules.level}>
          <Select options={optionsOf(CARRIER_LEVEL_LABELS)} />
        </Form.Item>
      </div>
      <Form.Item
        name="leadOrganisationId"
        label="牵头单位"
        rules={rules.leadOrganisationId}
        extra={ownLeadOnly ? '本单位牵头' : '输入学校或企业名称搜索'}
      >
        {ownLeadOnly ? <Select options={own} /> : <SearchSelect types={['school', 'enterprise']} known={known} />}
      </Form.Item>
      <Form.Item name="partnerIds" label="参与单位" rules={rules.partnerIds} extra="输入学校或企业名称搜索">
        <SearchSelect types={['school', 'enterprise']} known={known} multiple />
      </Form.Item>
      <div className="cj-two">
        <Form.Item name="districtId" label="所在区县(市)" rules={rules.districtId} extra="不填则取牵头单位所在区县">
          <Select allowClear options={choices.districts} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="clusterCode" label="对接产业集群" rules={rules.clusterCode}>
          <Select allowClear options={choices.clusters} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </div>
      <div className="cj-two">
        <Form.Item name="legalPerson" label="是否具有法人资格">
          <Select
            allowClear
            options={[
              { value: true, label: '具有法人资格' },
              { value: false, label: '不具有法人资格' },
            ]}
          />
        </Form.Item>
        <Form.Item name="country" label="合作国家或地区" rules={rules.country} extra="国际合作项目、鲁班工坊填写">
          <Input maxLength={50} />
        </Form.Item>
      </div>
      <div className="cj-two">
        <Form.Item name="startDate" label="成立日期" {...dateValue}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="endDate" label="终止日期" {...dateValue}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </div>
      <Form.Item name="status" label="状态" rules={rules.status}>
        <Select options={statusOptions} />
      </Form.Item>
      {mayCertify && (
        <div className="cj-two">
          <Form.Item name={CERTIFYING[0]} label="认定日期" {...dateValue}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name={CERTIFYING[1]} label="认定单位" rules={rules.certifyingBody}>
            <Input maxLength={100} />
          </Form.Item>
        </div>
      )}
    </RecordForm>
  );
}
