import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { coursePut } from '../../../../contracts/digital.ts';
import { errorMessage, post, put } from '../../api/client.ts';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import { KEY, type Course } from './api.ts';

const rules = fieldRules(coursePut);
const FIELDS = ['title', 'level', 'majorCodes', 'url', 'credits', 'enrolments', 'partnerEnterpriseId', 'summary'];

/**
 * A school declares a 精品在线课程 or corrects one not yet recognised: the majors are codes of the national
 * 职业教育专业目录 (6 digits), the partner enterprise is optional (its register id, from the enterprise's page).
 */
export function CourseForm({ course, onClose }: { course: Course | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const body = { ...v, partnerEnterpriseId: v.partnerEnterpriseId || null, summary: v.summary || null };
    try {
      if (course) await put(`/api/digital/courses/${course.id}`, { ...body, version: course.version });
      else await post('/api/digital/courses', body);
      await qc.invalidateQueries({ queryKey: [KEY] });
      onClose();
    } catch (e) {
      const rest = applyServerErrors(form, e, FIELDS);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={course ? '更正课程' : '申报精品在线课程'}
      okText="提交认定"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="course-form"
        initialValues={
          course
            ? { ...course, majorCodes: course.majors.map((m) => m.code) }
            : { level: 'city', credits: 2, enrolments: 0, majorCodes: [] }
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="title" label="课程名称" rules={[{ required: true, message: '请填写课程名称' }, ...(rules.title ?? [])]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="level" label="级别" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'city', label: '市级' },
              { value: 'province', label: '省级' },
              { value: 'national', label: '国家级' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="majorCodes"
          label="服务的专业（专业代码，回车添加）"
          rules={[{ required: true, message: '请至少填写一个专业代码' }]}
        >
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="如 460101" />
        </Form.Item>
        <Form.Item name="url" label="课程网址" rules={[{ required: true, message: '请填写课程网址' }, ...(rules.url ?? [])]}>
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
        <Form.Item name="credits" label="学分" rules={[{ required: true, message: '请填写学分' }]}>
          <InputNumber min={0.5} max={10} step={0.5} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="enrolments"
          label="累计选课人数"
          rules={[{ required: true, message: '请填写选课人数' }, ...(rules.enrolments ?? [])]}
        >
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="partnerEnterpriseId" label="合作企业编号（校企共建时填写）" rules={rules.partnerEnterpriseId}>
          <Input placeholder="企业库中的企业编号" />
        </Form.Item>
        <Form.Item name="summary" label="课程简介" rules={rules.summary}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
