import { Form, Input, InputNumber, Select, Switch } from 'antd';
import {
  ENTERPRISE_SIZE_LABELS,
  enterpriseCreate,
  INTEGRATION_STATUS_LABELS,
  type Enterprise,
  type EnterpriseDetail,
} from '../../../../../contracts/enterprises.ts';
import { useCan } from '../kit/can.ts';
import { rulesOf } from '../kit/forms.ts';
import { optionsOf } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';

const rules = rulesOf(enterpriseCreate, { districtId: '所在区县', size: '企业规模', staffCount: '职工人数' });

/**
 * 登记 / 编辑企业. The USCC (checked on the server against GB 32100-2015) and district are corrections of a
 * district or the bureau; the 产教融合型企业 status is the bureau's certification.
 */
export function EnterpriseForm({
  record,
  onSaved,
  onReload,
}: {
  record?: EnterpriseDetail;
  onSaved: (e: Enterprise) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const can = useCan();
  const choices = useChoices();
  const target = record ? { organisationId: record.id, districtId: record.districtId } : undefined;
  const mayCorrect = !record || can({ resource: 'enterprise', action: 'correct' }, target);
  const mayCertify = Boolean(record) && can({ resource: 'enterprise', action: 'certify' }, target);
  const initialValues = record
    ? {
        uscc: record.uscc,
        districtId: record.districtId,
        name: record.name,
        size: record.size,
        industryCode: record.industryCode,
        clusterCode: record.clusterCode,
        staffCount: record.staffCount,
        payrollYuan: record.payrollYuan,
        aboveDesignatedSize: record.aboveDesignatedSize,
        ...(mayCertify ? { integrationStatus: record.integrationStatus } : {}),
      }
    : { aboveDesignatedSize: false };
  const locked = mayCorrect ? undefined : '如需更正，请联系所在区县或市教育局';
  return (
    <RecordForm form={form} endpoint="/api/enterprises" record={record} initialValues={initialValues} onSaved={onSaved} onReload={onReload}>
      <Form.Item name="name" label="企业名称" rules={rules.name}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码" rules={rules.uscc} extra={locked ?? '18位，按GB 32100-2015校验'}>
        <Input maxLength={40} disabled={!mayCorrect} className="cj-mono" style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name="districtId" label="所在区县(市)" rules={rules.districtId} extra={locked}>
        <Select options={choices.districts} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} disabled={!mayCorrect} />
      </Form.Item>
      <div className="cj-two">
        <Form.Item name="size" label="企业规模" rules={rules.size}>
          <Select options={optionsOf(ENTERPRISE_SIZE_LABELS)} />
        </Form.Item>
        <Form.Item name="industryCode" label="行业代码" rules={rules.industryCode} extra="GB/T 4754-2017，如 C3411">
          <Input maxLength={5} />
        </Form.Item>
      </div>
      <Form.Item name="clusterCode" label="所属产业集群" rules={rules.clusterCode}>
        <Select allowClear options={choices.clusters} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <div className="cj-two">
        <Form.Item name="staffCount" label="职工人数" rules={rules.staffCount}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payrollYuan" label="工资总额（元）" rules={rules.payrollYuan}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="aboveDesignatedSize" label="规模以上企业" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      {mayCertify && (
        <Form.Item name="integrationStatus" label="产教融合型企业" extra="市教育局认定">
          <Select options={optionsOf(INTEGRATION_STATUS_LABELS)} />
        </Form.Item>
      )}
    </RecordForm>
  );
}
