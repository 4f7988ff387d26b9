import { Form, Input, Select, Switch } from 'antd';
import { majorGroupCreate, type MajorGroup, type MajorGroupDetail } from '../../../../../contracts/major-groups.ts';
import { useCan } from '../kit/can.ts';
import { rulesOf } from '../kit/forms.ts';
import { useChoices, useProgramChoices } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { SchoolField, useDefaultSchoolId } from '../kit/SchoolField.tsx';

const rules = rulesOf(majorGroupCreate, { schoolId: '学校', clusterCode: '对接产业集群' });

/** 登记 / 编辑专业群: the school's programs grouped and aligned to one of the plan's clusters. */
export function MajorGroupForm({
  record,
  onSaved,
  onReload,
}: {
  record?: MajorGroupDetail;
  onSaved: (g: MajorGroup) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const can = useCan();
  const choices = useChoices();
  const defaultSchool = useDefaultSchoolId();
  const schoolId = (Form.useWatch('schoolId', form) as string | undefined) ?? record?.schoolId;
  const programs = useProgramChoices(schoolId);
  const mayDesignate = can({ resource: 'majorGroup', action: 'designate' });
  const initialValues = record
    ? {
        name: record.name,
        clusterCode: record.clusterCode,
        programIds: record.programs.map((p) => p.id),
        ...(mayDesignate ? { keyMajor: record.keyMajor } : {}),
      }
    : { schoolId: defaultSchool, programIds: [], ...(mayDesignate ? { keyMajor: false } : {}) };
  return (
    <RecordForm
      form={form}
      endpoint="/api/major-groups"
      record={record}
      initialValues={initialValues}
      onSaved={onSaved}
      onReload={onReload}
    >
      <SchoolField editing={Boolean(record)} rules={rules.schoolId} />
      <Form.Item name="name" label="专业群名称" rules={rules.name}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="clusterCode" label="对接产业集群" rules={rules.clusterCode} extra="《实施方案》二 (一) 3 所列产业集群">
        <Select options={choices.clusters} loading={choices.loading} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="programIds" label="成员专业" rules={rules.programIds} extra={schoolId ? '本校开设的专业' : '请先选择学校'}>
        <Select
          mode="multiple"
          options={programs.options}
          loading={programs.loading}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!schoolId}
        />
      </Form.Item>
      {mayDesignate && (
        <Form.Item name="keyMajor" label="产教融合型重点专业（群）" valuePropName="checked" extra="由市教育局认定（任务清单 3）">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      )}
    </RecordForm>
  );
}
