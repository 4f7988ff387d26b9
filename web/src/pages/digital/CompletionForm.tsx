import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import type { student } from '../../../../contracts/registry.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { applyServerErrors } from '../../forms/zod.ts';
import type { Course } from './api.ts';

type Student = z.infer<typeof student>;

/**
 * The providing school records a student's completion of a recognised course: the course's credits go to the
 * student's credit-bank account (once per course and student; recording again changes nothing).
 */
export function CompletionForm({ course, onClose }: { course: Course; onClose: () => void }) {
  const [form] = Form.useForm();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async (q: string) => {
    const page = await get<{ items: Student[] }>('/api/students', { q: q.trim() || undefined, pageSize: 20 });
    setOptions(page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.programName ?? '—'}，${s.cohort}级，${s.idNumberMasked}）` })));
  };
  const submit = async () => {
    const v = (await form.validateFields()) as { studentId: string; hours: number; grade?: string; completedOn: Dayjs };
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ credits: number }>(`/api/digital/courses/${course.id}/completions`, {
        studentId: v.studentId,
        hours: v.hours,
        grade: v.grade || null,
        completedOn: v.completedOn.format('YYYY-MM-DD'),
      });
      setDone(`已存入学分银行：${r.credits} 学分`);
    } catch (e) {
      const rest = applyServerErrors(form, e, ['studentId', 'hours', 'grade', 'completedOn']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`登记结业：${course.title}`}
      okText="存入学分银行"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" showIcon message={done} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" data-testid="completion-form">
        <Form.Item name="studentId" label="本校学生" rules={[{ required: true, message: '请选择学生' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={(q) => void search(q)}
            onFocus={() => void search('')}
            options={options}
            placeholder="输入姓名查找"
          />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="grade" label="成绩">
          <Input maxLength={20} placeholder="如 优秀、85" />
        </Form.Item>
        <Form.Item name="completedOn" label="结业日期" rules={[{ required: true, message: '请选择结业日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
      <p>{`课程学分：${course.credits}`}</p>
    </Modal>
  );
}
