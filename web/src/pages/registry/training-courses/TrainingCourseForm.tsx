import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import type { Program } from '../../../../../contracts/programs.ts';
import { TRAINING_MODE_LABELS, trainingCourseCreate, type TrainingCourse } from '../../../../../contracts/training-courses.ts';
import { get } from '../../../api/client.ts';
import { rulesOf } from '../kit/forms.ts';
import { optionsOf } from '../kit/ListPage.tsx';
import { RecordForm } from '../kit/RecordForm.tsx';
import { SchoolField, useDefaultSchoolId } from '../kit/SchoolField.tsx';

const rules = rulesOf(trainingCourseCreate, { schoolId: '学校', majorCode: '专业领域', mode: '培训方式' });

/** The fields a school trains in: the majors of its programs, by catalogue code (as demands name them). */
function useMajorChoices(schoolId: string | undefined) {
  const q = useQuery({
    queryKey: ['/api/programs', 'majors', schoolId],
    enabled: Boolean(schoolId),
    staleTime: 60_000,
    queryFn: ({ signal }) => get<{ items: Program[] }>('/api/programs', { schoolId, pageSize: 200 }, { signal }),
  });
  return {
    loading: q.isFetching,
    options: (q.data?.items ?? []).map((p) => ({ value: p.majorCode, label: `${p.majorName}（${p.majorCode}）` })),
  };
}

/** 登记 / 编辑培训课程: what a school offers to train enterprises' employees (二 (二) 5). */
export function TrainingCourseForm({
  record,
  onSaved,
  onReload,
}: {
  record?: TrainingCourse;
  onSaved: (c: TrainingCourse) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const defaultSchool = useDefaultSchoolId();
  const schoolId = (Form.useWatch('schoolId', form) as string | undefined) ?? record?.schoolId;
  const majors = useMajorChoices(schoolId);
  const known =
    record && !majors.options.some((o) => o.value === record.majorCode)
      ? [{ value: record.majorCode, label: `${record.majorName ?? ''}（${record.majorCode}）` }]
      : [];
  const initialValues = record
    ? {
        name: record.name,
        majorCode: record.majorCode,
        hours: record.hours,
        mode: record.mode,
        trainees: record.trainees,
        capacityPerYear: record.capacityPerYear,
      }
    : { schoolId: defaultSchool, mode: 'offline' };
  return (
    <RecordForm
      form={form}
      endpoint="/api/training-courses"
      record={record}
      initialValues={initialValues}
      onSaved={onSaved}
      onReload={onReload}
    >
      <SchoolField editing={Boolean(record)} rules={rules.schoolId} />
      <Form.Item name="name" label="课程名称" rules={rules.name}>
        <Input maxLength={100} placeholder="如 数控车铣加工提升班" />
      </Form.Item>
      <Form.Item
        name="majorCode"
        label="专业领域"
        rules={rules.majorCode}
        extra={schoolId ? '本校开设的专业；与企业培训需求的专业比对' : '请先选择学校'}
      >
        <Select
          options={[...known, ...majors.options]}
          loading={majors.loading}
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!schoolId}
        />
      </Form.Item>
      <Space wrap size={16}>
        <Form.Item name="hours" label="学时" rules={rules.hours}>
          <InputNumber min={1} max={2000} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="capacityPerYear" label="年培训能力（人）" rules={rules.capacityPerYear}>
          <InputNumber min={1} max={100000} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="mode" label="培训方式" rules={rules.mode}>
        <Select options={optionsOf(TRAINING_MODE_LABELS)} />
      </Form.Item>
      <Form.Item name="trainees" label="培训对象" rules={rules.trainees}>
        <Input maxLength={100} placeholder="如 制造企业一线技术工人" />
      </Form.Item>
    </RecordForm>
  );
}
