import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { programCreate, programYear, type Program, type ProgramDetail } from '../../../../../contracts/programs.ts';
import { percentValue, rulesOf } from '../kit/forms.ts';
import { SearchSelect } from '../kit/options.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { SchoolField, useDefaultSchoolId } from '../kit/SchoolField.tsx';

const rules = rulesOf(programCreate, { schoolId: '学校', majorId: '专业', startYear: '开设年份' });
const yearRules = rulesOf(programYear, { year: '年份' });

/** 登记 / 编辑开设专业: the catalogue major, the year it opened, the practice-teaching share and yearly figures. */
export function ProgramForm({
  record,
  onSaved,
  onReload,
}: {
  record?: ProgramDetail;
  onSaved: (p: Program) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const schoolId = useDefaultSchoolId();
  const initialValues = record
    ? { majorId: record.majorId, startYear: record.startYear, practiceShare: record.practiceShare, years: record.years }
    : { schoolId, startYear: new Date().getFullYear(), years: [] };
  const known = record ? [{ value: record.majorId, label: `${record.majorName}（${record.majorCode}，目录 ${record.edition}）` }] : [];
  return (
    <RecordForm form={form} endpoint="/api/programs" record={record} initialValues={initialValues} onSaved={onSaved} onReload={onReload}>
      <SchoolField editing={Boolean(record)} rules={rules.schoolId} />
      <Form.Item
        name="majorId"
        label="专业（专业目录）"
        rules={rules.majorId}
        extra="输入专业名称或代码搜索；改为新版目录中的同一专业时在此更换"
      >
        <SearchSelect types={['major']} known={known} />
      </Form.Item>
      <Form.Item name="startYear" label="开设年份" rules={rules.startYear}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="practiceShare"
        label="实践性教学课时占总课时比例（%）"
        rules={rules.practiceShare}
        {...percentValue}
        extra="《实施方案》要求不低于50%（二 (三) 8）"
      >
        <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} suffix="%" />
      </Form.Item>
      <Typography.Text strong>逐年招生和毕业人数</Typography.Text>
      <Form.List name="years">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline" className="cj-list-row">
                <Form.Item name={[f.name, 'year']} rules={yearRules.year}>
                  <InputNumber placeholder="年份" precision={0} style={{ width: 96 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'enrolment']} rules={yearRules.enrolment}>
                  <InputNumber placeholder="招生人数" precision={0} min={0} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'graduates']} rules={yearRules.graduates}>
                  <InputNumber placeholder="毕业人数" precision={0} min={0} style={{ width: 110 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除该年" />
              </Space>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ margin: '8px 0 16px' }}
              onClick={() => add({ year: nextYear(form.getFieldValue('years')) })}
            >
              添加年份
            </Button>
          </>
        )}
      </Form.List>
    </RecordForm>
  );
}

function nextYear(years: { year?: number }[] | undefined): number {
  const known = (years ?? []).map((y) => y.year).filter((y): y is number => typeof y === 'number');
  return known.length ? Math.max(...known) + 1 : new Date().getFullYear();
}
