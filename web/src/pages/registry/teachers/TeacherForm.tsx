import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Switch, Typography } from 'antd';
import {
  dualQualifiedEvidence,
  EMPLOYMENT_LABELS,
  SUBJECT_LABELS,
  teacherCreate,
  type Teacher,
  type TeacherDetail,
} from '../../../../../contracts/teachers.ts';
import { dateValue, rulesOf } from '../kit/forms.ts';
import { optionsOf } from '../kit/ListPage.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { SchoolField, useDefaultSchoolId } from '../kit/SchoolField.tsx';

const rules = rulesOf(teacherCreate, { schoolId: '学校', employment: '聘用类型', subject: '任教类别' });
const evidenceRules = rulesOf(dualQualifiedEvidence);

type Values = Record<string, unknown>;
const orNull = (v: unknown) => (v === undefined || v === '' ? null : v);

/** Evidence only with a 双师型 status; periods without an end are still running. */
function toBody(values: Values): Values {
  const evidence = values.dualQualifiedEvidence as Record<string, unknown> | null | undefined;
  const periods = (values.practicePeriods as Record<string, unknown>[] | undefined) ?? [];
  return {
    ...values,
    subjectName: orNull(values.subjectName),
    // Never shown in clear: sent only when typed (an edit leaves the stored number alone otherwise).
    idNumber: values.idNumber ? values.idNumber : undefined,
    dualQualifiedEvidence:
      values.dualQualified && evidence?.certificateName
        ? {
            certificateName: evidence.certificateName,
            certificateNumber: orNull(evidence.certificateNumber),
            issuer: orNull(evidence.issuer),
            issuedOn: orNull(evidence.issuedOn),
          }
        : null,
    practicePeriods: periods.map((p) => ({
      enterpriseId: orNull(p.enterpriseId),
      enterpriseName: orNull(p.enterpriseName),
      startDate: p.startDate,
      endDate: orNull(p.endDate),
    })),
  };
}

/** 登记 / 编辑教师: employment, subject, 双师型 with its certificate, and 企业实践 periods (the 1-year-in-5 rule). */
export function TeacherForm({
  record,
  onSaved,
  onReload,
}: {
  record?: TeacherDetail;
  onSaved: (t: Teacher) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const schoolId = useDefaultSchoolId();
  const dual = Form.useWatch('dualQualified', form) as boolean | undefined;
  // Like the server: a record imported as 双师型 without its certificate stays editable; a new status needs one.
  const evidenceRequired = !record || !record.dualQualified || record.dualQualifiedEvidence !== null;
  const initialValues: Values = record
    ? {
        name: record.name,
        employment: record.employment,
        subject: record.subject,
        subjectName: record.subjectName,
        dualQualified: record.dualQualified,
        dualQualifiedEvidence: record.dualQualifiedEvidence,
        practicePeriods: record.practicePeriods.map(({ id: _id, ...p }) => p),
      }
    : { schoolId, employment: 'fullTime', subject: 'specialty', dualQualified: false, dualQualifiedEvidence: null, practicePeriods: [] };
  return (
    <RecordForm
      form={form}
      endpoint="/api/teachers"
      record={record}
      initialValues={initialValues}
      toBody={toBody}
      onSaved={onSaved}
      onReload={onReload}
    >
      <SchoolField editing={Boolean(record)} rules={rules.schoolId} />
      <Form.Item name="name" label="姓名" rules={rules.name}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="居民身份证号码"
        rules={rules.idNumber.filter((r) => !('required' in r))}
        extra={
          record?.idNumberMasked
            ? `现为 ${record.idNumberMasked}；不修改请留空`
            : '可不填；加密保存，只显示脱敏号码，是教师导入时的识别依据'
        }
      >
        <Input maxLength={30} autoComplete="off" placeholder={record?.idNumberMasked ? '不修改请留空' : undefined} />
      </Form.Item>
      <Form.Item name="employment" label="聘用类型" rules={rules.employment}>
        <Select options={optionsOf(EMPLOYMENT_LABELS)} />
      </Form.Item>
      <Form.Item name="subject" label="任教类别" rules={rules.subject}>
        <Select options={optionsOf(SUBJECT_LABELS)} />
      </Form.Item>
      <Form.Item name="subjectName" label="任教专业或学科" rules={rules.subjectName}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="dualQualified" label="“双师型”教师" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      {dual && (
        <Card size="small" title="“双师型”认定佐证" className="cj-section">
          <Form.Item
            name={['dualQualifiedEvidence', 'certificateName']}
            label="证书名称"
            rules={[
              { required: evidenceRequired, message: '请填写证书名称' },
              ...evidenceRules.certificateName.filter((r) => !('required' in r)),
            ]}
          >
            <Input maxLength={100} placeholder="如：高级技师职业资格证书" />
          </Form.Item>
          <Form.Item name={['dualQualifiedEvidence', 'certificateNumber']} label="证书编号" rules={evidenceRules.certificateNumber}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name={['dualQualifiedEvidence', 'issuer']} label="发证机构" rules={evidenceRules.issuer}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['dualQualifiedEvidence', 'issuedOn']} label="发证日期" {...dateValue}>
            <DatePicker style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Card>
      )}
      <Typography.Text strong>企业实践记录</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        专业课教师每5年累计不少于1年到企业实践（二 (三) 10）；尚未结束的不填结束日期。
      </Typography.Paragraph>
      <Form.List name="practicePeriods">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                className="cj-list-card"
                extra={<MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该段实践" />}
                title={`第 ${f.name + 1} 段`}
              >
                <Form.Item name={[f.name, 'enterpriseId']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[f.name, 'enterpriseName']} label="实践企业" rules={[{ required: true, message: '请填写企业名称' }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <div className="cj-two">
                  <Form.Item
                    name={[f.name, 'startDate']}
                    label="开始日期"
                    rules={[{ required: true, message: '请选择开始日期' }]}
                    {...dateValue}
                  >
                    <DatePicker style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'endDate']}
                    label="结束日期"
                    {...dateValue}
                    dependencies={[['practicePeriods', f.name, 'startDate']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_r, end: string | null) => {
                          const start = getFieldValue(['practicePeriods', f.name, 'startDate']) as string | null;
                          if (end && start && end < start) throw new Error('结束日期不能早于开始日期');
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} inputReadOnly placeholder="进行中" />
                  </Form.Item>
                </div>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} style={{ margin: '8px 0 16px' }} onClick={() => add({})}>
              添加企业实践
            </Button>
          </>
        )}
      </Form.List>
    </RecordForm>
  );
}
