import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { practicalCourseInput } from '../../../../contracts/practical-courses.ts';
import { COURSE_STAGE_LABELS, COURSE_STATUS_LABELS } from '../../../../core/practical-courses/rules.ts';
import { errorMessage, post, put } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { SearchSelect } from '../registry/kit/options.tsx';
import { KEY, KIND_OPTIONS, type PracticalCourse } from './api.ts';

const rules = fieldRules(practicalCourseInput);
const FIELDS = ['kind', 'title', 'stages', 'hours', 'summary', 'partnerIds', 'status'];

/**
 * Enter a course, or correct one (`course`): its kind, the stages it serves, hours, summary and the enterprises it
 * was developed with. The server refuses a 职业体验 course without a partner enterprise, naming the rule.
 */
export function CourseForm({ course, onClose }: { course?: PracticalCourse; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    const body = { ...v, partnerIds: v.partnerIds ?? [] };
    try {
      if (course) await put(`/api/practical-courses/${course.id}`, { ...body, version: course.version });
      else await post('/api/practical-courses', body);
      await qc.invalidateQueries({ queryKey: [KEY] });
      onClose();
    } catch (e) {
      const rest = applyServerErrors(form, e, FIELDS);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const initial = course
    ? { ...course, partnerIds: course.partners.map((p) => p.id) }
    : { kind: 'career', stages: ['junior'], hours: 8, partnerIds: [] };
  return (
    <Modal
      open
      title={course ? '更正课程' : '登记课程'}
      okText="保存"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void onFinish(v)} data-testid="course-form">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="kind" label="课程类型" rules={[{ required: true, message: '请选择课程类型' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name="title" label="课程名称" rules={[{ required: true, message: '请填写课程名称' }, ...rules.title]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="stages" label="面向学段" rules={[{ required: true, message: '请至少选择一个学段' }]}>
          <Checkbox.Group options={Object.entries(COURSE_STAGE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="hours" label="课时" rules={[{ required: true, message: '请填写课时' }]}>
          <InputNumber min={1} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="summary" label="课程简介" rules={[{ required: true, message: '请填写课程简介' }, ...rules.summary]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="partnerIds" label="合作企业" extra="输入企业名称搜索；职业体验课程须至少一家">
          <SearchSelect types={['enterprise']} known={course?.partners.map((p) => ({ value: p.id, label: p.name })) ?? []} multiple />
        </Form.Item>
        {course && (
          <Form.Item name="status" label="状态">
            <Select options={Object.entries(COURSE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
