import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { SCHOOL_LEVEL_LABELS, schoolCreate, type School, type SchoolDetail } from '../../../../../contracts/registry.ts';
import { useCan } from '../kit/can.ts';
import { rulesOf } from '../kit/forms.ts';
import { optionsOf } from '../kit/ListPage.tsx';
import { useChoices } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { OWNERSHIP_LABELS } from '../labels.ts';

const rules = rulesOf(schoolCreate, { level: '办学层次', districtId: '所在区县', ownership: '办学性质' });

/** 登记 / 编辑学校. The code, district and level are corrections only a district or the bureau may make. */
export function SchoolForm({
  record,
  onSaved,
  onReload,
}: {
  record?: SchoolDetail;
  onSaved: (s: School) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const can = useCan();
  const choices = useChoices();
  const mayCorrect =
    !record || can({ resource: 'school', action: 'correct' }, { organisationId: record.id, districtId: record.districtId });
  const initialValues = record
    ? {
        code: record.code,
        name: record.name,
        level: record.level,
        districtId: record.districtId,
        ownership: record.ownership,
        enterpriseRun: record.enterpriseRun,
        staffingQuota: record.staffingQuota,
      }
    : { ownership: 'public', enterpriseRun: false };
  const locked = mayCorrect ? undefined : '如需更正，请联系所在区县或市教育局';
  return (
    <RecordForm form={form} endpoint="/api/schools" record={record} initialValues={initialValues} onSaved={onSaved} onReload={onReload}>
      <Form.Item name="name" label="学校名称" rules={rules.name}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="code" label="学校标识码" rules={rules.code} extra={locked ?? '教育部颁发的10位学校标识码'}>
        <Input maxLength={30} disabled={!mayCorrect} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="level" label="办学层次" rules={rules.level} extra={locked}>
        <Select options={optionsOf(SCHOOL_LEVEL_LABELS)} disabled={!mayCorrect} />
      </Form.Item>
      <Form.Item name="districtId" label="所在区县(市)" rules={rules.districtId} extra={locked}>
        <Select options={choices.districts} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} disabled={!mayCorrect} />
      </Form.Item>
      <Form.Item name="ownership" label="办学性质" rules={rules.ownership}>
        <Select options={optionsOf(OWNERSHIP_LABELS)} />
      </Form.Item>
      <Form.Item name="enterpriseRun" label="企业举办" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item name="staffingQuota" label="核定编制数" rules={rules.staffingQuota} extra="用于计算兼职教师占比上限（二 (三) 8）">
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </RecordForm>
  );
}
