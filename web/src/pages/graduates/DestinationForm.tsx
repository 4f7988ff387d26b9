import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { destinationPut } from '../../../../contracts/graduates.ts';
import { errorMessage } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { useChoices } from '../registry/kit/options.tsx';
import { SearchSelect } from '../registry/kit/options.tsx';
import { useCatalogue, type Destination } from './api.ts';

const rules = fieldRules(destinationPut);
/** The district choice's value for a place outside Zhengzhou (the API's null). */
const OUTSIDE = 'outside';
const FIELDS = [
  'graduationYear',
  'categoryCode',
  'employerName',
  'employerOrganisationId',
  'industryCode',
  'studySchool',
  'studyLevel',
  'studyFullTime',
  'districtId',
  'note',
];

export interface DestinationValues {
  graduationYear: number;
  categoryCode: string;
  employerName?: string | null;
  employerOrganisationId?: string | null;
  industryCode?: string | null;
  studySchool?: string | null;
  studyLevel?: string | null;
  studyFullTime?: boolean | null;
  districtId?: string | null;
  note?: string | null;
}

/**
 * 登记毕业去向 (the school) or 申请更正 (the student): the fields the chosen category asks for (the rules are the
 * server's: core/graduates/rules.ts), the place as a Zhengzhou district or 郑州市外. `submit` sends the values.
 */
export function DestinationForm({
  initial,
  graduationYear,
  noteRequired,
  submitText,
  submit,
}: {
  initial?: Destination | Record<string, unknown> | null;
  graduationYear: number;
  noteRequired?: boolean;
  submitText: string;
  submit: (values: DestinationValues) => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const catalogue = useCatalogue();
  const { districts } = useChoices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = Form.useWatch('categoryCode', form) as string | undefined;
  const group = catalogue.data?.categories.find((c) => c.code === code)?.group;
  const located = group && ['employed', 'selfEmployed', 'flexible', 'furtherStudy'].includes(group);
  const init = (initial ?? {}) as Record<string, unknown>;
  const initialValues = {
    graduationYear: (init.graduationYear as number) ?? graduationYear,
    categoryCode: init.categoryCode,
    employerName: init.employerName,
    employerOrganisationId: init.employerOrganisationId,
    industryCode: init.industryCode,
    studySchool: init.studySchool,
    studyLevel: init.studyLevel,
    studyFullTime: init.studyFullTime,
    districtId: 'districtId' in init ? (init.districtId ?? (init.categoryCode ? OUTSIDE : undefined)) : undefined,
    note: noteRequired ? undefined : init.note,
  };
  const onFinish = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const keep = (k: string, on: boolean | undefined) => (on ? ((v[k] as string | null | undefined) ?? null) : null);
    const values: DestinationValues = {
      graduationYear: v.graduationYear as number,
      categoryCode: v.categoryCode as string,
      employerName: keep('employerName', group === 'employed' || group === 'selfEmployed'),
      employerOrganisationId: keep('employerOrganisationId', group === 'employed' || group === 'selfEmployed'),
      industryCode: keep('industryCode', group === 'employed' || group === 'selfEmployed'),
      studySchool: keep('studySchool', group === 'furtherStudy'),
      studyLevel: keep('studyLevel', group === 'furtherStudy'),
      studyFullTime: group === 'furtherStudy' ? ((v.studyFullTime as boolean | undefined) ?? null) : null,
      ...(located ? { districtId: v.districtId === OUTSIDE ? null : ((v.districtId as string | undefined) ?? undefined) } : {}),
      note: (v.note as string | undefined) || null,
    };
    try {
      await submit(values);
    } catch (e) {
      const rest = applyServerErrors(form, e, FIELDS);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)} data-testid="destination-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space wrap size={16}>
        <Form.Item name="graduationYear" label="毕业年份" rules={rules.graduationYear}>
          <InputNumber min={2000} max={2100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="categoryCode" label="毕业去向" rules={[{ required: true, message: '请选择毕业去向' }]}>
          <Select
            style={{ width: 260 }}
            loading={catalogue.isPending}
            options={(catalogue.data?.categories ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          />
        </Form.Item>
      </Space>
      {(group === 'employed' || group === 'selfEmployed') && (
        <>
          <Form.Item name="employerOrganisationId" label="平台在册企业（可不选；选择后由企业确认）">
            <SearchSelect types={['enterprise']} placeholder="输入企业名称搜索" />
          </Form.Item>
          <Form.Item name="employerName" label="单位名称（未在平台的单位）" rules={rules.employerName}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="industryCode" label="单位所属行业（GB/T 4754 代码，如 C 或 3811）" rules={rules.industryCode}>
            <Input maxLength={5} style={{ width: 160 }} />
          </Form.Item>
        </>
      )}
      {group === 'furtherStudy' && (
        <Space wrap size={16}>
          <Form.Item name="studySchool" label="录取学校" rules={rules.studySchool}>
            <Input maxLength={200} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="studyLevel" label="就读层次">
            <Select style={{ width: 160 }} options={(catalogue.data?.studyLevels ?? []).map((l) => ({ value: l.code, label: l.name }))} />
          </Form.Item>
          <Form.Item name="studyFullTime" label="是否全日制">
            <Radio.Group
              options={[
                { value: true, label: '全日制' },
                { value: false, label: '非全日制' },
              ]}
            />
          </Form.Item>
        </Space>
      )}
      {located && (
        <Form.Item name="districtId" label="工作或就读地点" rules={[{ required: true, message: '请选择郑州市区县，或“郑州市外”' }]}>
          <Select
            style={{ width: 240 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={[...districts, { value: OUTSIDE, label: '郑州市外' }]}
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={noteRequired ? '更正说明（学校据此核实）' : '备注'}
        rules={noteRequired ? [{ required: true, min: 2, message: '请说明需要更正的内容（至少2个字）' }] : rules.note}
      >
        <Input.TextArea maxLength={500} rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitText}
      </Button>
    </Form>
  );
}
