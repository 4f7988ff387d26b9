import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { STUDENT_STATUSES, studentCreate, type Student } from '../../../../../contracts/registry.ts';
import { dateValue, rulesOf } from '../kit/forms.ts';
import { useProgramChoices } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { SchoolField, useDefaultSchoolId } from '../kit/SchoolField.tsx';
import { SEX_LABELS, STUDENT_STATUS_LABELS } from '../labels.ts';

const rules = rulesOf(studentCreate, { schoolId: '学校', cohort: '入学年份' });
const statusOptions = STUDENT_STATUSES.map((s) => ({ value: s, label: STUDENT_STATUS_LABELS[s] ?? s }));
const sexOptions = Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 登记 / 编辑学生. The ID number and phone are never shown here in clear: on an edit they are empty and
 * only sent when retyped (the server checks the number, and birth date and sex against it).
 */
export function StudentForm({
  record,
  onSaved,
  onReload,
}: {
  record?: Student;
  onSaved: (s: Student) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const defaultSchool = useDefaultSchoolId();
  const schoolId = (Form.useWatch('schoolId', form) as string | undefined) ?? record?.schoolId;
  const programs = useProgramChoices(schoolId);
  const initialValues = record
    ? {
        programId: record.programId,
        name: record.name,
        cohort: record.cohort,
        birthDate: record.birthDate,
        sex: record.sex,
        status: record.status,
      }
    : { schoolId: defaultSchool, cohort: new Date().getFullYear(), status: 'enrolled' };
  const piiRules = record ? rules.idNumber.filter((r) => !('required' in r)) : rules.idNumber;
  return (
    <RecordForm form={form} endpoint="/api/students" record={record} initialValues={initialValues} onSaved={onSaved} onReload={onReload}>
      <SchoolField editing={Boolean(record)} rules={rules.schoolId} />
      <Form.Item name="name" label="姓名" rules={rules.name}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="programId" label="就读专业" rules={rules.programId}>
        <Select
          allowClear
          options={programs.options}
          loading={programs.loading}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!schoolId}
        />
      </Form.Item>
      <Form.Item name="cohort" label="入学年份" rules={rules.cohort}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="居民身份证号码"
        rules={piiRules}
        extra={record ? `现为 ${record.idNumberMasked}；不修改请留空` : '加密保存，列表中只显示脱敏号码'}
      >
        <Input maxLength={30} autoComplete="off" placeholder={record ? '不修改请留空' : undefined} />
      </Form.Item>
      <div className="cj-two">
        <Form.Item name="birthDate" label="出生日期" {...dateValue} extra="可不填，由身份证号推出">
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item name="sex" label="性别" extra="可不填，由身份证号推出">
          <Select allowClear options={sexOptions} />
        </Form.Item>
      </div>
      <Form.Item
        name="phone"
        label="手机号码"
        rules={rules.phone}
        extra={record ? `现为 ${record.phoneMasked ?? '未登记'}；不修改请留空` : undefined}
      >
        <Input maxLength={30} autoComplete="off" inputMode="tel" placeholder={record ? '不修改请留空' : undefined} />
      </Form.Item>
      <Form.Item name="status" label="学籍状态" rules={rules.status}>
        <Select options={statusOptions} />
      </Form.Item>
    </RecordForm>
  );
}
