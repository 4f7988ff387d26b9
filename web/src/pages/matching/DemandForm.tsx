import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { DEMAND_KIND_LABELS, DEMAND_KINDS, demandCreate, type Demand } from '../../../../contracts/matching.ts';
import { useOwnOrganisations } from '../registry/kit/can.ts';
import { dateValue, rulesOf } from '../registry/kit/forms.ts';
import { SearchSelect } from '../registry/kit/options.tsx';
import { RecordForm } from '../registry/kit/RecordForm.tsx';
import { KEY } from './api.ts';

const rules = rulesOf(demandCreate, { enterpriseId: '企业', kind: '类型', title: '名称' });
const tags = { mode: 'tags' as const, tokenSeparators: [',', '，', ' '], open: false };

/**
 * 发布 / 修改需求. The bureau chooses the enterprise it posts for; an enterprise posts its own. Internship demands
 * are made from the internship post pages (the post keeps their terms), so a new one here is of the other kinds.
 * Edits send the changed fields with the version read (a stale one shows the reload prompt).
 */
export function DemandForm({
  record,
  onSaved,
  onReload,
}: {
  record?: Demand;
  onSaved: (d: Demand) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  // An enterprise posts its own; the bureau (no enterprise of its own) names the one it posts for.
  const onBehalf = useOwnOrganisations('enterprise').length === 0;
  const kind = (Form.useWatch('kind', form) as Demand['kind'] | undefined) ?? record?.kind;
  const initialValues = record
    ? {
        title: record.title,
        description: record.description,
        majorCodes: record.majorCodes,
        skills: record.skills,
        certificates: record.certificates,
        startDate: record.startDate,
        endDate: record.endDate,
        headcount: record.headcount,
        budgetYuan: record.budgetYuan,
        monthlyPayYuan: record.monthlyPayYuan,
      }
    : { kind: 'talent', status: 'open', majorCodes: [], skills: [], certificates: [] };
  return (
    <RecordForm
      form={form}
      endpoint="/api/demands"
      record={record}
      initialValues={initialValues}
      onReload={onReload}
      submitText={record ? '保存修改' : '发布'}
      onSaved={(d: Demand) => {
        void qc.invalidateQueries({ queryKey: [KEY] });
        onSaved(d);
      }}
    >
      {!record && onBehalf && (
        <Form.Item name="enterpriseId" label="代哪家企业发布" rules={[{ required: true, message: '请选择企业' }]}>
          <SearchSelect types={['enterprise']} placeholder="输入企业名称搜索" />
        </Form.Item>
      )}
      {!record && (
        <Space wrap size={16}>
          <Form.Item name="kind" label="类型" rules={rules.kind}>
            <Select
              style={{ width: 160 }}
              options={DEMAND_KINDS.filter((k) => k !== 'internship').map((k) => ({ value: k, label: DEMAND_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="status" label="发布方式">
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'open', label: '立即开放' },
                { value: 'draft', label: '保存为草稿' },
              ]}
            />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="title" label="名称" rules={rules.title}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label="说明">
        <Input.TextArea maxLength={2000} rows={4} />
      </Form.Item>
      <Form.Item name="majorCodes" label="需要的专业（6位专业代码）" rules={rules.majorCodes}>
        <Select {...tags} placeholder="如 460103，回车添加" />
      </Form.Item>
      <Form.Item name="skills" label="技能" rules={rules.skills}>
        <Select {...tags} />
      </Form.Item>
      <Form.Item name="certificates" label="证书（如 1+X）" rules={rules.certificates}>
        <Select {...tags} />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="startDate" label="开始日期" {...dateValue}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endDate" label="结束日期" {...dateValue}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space wrap size={16}>
        <Form.Item name="headcount" label="人数" rules={rules.headcount}>
          <InputNumber min={1} style={{ width: 140 }} />
        </Form.Item>
        {kind === 'technology' && (
          <Form.Item name="budgetYuan" label="预算（元）" rules={rules.budgetYuan}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
        )}
        {kind === 'talent' && (
          <Form.Item name="monthlyPayYuan" label="月薪（元）" rules={rules.monthlyPayYuan}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Space>
    </RecordForm>
  );
}
